import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';

describeEachDatabase('text with U+0000 (NUL)', (database, dialect) => {
  it('is refused as invalid_input before it reaches the database, and nothing is written', async () => {
    const { scope, client } = await seedBusiness(database());
    const before = await countRows(database().db, ['clients', 'tickets', 'ticket_messages', 'audit_log']);
    await expectPorticoError(scope.clients.create({ name: 'Globex\u0000 Corp', contacts: [{ name: 'Ann', email: 'ann@globex.test' }] }), 'invalid_input');
    await expectPorticoError(
      scope.tickets.open({ clientId: client.id, contactId: client.contacts[0]!.id, subject: 'Hello', message: 'A message\u0000 with NUL' }),
      'invalid_input',
    );
    expect(await countRows(database().db, ['clients', 'tickets', 'ticket_messages', 'audit_log'])).toEqual(before);
  });

  it('in a lookup by id, a list of ids, or a raw query: invalid_input, not a database error', async () => {
    const { scope } = await seedBusiness(database());
    await expectPorticoError(scope.tickets.get('tkt_\u0000'), 'invalid_input');
    const { db } = database();
    await expectPorticoError(db.selectFrom('tickets').select('id').where('id', 'in', ['tkt_a', 'tkt_\u0000']).execute(), 'invalid_input');
    await expectPorticoError(sql`select ${'a\u0000b'} as text`.execute(db), 'invalid_input');
  });

  it('leaves bytes alone: a file with zero bytes in it is stored and read back whole', async () => {
    const { db } = database();
    const bytes = Buffer.from([0, 65, 0, 66, 0]);
    const { rows } = await sql<{ bytes: Uint8Array }>`select cast(${bytes} as ${sql.raw(dialect === 'postgres' ? 'bytea' : 'blob')}) as bytes`.execute(db);
    expect(Buffer.from(rows[0]!.bytes)).toEqual(bytes);
    // Escaped in JSON, the character is six plain characters: nothing to refuse.
    const { rows: json } = await sql<{ text: string }>`select ${JSON.stringify({ note: 'a\u0000b' })} as text`.execute(db);
    expect(JSON.parse(json[0]!.text)).toEqual({ note: 'a\u0000b' });
  });
});
