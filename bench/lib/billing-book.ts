/**
 * A business's book of invoices for the billing benches: one client with many
 * invoices (years of them, in two currencies, with lines and payments, a few
 * drafts and void ones), beside other clients of the same business, written
 * in bulk straight into the tables as the services would have stored them.
 */
import {
  calendarDate,
  createPorticoApi,
  rebuildStatementTotals,
  systemClock,
  type Business,
  type Client,
  type PorticoDatabase,
  type PorticoSchema,
} from '@portico/core';
import { invoiceSearchText } from '@portico/core/testing';
import { sql, type Insertable, type Kysely, type Transaction } from 'kysely';
import { randomBytes } from 'node:crypto';

export interface BillingBookOptions {
  /** Invoices of the client the bench signs in as. */
  invoices: number;
  /** Other clients of the same business, and invoices each. */
  otherClients?: number;
  invoicesPerOtherClient?: number;
}

export interface BillingBook {
  business: Business;
  /** The client with `invoices` invoices; its one contact is `ann@globex.test`. */
  client: Client;
  /** The business's today when the book was written. */
  today: string;
  invoices: number;
  lines: number;
  payments: number;
}

/** Rows per INSERT: at most 22 columns each, well under SQLite's 32,766 bound parameters. */
const ROWS_PER_INSERT = 500;
const DAY_MS = 86_400_000;
const words = ['Design work', 'Hosting', 'Brand workshop', 'Support retainer', 'Copywriting', 'Photography', 'Travel', 'Licences'];

const id = (prefix: string) => `${prefix}_${randomBytes(12).toString('base64url')}`;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function writeBillingBook(database: PorticoDatabase, options: BillingBookOptions): Promise<BillingBook> {
  const { db } = database;
  const api = createPorticoApi({ db });
  const business = await api.businesses.create({
    name: 'Bench Studio',
    slug: `bench-${randomBytes(4).toString('hex')}`,
    portalUrl: 'https://billing.bench.test/portal',
    timeZone: 'Europe/Berlin',
  });
  const scope = api.business(business.id);
  const client = await scope.clients.create({ name: 'Globex', contacts: [{ name: 'Ann Ledger', email: 'ann@globex.test' }] });
  const today = calendarDate(systemClock.now(), business.timeZone);
  const writer = new BookWriter(db, business.id, today);
  await writer.writeClient(client.id, options.invoices);
  for (let c = 0; c < (options.otherClients ?? 0); c++) {
    const other = await scope.clients.create({ name: `Client ${c + 1}` });
    await writer.writeClient(other.id, options.invoicesPerOtherClient ?? 100);
  }
  // Written around the services, so the statement totals are summed once from the rows.
  await rebuildStatementTotals(db, business.id);
  await db.updateTable('businesses').set({ next_invoice_number: writer.nextNumber }).where('id', '=', business.id).execute();
  if (database.dialect === 'sqlite') await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  await sql`analyze`.execute(db);
  return { business, client, today, invoices: writer.invoices, lines: writer.lines, payments: writer.payments };
}

class BookWriter {
  nextNumber = 1;
  invoices = 0;
  lines = 0;
  payments = 0;

  constructor(
    private readonly db: Kysely<PorticoSchema>,
    private readonly businessId: string,
    private readonly today: string,
  ) {}

  async writeClient(clientId: string, count: number): Promise<void> {
    for (let start = 0; start < count; start += ROWS_PER_INSERT) {
      await this.db.transaction().execute((trx) => this.writeBatch(trx, clientId, start, Math.min(start + ROWS_PER_INSERT, count), count));
    }
  }

  private async writeBatch(trx: Transaction<PorticoSchema>, clientId: string, from: number, to: number, count: number) {
    const invoices: Insertable<PorticoSchema['invoices']>[] = [];
    const lines: Insertable<PorticoSchema['invoice_lines']>[] = [];
    const payments: Insertable<PorticoSchema['payments']>[] = [];
    for (let i = from; i < to; i++) {
      // Five years of invoices, oldest first, the newest issued today; due 30 days later.
      const issueDate = addDays(this.today, -Math.floor(((count - 1 - i) * 1825) / count));
      const dueDate = addDays(issueDate, 30);
      const status =
        i % 97 === 0 ? 'draft' : i % 53 === 0 ? 'void' : dueDate < addDays(this.today, -60) ? (i % 41 === 0 ? 'sent' : 'paid') : i % 3 === 0 ? 'paid' : 'sent';
      const currency = i % 10 === 0 ? 'USD' : 'EUR';
      const invoiceId = id('inv');
      const lineCount = 1 + (i % 3);
      let total = 0;
      for (let position = 0; position < lineCount; position++) {
        const unitPrice = 1_000 * (1 + ((i * 7 + position * 13) % 40));
        const quantity = 1 + ((i + position) % 5);
        const gross = unitPrice * quantity;
        const tax = Math.round(gross * 0.19);
        total += gross + tax;
        lines.push({
          id: id('lin'),
          business_id: this.businessId,
          document_id: invoiceId,
          position,
          description: `${words[(i + position) % words.length]} ${i}`,
          quantity_milli: quantity * 1000,
          unit_price: unitPrice,
          tax_rate_milli: 19_000,
          discount_kind: 'none',
          discount_value: 0,
          gross,
          discount: 0,
          tax,
          total: gross + tax,
        });
      }
      const issuedAt = new Date(`${issueDate}T09:00:00Z`).getTime();
      const number = status === 'draft' ? null : `INV-${String(this.nextNumber++).padStart(6, '0')}`;
      const notes = i % 11 === 0 ? `Purchase order PO-${i}` : null;
      const partly = status === 'sent' && i % 5 === 0;
      const amountPaid = status === 'paid' ? total : partly ? Math.floor(total / 2) : 0;
      if (amountPaid > 0) {
        payments.push({
          id: id('pay'),
          business_id: this.businessId,
          client_id: clientId,
          invoice_id: invoiceId,
          amount: amountPaid,
          currency,
          method: i % 2 ? 'card' : 'bank_transfer',
          provider: 'manual',
          provider_reference: null,
          refunded_amount: 0,
          received_at: issuedAt + ((i % 20) + 1) * DAY_MS,
          created_at: issuedAt + ((i % 20) + 1) * DAY_MS,
        });
      }
      invoices.push({
        id: invoiceId,
        business_id: this.businessId,
        client_id: clientId,
        number,
        status,
        currency,
        issue_date: issueDate,
        due_date: dueDate,
        subtotal: total,
        discount_total: 0,
        tax_total: 0,
        total,
        amount_paid: amountPaid,
        notes,
        shared_with_client: status === 'draft' && i % 2 === 0 ? 1 : 0,
        version: 2,
        search_text: invoiceSearchText({ number, notes, descriptions: lines.slice(lines.length - lineCount).map((line) => line.description) }),
        sent_at: status === 'draft' ? null : issuedAt,
        paid_at: status === 'paid' ? issuedAt + ((i % 20) + 1) * DAY_MS : null,
        voided_at: status === 'void' ? issuedAt + DAY_MS : null,
        created_at: issuedAt,
        updated_at: issuedAt,
      });
    }
    await trx.insertInto('invoices').values(invoices).execute();
    for (let start = 0; start < lines.length; start += ROWS_PER_INSERT) {
      await trx.insertInto('invoice_lines').values(lines.slice(start, start + ROWS_PER_INSERT)).execute();
    }
    if (payments.length > 0) await trx.insertInto('payments').values(payments).execute();
    this.invoices += invoices.length;
    this.lines += lines.length;
    this.payments += payments.length;
  }
}
