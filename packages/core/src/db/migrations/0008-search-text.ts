import { sql, type Kysely, type Migration } from 'kysely';

/**
 * Case-insensitive search for every script, the same on both databases:
 * `search_text` on invoices and clients holds the searchable fields folded in
 * JavaScript (see `shared/search-text.ts`), and searches compare with it.
 * Rows written before are filled in here, a batch at a time in id order,
 * one UPDATE per batch.
 * No index: a `LIKE '%…%'` can't use a b-tree, and the list reaches a
 * client's rows through its own indexes first.
 */
export const searchText: Migration = {
  async up(db: Kysely<any>) {
    // One column per ALTER TABLE: SQLite takes no more.
    for (const table of ['invoices', 'clients']) {
      await db.schema.alterTable(table).addColumn('search_text', 'text', (c) => c.notNull().defaultTo('')).execute();
    }
    await backfillInvoices(db);
    await backfillClients(db);
  },
};

const BATCH_SIZE = 500;

async function backfillInvoices(db: Kysely<any>): Promise<void> {
  for (let after = ''; ; ) {
    const invoices: Array<{ id: string; number: string | null; notes: string | null }> = await db
      .selectFrom('invoices')
      .select(['id', 'number', 'notes'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH_SIZE)
      .execute();
    if (invoices.length === 0) return;
    const lines: Array<{ document_id: string; description: string }> = await db
      .selectFrom('invoice_lines')
      .select(['document_id', 'description'])
      .where(
        'document_id',
        'in',
        invoices.map((invoice) => invoice.id),
      )
      .orderBy('document_id')
      .orderBy('position')
      .execute();
    const descriptions = new Map<string, string[]>();
    for (const line of lines) {
      const ofInvoice = descriptions.get(line.document_id);
      if (ofInvoice) ofInvoice.push(line.description);
      else descriptions.set(line.document_id, [line.description]);
    }
    await setSearchTexts(
      db,
      'invoices',
      invoices.map((invoice) => ({
        id: invoice.id,
        text: searchTextOf([invoice.number, invoice.notes, ...(descriptions.get(invoice.id) ?? [])]),
      })),
    );
    after = invoices.at(-1)!.id;
  }
}

async function backfillClients(db: Kysely<any>): Promise<void> {
  for (let after = ''; ; ) {
    const clients: Array<{ id: string; name: string; external_id: string | null }> = await db
      .selectFrom('clients')
      .select(['id', 'name', 'external_id'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH_SIZE)
      .execute();
    if (clients.length === 0) return;
    await setSearchTexts(
      db,
      'clients',
      clients.map((client) => ({ id: client.id, text: searchTextOf([client.name, client.external_id]) })),
    );
    after = clients.at(-1)!.id;
  }
}

/** One UPDATE for a batch: `search_text = case id when … then … end` (three bound values a row, well under either engine's limit). */
async function setSearchTexts(db: Kysely<any>, table: 'invoices' | 'clients', rows: Array<{ id: string; text: string }>): Promise<void> {
  const byId = sql.join(
    rows.map((row) => sql`when ${row.id} then ${row.text}`),
    sql` `,
  );
  await db
    .updateTable(table)
    .set({ search_text: sql`case id ${byId} end` })
    .where(
      'id',
      'in',
      rows.map((row) => row.id),
    )
    .execute();
}

// Frozen copy, as of this migration, of shared/search-text.ts's folding and of
// the fields invoices and clients are searched by: a shipped migration must
// write the same text on every fresh database whatever the live code becomes
// (changing the folding takes a new migration). Do not change; the test checks
// it still agrees with the live code.

/** NFKC, lower case, σ for ς, the field separator (U+001F) as a space. */
function foldForSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/ς/g, 'σ').replace(/\u001f/g, ' ').normalize('NFKC');
}

/** A row's `search_text`: its fields folded, in order, joined by U+001F. */
export function searchTextOf(fields: ReadonlyArray<string | null | undefined>): string {
  return fields.map((field) => foldForSearch(field ?? '')).join('\u001f');
}
