import { describe, expect, it } from 'vitest';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';

const clientTables = ['clients', 'contacts', 'audit_log'] as const;

describeEachDatabase('clients and contacts', (database) => {
  describe('clients', () => {
    it('creates a client with its contacts, the first one primary', async () => {
      const { scope, clock } = await seedBusiness(database());
      const client = await scope.clients.create({
        name: '  Initech  ',
        externalId: 'crm-42',
        locale: 'de',
        notes: 'Pays late',
        contacts: [
          { name: 'Bill Lumbergh', email: 'Bill@Initech.test' },
          { name: 'Milton Waddams', email: 'milton@initech.test' },
        ],
      });
      expect(client).toMatchObject({ name: 'Initech', externalId: 'crm-42', locale: 'de', notes: 'Pays late', archived: false });
      expect(client.id).toMatch(/^cli_/);
      expect(client.createdAt).toEqual(clock.now());
      expect(client.contacts.map((c) => [c.name, c.email, c.isPrimary])).toEqual([
        ['Bill Lumbergh', 'Bill@Initech.test', true],
        ['Milton Waddams', 'milton@initech.test', false],
      ]);
      expect(await scope.clients.get(client.id)).toEqual(client);
    });

    it('updates a client and archives it out of the default list', async () => {
      const { scope, client } = await seedBusiness(database());
      const updated = await scope.clients.update(client.id, { name: 'Globex International', locale: 'ja', archived: true });
      expect(updated).toMatchObject({ name: 'Globex International', locale: 'ja', archived: true });
      expect((await scope.clients.list()).map((c) => c.id)).not.toContain(client.id);
      expect((await scope.clients.list({ includeArchived: true })).map((c) => c.id)).toContain(client.id);
      expect((await scope.clients.update(client.id, { locale: null, archived: false })).locale).toBeNull();
    });

    it('keeps external ids unique within a business, not across businesses', async () => {
      const a = await seedBusiness(database());
      const b = await seedBusiness(database());
      await a.scope.clients.create({ name: 'One', externalId: 'ext-1' });
      await b.scope.clients.create({ name: 'One elsewhere', externalId: 'ext-1' });
      const before = await countRows(database().db, clientTables);
      const error = await expectPorticoError(a.scope.clients.create({ name: 'Two', externalId: 'ext-1' }), 'duplicate');
      expect(error.field).toBe('externalId');
      await expectPorticoError(a.scope.clients.update(a.client.id, { externalId: 'ext-1' }), 'duplicate');
      expect(await countRows(database().db, clientTables)).toEqual(before);
    });

    it('gives an external id to one of two clients created at once, and duplicate to the other', async () => {
      const { scope } = await seedBusiness(database());
      const results = await Promise.allSettled([
        scope.clients.create({ name: 'Race One', externalId: 'race' }),
        scope.clients.create({ name: 'Race Two', externalId: 'race' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      await expectPorticoError(Promise.reject(rejected!.reason), 'duplicate');
      expect((await scope.clients.list()).filter((c) => c.externalId === 'race')).toHaveLength(1);
    });

    it('gives an address to one of two contacts added to a client at once, and duplicate to the other', async () => {
      const { scope, client } = await seedBusiness(database());
      const results = await Promise.allSettled([
        scope.contacts.add(client.id, { name: 'Race One', email: 'race@globex.test' }),
        scope.contacts.add(client.id, { name: 'Race Two', email: 'Race@globex.test' }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      await expectPorticoError(Promise.reject(rejected!.reason), 'duplicate');
    });

    it('refuses bad input and writes nothing', async () => {
      const { scope } = await seedBusiness(database());
      const before = await countRows(database().db, clientTables);
      await expectPorticoError(scope.clients.create({ name: '   ' }), 'invalid_input');
      await expectPorticoError(scope.clients.create({ name: 'Fr', locale: 'fr' as never }), 'invalid_input');
      const error = await expectPorticoError(
        scope.clients.create({ name: 'Half', contacts: [{ name: 'Ok', email: 'ok@half.test' }, { name: 'Bad', email: 'not-an-email' }] }),
        'invalid_email',
      );
      expect(error.field).toBe('contacts.1.email');
      await expectPorticoError(
        scope.clients.create({ name: 'Twice', contacts: [{ name: 'A', email: 'same@twice.test' }, { name: 'B', email: 'SAME@twice.test' }] }),
        'duplicate',
      );
      expect(await countRows(database().db, clientTables)).toEqual(before);
    });

    it('refuses an update or search that is not the right shape with invalid_input', async () => {
      const { scope, client } = await seedBusiness(database());
      const before = await countRows(database().db, clientTables);
      await expectPorticoError(scope.clients.update(client.id, null as never), 'invalid_input');
      await expectPorticoError(scope.contacts.update(client.contacts[0]!.id, null as never), 'invalid_input');
      await expectPorticoError(scope.clients.list({ search: ['a', 'b'] as never }), 'invalid_input');
      expect(await countRows(database().db, clientTables)).toEqual(before);
      expect(await scope.clients.get(client.id)).toEqual(client);
    });

    it('answers client_not_found for an unknown id', async () => {
      const { scope } = await seedBusiness(database());
      const error = await expectPorticoError(scope.clients.get('cli_missing'), 'client_not_found');
      expect(error.status).toBe(404);
      await expectPorticoError(scope.clients.update('cli_missing', { name: 'x' }), 'client_not_found');
    });
  });

  describe('search', () => {
    async function searchable() {
      const seeded = await seedBusiness(database());
      const { scope } = seeded;
      const juice = await scope.clients.create({ name: '100% Juice Ltd' });
      const thousand = await scope.clients.create({ name: '1000 Things' });
      const under = await scope.clients.create({ name: 'snake_case GmbH', externalId: 'SAP-7' });
      const plain = await scope.clients.create({ name: 'snakeXcase AG', contacts: [{ name: 'Zoe', email: 'Zoe@Lookup.test' }] });
      const names = async (search: string) => (await scope.clients.list({ search })).map((c) => c.name);
      return { ...seeded, juice, thousand, under, plain, names };
    }

    it('matches name, external id and contact email, ignoring case', async () => {
      const { names } = await searchable();
      expect(await names('JUICE')).toEqual(['100% Juice Ltd']);
      expect(await names('sap-7')).toEqual(['snake_case GmbH']);
      expect(await names('zoe@lookup')).toEqual(['snakeXcase AG']);
      expect(await names('globex.test')).toEqual(['Globex Corporation']);
      expect(await names('nothing like it')).toEqual([]);
    });

    it('takes % and _ in the search literally', async () => {
      const { names } = await searchable();
      expect(await names('100%')).toEqual(['100% Juice Ltd']);
      expect(await names('snake_case')).toEqual(['snake_case GmbH']);
      expect(await names('%')).toEqual(['100% Juice Ltd']);
    });
  });

  describe('contacts', () => {
    it('adds, updates and removes contacts; one primary at a time', async () => {
      const { scope, client } = await seedBusiness(database());
      const [ann] = client.contacts;
      const bob = await scope.contacts.add(client.id, { name: 'Bob Books', email: 'bob@globex.test' });
      expect(bob).toMatchObject({ clientId: client.id, isPrimary: false });

      const promoted = await scope.contacts.update(bob.id, { isPrimary: true, name: 'Robert Books' });
      expect(promoted).toMatchObject({ name: 'Robert Books', isPrimary: true });
      const contacts = (await scope.clients.get(client.id)).contacts;
      expect(contacts.map((c) => [c.id, c.isPrimary])).toEqual([
        [bob.id, true],
        [ann!.id, false],
      ]);

      await scope.contacts.remove(ann!.id);
      expect((await scope.clients.get(client.id)).contacts.map((c) => c.id)).toEqual([bob.id]);
      await expectPorticoError(scope.contacts.update(ann!.id, { name: 'Gone' }), 'contact_not_found');
    });

    it('says which contacts receive invoices: every one by default, and the business may change it', async () => {
      const { scope, client } = await seedBusiness(database());
      expect(client.contacts[0]!.receivesInvoices).toBe(true);
      const bob = await scope.contacts.add(client.id, { name: 'Bob Books', email: 'bob@globex.test', receivesInvoices: false });
      expect(bob.receivesInvoices).toBe(false);
      await scope.contacts.update(client.contacts[0]!.id, { receivesInvoices: false });
      const draft = await scope.invoices.create(draftInput(client.id));
      const error = await expectPorticoError(scope.invoices.send(draft.id), 'invalid_input');
      expect(error.message).toContain('no contacts who receive invoices');
      const refused = await expectPorticoError(scope.contacts.update(bob.id, { receivesInvoices: 'yes' as never }), 'invalid_input');
      expect(refused.field).toBe('receivesInvoices');
      expect((await scope.clients.get(client.id)).contacts.map((c) => c.receivesInvoices)).toEqual([false, false]);
    });

    it('refuses a second contact with the same address on one client, but not on another client', async () => {
      const { scope, client } = await seedBusiness(database());
      const error = await expectPorticoError(scope.contacts.add(client.id, { name: 'Ann again', email: 'ANN@globex.test' }), 'duplicate');
      expect(error.field).toBe('email');
      const other = await scope.clients.create({ name: 'Subsidiary', contacts: [{ name: 'Ann Ledger', email: 'ann@globex.test' }] });
      const found = await scope.contacts.findByEmail(' Ann@Globex.TEST ');
      expect(found.map((c) => c.clientId).sort()).toEqual([client.id, other.id].sort());
    });

    it('refuses a bad address on add and update and changes nothing', async () => {
      const { scope, client } = await seedBusiness(database());
      const before = await countRows(database().db, clientTables);
      await expectPorticoError(scope.contacts.add(client.id, { name: 'X', email: 'x@' }), 'invalid_email');
      await expectPorticoError(scope.contacts.update(client.contacts[0]!.id, { email: 'no spaces@globex.test' }), 'invalid_email');
      await expectPorticoError(scope.contacts.add('cli_missing', { name: 'X', email: 'x@y.test' }), 'client_not_found');
      expect(await countRows(database().db, clientTables)).toEqual(before);
      expect(await scope.clients.get(client.id)).toEqual(client);
    });
  });
});
