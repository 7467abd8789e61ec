import { Migrator, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createPorticoApi } from '../../api.js';
import { ManualClock } from '../../shared/clock.js';
import { openTestPostgres, openTestSqlite, POSTGRES_URL_VARIABLE, type TestDatabase } from '../../testing/databases.js';
import type { DatabaseDialect } from '../create-database.js';
import { clientSearchText } from '../../clients/client-search-text.js';
import { invoiceSearchText } from '../../invoices/invoice-search-text.js';
import { searchTextOf as searchTextOfLive } from '../../shared/search-text.js';
import { searchTextOf } from './0008-search-text.js';
import { migrationProvider } from './index.js';

const SEARCH_TEXT = '0008-search-text';
/** More than two of the migration's batches of 500. */
const INVOICES = 1_201;

function openUnmigrated(dialect: DatabaseDialect): Promise<TestDatabase> {
  return dialect === 'sqlite' ? openTestSqlite({ migrate: false }) : openTestPostgres(process.env[POSTGRES_URL_VARIABLE]!, { migrate: false, max: 4 });
}

/** The migration right before 0008, whatever its name. */
async function migrationBeforeSearchText(): Promise<string> {
  const names = Object.keys(await migrationProvider.getMigrations()).sort();
  return names[names.indexOf(SEARCH_TEXT) - 1]!;
}

/** Rows as the services wrote them before 0008: two businesses, their clients, invoices with lines. */
async function writeRowsBefore0008(db: Kysely<any>): Promise<void> {
  for (const id of ['biz_a', 'biz_b']) {
    await db
      .insertInto('businesses')
      .values({ id, slug: id, name: id, brand_color: '#000000', locale: 'ru', time_zone: 'UTC', portal_url: 'https://x.test', invoice_prefix: 'СЧ-', created_at: 1, updated_at: 1 })
      .execute();
  }
  await db
    .insertInto('clients')
    .values([
      { id: 'cli_a', business_id: 'biz_a', name: 'ООО «Ёлка»', external_id: 'ÄB-1', created_at: 1, updated_at: 1 },
      { id: 'cli_b', business_id: 'biz_a', name: 'Initech', created_at: 1, updated_at: 1 },
      { id: 'cli_c', business_id: 'biz_b', name: 'ООО «Ёлка» второй', created_at: 1, updated_at: 1 },
    ])
    .execute();
  const money = { subtotal: 100, discount_total: 0, tax_total: 0, total: 100 };
  const invoices = Array.from({ length: INVOICES }, (_, i) => ({
    id: `inv_${String(i).padStart(5, '0')}`,
    business_id: 'biz_a',
    client_id: 'cli_a',
    number: `СЧ-${String(i).padStart(5, '0')}`,
    status: 'sent',
    currency: 'EUR',
    issue_date: '2026-03-01',
    due_date: '2026-03-31',
    notes: i % 100 === 0 ? `Оплата ${i}` : null,
    created_at: 1,
    updated_at: 1,
    ...money,
  }));
  invoices.push({ ...invoices[0]!, id: 'inv_neighbour', client_id: 'cli_b', number: 'СЧ-N', notes: 'Оплата соседа' });
  invoices.push({ ...invoices[0]!, id: 'inv_other', business_id: 'biz_b', client_id: 'cli_c', number: 'СЧ-O', notes: 'Оплата другого' });
  const lines = invoices.flatMap((invoice, i) =>
    [`Консультация ${i}`, `Änderung ${i}`].map((description, position) => ({
      id: `lin_${i}_${position}`,
      business_id: invoice.business_id,
      document_id: invoice.id,
      position,
      description,
      quantity_milli: 1000,
      unit_price: 50,
      tax_rate_milli: 0,
      discount_kind: 'none',
      discount_value: 0,
      gross: 50,
      discount: 0,
      tax: 0,
      total: 50,
    })),
  );
  for (let start = 0; start < invoices.length; start += 200) await db.insertInto('invoices').values(invoices.slice(start, start + 200)).execute();
  for (let start = 0; start < lines.length; start += 200) await db.insertInto('invoice_lines').values(lines.slice(start, start + 200)).execute();
}

for (const dialect of ['sqlite', 'postgres'] as const) {
  const skip = dialect === 'postgres' && !process.env[POSTGRES_URL_VARIABLE];
  describe.skipIf(skip)(`migration 0008-search-text on ${dialect} with rows already stored`, () => {
    let opened: TestDatabase | undefined;
    afterEach(async () => {
      await opened?.dispose();
      opened = undefined;
    });

    it('fills in every invoice and client, in batches, so rows written before are found like new ones', async () => {
      opened = await openUnmigrated(dialect);
      const { db } = opened;
      const migrator = new Migrator({ db, provider: migrationProvider, ...(opened.schema ? { migrationTableSchema: opened.schema } : {}) });
      const before = await migrator.migrateTo(await migrationBeforeSearchText());
      expect(before.error).toBeUndefined();
      await writeRowsBefore0008(db as unknown as Kysely<any>);

      await opened.migrate();

      const empty = await db.selectFrom('invoices').select('id').where('search_text', '=', '').execute();
      expect(empty).toEqual([]);
      const scope = createPorticoApi({ db, clock: new ManualClock('2026-03-10T09:00:00Z') }).business('biz_a');
      const found = async (q: string) => (await scope.invoices.listForClient('cli_a', { q, limit: 100 })).invoices.map((i) => i.id).sort();
      // The last invoice of the last batch, by its number, a line, or its notes, in another case.
      expect(await found('сч-01200')).toEqual(['inv_01200']);
      expect(await found('КОНСУЛЬТАЦИЯ 1200')).toEqual(['inv_01200']);
      expect(await found('änderung 1199')).toEqual(['inv_01199']);
      expect(await found('ОПЛАТА')).toEqual(['inv_00000', 'inv_00100', 'inv_00200', 'inv_00300', 'inv_00400', 'inv_00500', 'inv_00600', 'inv_00700', 'inv_00800', 'inv_00900', 'inv_01000', 'inv_01100', 'inv_01200']);
      expect((await scope.invoices.listForClient('cli_a', { q: 'КОНСУЛЬТАЦИЯ' })).total).toBe(INVOICES);
      // Still one business's and one client's rows only.
      expect((await scope.invoices.search({ q: 'оплата', limit: 100 })).total).toBe(14);
      expect((await scope.clients.list({ search: 'ЁЛКА' })).map((c) => c.id)).toEqual(['cli_a']);
      expect((await scope.clients.list({ search: 'äb-1' })).map((c) => c.id)).toEqual(['cli_a']);
      const other = createPorticoApi({ db }).business('biz_b');
      expect((await other.clients.list({ search: 'ёлка' })).map((c) => c.id)).toEqual(['cli_c']);
      expect((await other.invoices.search({ q: 'ОПЛАТА' })).invoices.map((i) => i.id)).toEqual(['inv_other']);
    });
  });
}

describe('migration 0008-search-text: its frozen copy of the folding', () => {
  it('still writes what live code writes today for invoices and clients (a change to live folding needs a new migration)', () => {
    const samples = ['СЧ-01200', 'ÄNDERUNG', 'ΟΔΟΣ', 'ＩＮＶ ｺﾝｻﾙ', 'Straße ẞ', 'a\u001fb', '', 'ﬁ İstanbul'];
    for (const text of samples) {
      expect(searchTextOf([text, null, 'x'])).toBe(clientSearchText({ name: text, externalId: null }) + '\u001fx');
      expect(searchTextOf(['INV-1', text, text, 'Zeile'])).toBe(invoiceSearchText({ number: 'INV-1', notes: text, descriptions: [text, 'Zeile'] }));
      expect(searchTextOf([text])).toBe(searchTextOfLive([text]));
    }
  });
});
