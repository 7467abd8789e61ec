import { sql } from 'kysely';
import { int } from '../db/row-values.js';
import type { Executor } from '../context.js';

const sequences = {
  invoice: { prefix: 'invoice_prefix', next: 'next_invoice_number' },
  estimate: { prefix: 'estimate_prefix', next: 'next_estimate_number' },
} as const;

/**
 * The next number of one of the business's sequences (`INV-0001`,
 * `EST-0001`): one guarded UPDATE ... RETURNING on the business row, so
 * concurrent callers each get their own number (the row lock on Postgres,
 * the single writer on SQLite) and a rolled-back transaction gives its
 * number back. Call inside the transaction that stores the document.
 */
export async function nextDocumentNumber(executor: Executor, businessId: string, kind: keyof typeof sequences): Promise<string> {
  const { prefix, next } = sequences[kind];
  const row = await executor
    .updateTable('businesses')
    .set({ [next]: sql`${sql.ref(next)} + 1` })
    .where('id', '=', businessId)
    .returning([sql<string>`${sql.ref(prefix)}`.as('prefix'), sql<number>`${sql.ref(next)} - 1`.as('n')])
    .executeTakeFirstOrThrow();
  return `${row.prefix}${String(int(row.n)).padStart(4, '0')}`;
}
