import type { BusinessContext, Executor } from '../context.js';
import { int, parseJson } from '../db/row-values.js';
import { recordEvent } from './event-log.js';

type EventContext = Pick<BusinessContext, 'businessId' | 'clock'>;

/** The one call each domain change makes, in its transaction: the event with the invoice as the change left it. */
export async function recordInvoiceEvent(
  executor: Executor,
  ctx: EventContext,
  type: 'invoice.sent' | 'invoice.overdue',
  invoiceId: string,
  options: { onceKey?: string } = {},
): Promise<string | null> {
  return recordEvent(executor, ctx, type, { invoice: await invoiceData(executor, ctx.businessId, invoiceId) }, options);
}

/** `payment.refunded`: the payment and its invoice as the refund left them, and what is new. */
export async function recordRefundEvent(executor: Executor, ctx: EventContext, paymentId: string, refunded: number): Promise<void> {
  const payment = await paymentData(executor, ctx.businessId, paymentId);
  await recordEvent(executor, ctx, 'payment.refunded', { invoice: await invoiceData(executor, ctx.businessId, payment.invoiceId), payment, refunded });
}

/** A payment just recorded: `invoice.paid` when it covered the balance, else `invoice.partially_paid`. */
export async function recordPaymentReceived(executor: Executor, ctx: EventContext, paymentId: string): Promise<void> {
  const payment = await paymentData(executor, ctx.businessId, paymentId);
  const invoice = await invoiceData(executor, ctx.businessId, payment.invoiceId);
  await recordEvent(executor, ctx, invoice.status === 'paid' ? 'invoice.paid' : 'invoice.partially_paid', { invoice, payment });
}

export async function recordEstimateEvent(executor: Executor, ctx: EventContext, type: 'estimate.accepted' | 'estimate.declined', estimateId: string): Promise<void> {
  await recordEvent(executor, ctx, type, { estimate: await estimateData(executor, ctx.businessId, estimateId) });
}

export async function recordTicketEvent(executor: Executor, ctx: EventContext, type: 'ticket.created' | 'ticket.replied', ticketId: string, messageId: string): Promise<void> {
  await recordEvent(executor, ctx, type, await ticketMessageData(executor, ctx.businessId, ticketId, messageId));
}

/** `client.updated`: the client as it now is, with its contacts, and which of its fields (or `contacts`) changed, named as the API names them. */
export async function recordClientUpdated(executor: Executor, ctx: EventContext, clientId: string, changed: readonly string[]): Promise<void> {
  const fields = [...new Set(changed.map((name) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())))];
  if (fields.length === 0) return;
  await recordEvent(executor, ctx, 'client.updated', { client: await clientData(executor, ctx.businessId, clientId), changed: fields });
}


/**
 * What events say about the things they are about: plain JSON, money in
 * minor units with its currency, instants as ISO 8601. Read inside the
 * change's transaction, so an event shows the state the change left.
 */
export interface InvoiceData {
  id: string;
  number: string | null;
  clientId: string;
  status: string;
  currency: string;
  total: number;
  amountPaid: number;
  amountDue: number;
  issueDate: string;
  dueDate: string;
  estimateId: string | null;
}

const iso = (value: number | string | null) => (value === null ? null : new Date(int(value)).toISOString());

export async function invoiceData(executor: Executor, businessId: string, invoiceId: string): Promise<InvoiceData> {
  const row = await executor
    .selectFrom('invoices')
    .select(['id', 'number', 'client_id', 'status', 'currency', 'total', 'amount_paid', 'issue_date', 'due_date', 'estimate_id'])
    .where('business_id', '=', businessId)
    .where('id', '=', invoiceId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    status: row.status,
    currency: row.currency,
    total: int(row.total),
    amountPaid: int(row.amount_paid),
    amountDue: int(row.total) - int(row.amount_paid),
    issueDate: row.issue_date,
    dueDate: row.due_date,
    estimateId: row.estimate_id,
  };
}

export async function paymentData(executor: Executor, businessId: string, paymentId: string) {
  const row = await executor.selectFrom('payments').selectAll().where('business_id', '=', businessId).where('id', '=', paymentId).executeTakeFirstOrThrow();
  return {
    id: row.id,
    invoiceId: row.invoice_id,
    clientId: row.client_id,
    amount: int(row.amount),
    refundedAmount: int(row.refunded_amount),
    currency: row.currency,
    method: row.method,
    provider: row.provider,
    reference: row.provider_reference,
    receivedAt: iso(row.received_at),
  };
}

export async function estimateData(executor: Executor, businessId: string, estimateId: string) {
  const row = await executor.selectFrom('estimates').selectAll().where('business_id', '=', businessId).where('id', '=', estimateId).executeTakeFirstOrThrow();
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    status: row.status,
    currency: row.currency,
    total: int(row.total),
    validUntil: row.valid_until,
    invoiceId: row.invoice_id,
    acceptedAt: iso(row.accepted_at),
    acceptedByName: row.accepted_by_name,
    declinedAt: iso(row.declined_at),
    declineReason: row.decline_reason,
  };
}

/** The ticket as it now is and the message the event is about. */
export async function ticketMessageData(executor: Executor, businessId: string, ticketId: string, messageId: string) {
  const ticket = await executor.selectFrom('tickets').selectAll().where('business_id', '=', businessId).where('id', '=', ticketId).executeTakeFirstOrThrow();
  const message = await executor
    .selectFrom('ticket_messages')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', messageId)
    .executeTakeFirstOrThrow();
  return {
    ticket: {
      id: ticket.id,
      number: int(ticket.number),
      clientId: ticket.client_id,
      subject: ticket.subject,
      status: ticket.status,
      invoiceId: ticket.invoice_id,
    },
    message: {
      id: message.id,
      /** `client` or `business` (staff). */
      author: message.author_kind,
      authorId: message.author_id,
      authorName: message.author_name,
      /** `portal`, `email`, `admin` or `api`. */
      via: message.source,
      internal: message.internal === 1,
      text: message.body_text,
      createdAt: iso(message.created_at),
    },
  };
}

export async function clientData(executor: Executor, businessId: string, clientId: string) {
  const client = await executor.selectFrom('clients').selectAll().where('business_id', '=', businessId).where('id', '=', clientId).executeTakeFirstOrThrow();
  const contacts = await executor
    .selectFrom('contacts')
    .select(['id', 'name', 'email', 'is_primary', 'receives_invoices'])
    .where('business_id', '=', businessId)
    .where('client_id', '=', clientId)
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    id: client.id,
    name: client.name,
    externalId: client.external_id,
    locale: client.locale,
    timeZone: client.time_zone,
    billingAddress: client.billing_address === null ? null : parseJson<unknown>(client.billing_address, null),
    vatId: client.vat_id,
    taxNumber: client.tax_number,
    archived: client.archived === 1,
    contacts: contacts.map((contact) => ({
      id: contact.id,
      name: contact.name,
      email: contact.email,
      primary: contact.is_primary === 1,
      receivesInvoices: contact.receives_invoices === 1,
    })),
  };
}
