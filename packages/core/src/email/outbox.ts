import { markOutboxBounced, type BounceDetails, type BouncedEmail } from './bounces/mark-bounced.js';
import type { BusinessContext, Executor } from '../context.js';
import { parseJson } from '../db/row-values.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { requireEmail, requireText } from '../shared/validate.js';
import { senderAddress, singleLine, type EmailSender } from './sender-address.js';

/** An email to send, as the code that causes it describes it. */
export interface EmailMessage {
  /** What caused it: `invoice_sent`, `sign_in_link`, `ticket_reply`, ... */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  replyTo?: string | null;
  /** Extra headers (`Message-ID`, `References`, `Auto-Submitted`, `X-...`); the addressing and MIME headers are Portico's. */
  headers?: Record<string, string>;
  /** The ticket message this email sends (a business's reply): a bounce of it is shown on that message. */
  ticketMessageId?: string;
}

/**
 * Parts of an email that an outbox enricher finishes as it is sent, stored
 * with the email as the domain folder that owns them wrote them (auth's
 * deferredSignInLink, tickets' deferredTicketAttachments); the outbox keeps
 * them without reading them.
 */
export interface DeferredEmailParts {
  /** A sign-in link whose token is made at send time. */
  signInLink?: string;
  /** Ticket attachments read at send time. */
  attachmentIds?: string;
}

/** Headers the pipeline sets itself; a message may not override them. */
const reservedHeaders = new Set([
  'from',
  'to',
  'cc',
  'bcc',
  'sender',
  'reply-to',
  'subject',
  'date',
  'mime-version',
  'content-type',
  'content-transfer-encoding',
  'return-path',
]);
const headerNamePattern = /^[!-9;-~]+$/;
/** Characters that would turn one address into several, or smuggle a display name in. */
const addressSpecials = /[<>,;:"()[\]\\]/;
const maxBodyLength = 2_000_000;

/**
 * Inserts a pending outbox row; call inside the transaction of the change that
 * causes the email, so the email exists exactly when the change does.
 * `deferred` carries what an enricher finishes at send time. Returns the
 * outbox id. From address: business.settings.emailFrom if set, else
 * `"<business name>" <no-reply@<hostname of portalUrl>>`.
 */
export async function enqueueEmail(executor: Executor, ctx: BusinessContext, message: EmailMessage, deferred: DeferredEmailParts = {}): Promise<string> {
  const kind = requireText(message?.kind, 'kind', { max: 100 });
  const to = requireAddress(message.to, 'to');
  const replyTo = message.replyTo == null || message.replyTo === '' ? null : requireAddress(message.replyTo, 'replyTo');
  const subject = singleLine(requireText(message.subject, 'subject', { max: 900 }));
  const html = requireBody(message.html, 'html');
  const text = requireBody(message.text, 'text');
  const headers = requireHeaders(message.headers ?? {});
  const ticketMessageId = message.ticketMessageId === undefined ? null : requireText(message.ticketMessageId, 'ticketMessageId', { max: 100 });

  const sender = await requireSender(executor, ctx.businessId);
  const id = newId('out');
  const now = ctx.clock.now().getTime();
  await executor
    .insertInto('outbox_emails')
    .values({
      id,
      business_id: ctx.businessId,
      kind,
      to_address: to,
      from_address: senderAddress(sender),
      reply_to: replyTo,
      subject,
      html,
      text,
      headers: JSON.stringify(headers),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      locked_until: null,
      last_error: null,
      provider_message_id: null,
      sign_in_link: deferred.signInLink ?? null,
      ticket_message_id: ticketMessageId,
      attachment_ids: deferred.attachmentIds ?? null,
      created_at: now,
      sent_at: null,
    })
    .execute();
  return id;
}

/**
 * Records that the provider reported a bounce for a sent email of this
 * business (from its webhook: Resend's `email.bounced` names the id it gave
 * when the email was sent). Returns the email marked; an unknown id, an id of
 * another business, or an email already marked changes nothing.
 */
export async function markEmailBounced(ctx: BusinessContext, providerMessageId: string, details: BounceDetails): Promise<BouncedEmail | undefined> {
  if (typeof providerMessageId !== 'string' || providerMessageId === '' || providerMessageId.length > 255) return undefined;
  return ctx.db.transaction().execute(async (trx) => {
    const sent = await trx
      .selectFrom('outbox_emails')
      .select('id')
      .where('business_id', '=', ctx.businessId)
      .where('provider_message_id', '=', providerMessageId)
      .execute();
    const [marked] = await markOutboxBounced(trx, ctx, sent.map((row) => row.id), details);
    return marked;
  });
}

async function requireSender(executor: Executor, businessId: string): Promise<EmailSender> {
  const row = await executor.selectFrom('businesses').select(['name', 'portal_url', 'settings']).where('id', '=', businessId).executeTakeFirst();
  if (!row) throw new PorticoError('business_not_found', `No business with id ${JSON.stringify(businessId)}.`);
  return { name: row.name, portalUrl: row.portal_url, settings: parseJson<Record<string, unknown>>(row.settings, {}) };
}

function requireAddress(value: unknown, field: string): string {
  const address = requireEmail(value, field);
  if (addressSpecials.test(address)) {
    throw new PorticoError('invalid_email', `${field} must be a single plain address like name@example.com.`, { field });
  }
  return address;
}

function requireBody(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new PorticoError('invalid_input', `${field} is required and must be non-empty text.`, { field });
  }
  if (value.length > maxBodyLength) {
    throw new PorticoError('invalid_input', `${field} must be at most ${maxBodyLength} characters.`, { field });
  }
  return value;
}

function requireHeaders(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PorticoError('invalid_input', 'headers must be an object of header names to text values.', { field: 'headers' });
  }
  const headers: Record<string, string> = {};
  for (const [name, headerValue] of Object.entries(value)) {
    const field = `headers.${name}`;
    if (!headerNamePattern.test(name)) {
      throw new PorticoError('invalid_input', `${field} is not a valid header name.`, { field });
    }
    if (reservedHeaders.has(name.toLowerCase())) {
      throw new PorticoError('invalid_input', `${field} is set by Portico and can't be overridden.`, { field });
    }
    if (typeof headerValue !== 'string' || /[\r\n]/.test(headerValue) || headerValue.length > 2000) {
      throw new PorticoError('invalid_input', `${field} must be one line of text, at most 2000 characters.`, { field });
    }
    headers[name] = headerValue;
  }
  return headers;
}
