import { findBusinessBySlug } from '../../businesses/businesses.js';
import type { CoreContext } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import type { SecretBox } from '../../shared/secret-box.js';
import { takeResendBounce } from '../../email/bounces/resend-bounce.js';
import { loadResend } from '../../email/transports/resend-transport.js';
import { redactSecrets } from '../../email/transports/transport.js';
import { requireResendInboundSecrets } from './inbound-settings.js';
import { MAX_INBOUND_BYTES, messageTooLarge } from '../../email/inbound/parse-inbound.js';
import { findByProviderMessageId, receiveInbound, type ReceivedInbound } from './receive-inbound.js';

export interface ResendInboundDependencies {
  /** Opens the business's sealed Resend secrets. */
  secrets: SecretBox;
  /** Resend's API (default `https://api.resend.com`); tests and proxies point it elsewhere. */
  baseUrl?: string;
  /** Give up on one request to Resend after this long (default 30 s): Resend sends the webhook again. */
  timeoutMs?: number;
}

export interface ResendWebhookRequest {
  businessSlug: string;
  /** The body exactly as received: the signature is over these bytes. */
  rawBody: string;
  /** The `webhook-id`, `webhook-timestamp` and `webhook-signature` headers (Svix also sends them as `svix-*`). */
  headers: { id: string | undefined; timestamp: string | undefined; signature: string | undefined };
}

export type ResendWebhookResult =
  | ({ event: 'email.received' } & ReceivedInbound)
  /** A bounce of an email Portico sent through Resend: `bounced` once it is marked, `ignored` for an id unknown here or already marked. */
  | { event: 'email.bounced'; outcome: 'bounced' | 'ignored'; id: string | null; ticketId: null }
  /** An event this endpoint has nothing to do with (Resend sends every subscribed type to one URL). */
  | { event: string; outcome: 'ignored'; id: null; ticketId: null };

const defaultBaseUrl = 'https://api.resend.com';

/**
 * Resend's `email.received` webhook (and `email.bounced`, see takeResendBounce): the Svix signature is checked on the raw
 * body with the business's signing secret, then the message is fetched
 * through Resend's API (the webhook carries only its envelope) and its raw
 * MIME downloaded, and the whole of it goes through the inbound pipeline.
 * Anything that may pass if tried again (Resend down, the database busy)
 * throws, so Resend sends the webhook again; the pipeline keeps a message once.
 */
export async function handleResendInboundWebhook(
  ctx: CoreContext,
  deps: ResendInboundDependencies,
  request: ResendWebhookRequest,
): Promise<ResendWebhookResult> {
  const business = typeof request.businessSlug === 'string' ? await findBusinessBySlug(ctx, request.businessSlug) : undefined;
  if (!business) throw new PorticoError('business_not_found', 'No such business.');
  const { webhookSecret, apiKey } = await requireResendInboundSecrets(ctx.db, business.id, deps.secrets);
  const baseUrl = (deps.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
  const resend = new (await loadResend()).Resend(apiKey, { baseUrl });

  const { id, timestamp, signature } = request.headers;
  let event: { type: string; data?: { email_id?: unknown; to?: unknown; bounce?: { message?: unknown; type?: unknown; subType?: unknown } } };
  try {
    if (!id || !timestamp || !signature) throw new Error('missing');
    event = resend.webhooks.verify({ payload: request.rawBody, headers: { id, timestamp, signature }, webhookSecret }) as typeof event;
  } catch {
    throw new PorticoError('invalid_signature', 'The webhook signature does not match this body, or it is too old.');
  }
  const scoped = { ...ctx, businessId: business.id, actor: 'system:resend' };
  if (event.type === 'email.bounced') return { event: 'email.bounced', ...(await takeResendBounce(scoped, event.data)), ticketId: null };
  if (event.type !== 'email.received') return { event: event.type, outcome: 'ignored', id: null, ticketId: null };
  const emailId = event.data?.email_id;
  if (typeof emailId !== 'string' || emailId === '') throw new PorticoError('invalid_input', 'The email.received event names no email_id.');

  // A webhook sent again for a message already kept: no need to fetch it again.
  const seen = await findByProviderMessageId(scoped, 'resend', emailId);
  if (seen) return { event: event.type, ...seen, outcome: 'duplicate' };

  const timeoutMs = deps.timeoutMs ?? 30_000;
  const received = await resend.emails.receiving.get(emailId, undefined, { signal: AbortSignal.timeout(timeoutMs) }).catch((error: unknown) => ({
    data: null,
    error: { message: String(error), statusCode: null as number | null },
  }));
  if (received.error || !received.data) {
    const reason = received.error ? `${received.error.statusCode ?? 'network'} ${received.error.message}` : 'no data';
    throw new PorticoError('inbound_fetch_failed', `Resend did not give the received email: ${redactSecrets(reason, [apiKey])}.`);
  }
  const downloadUrl = received.data.raw?.download_url;
  if (!downloadUrl) throw new PorticoError('inbound_fetch_failed', 'Resend gave the received email without a raw download URL.');
  const raw = await downloadRaw(downloadUrl, baseUrl, timeoutMs);
  const envelope = [...(received.data.received_for ?? []), ...(received.data.to ?? [])];
  const result = await receiveInbound(scoped, raw, { source: 'resend', providerMessageId: emailId, envelopeRecipients: envelope });
  return { event: event.type, ...result };
}

/** The raw MIME, at most MAX_INBOUND_BYTES, read as it streams in. */
async function downloadRaw(url: string, baseUrl: string, timeoutMs: number): Promise<Uint8Array> {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    throw new PorticoError('inbound_fetch_failed', 'Resend gave a raw download URL that is not a URL.');
  }
  // Plain http only when the API itself is reached that way (a local stand-in or proxy).
  if (target.protocol !== 'https:' && !(target.protocol === 'http:' && baseUrl.startsWith('http:'))) {
    throw new PorticoError('inbound_fetch_failed', 'Resend gave a raw download URL that is not https.');
  }
  let response: Response;
  try {
    response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  } catch {
    throw new PorticoError('inbound_fetch_failed', 'Downloading the raw email from Resend failed.');
  }
  if (!response.ok || !response.body) throw new PorticoError('inbound_fetch_failed', `Downloading the raw email from Resend answered ${response.status}.`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_INBOUND_BYTES) {
    await response.body.cancel();
    throw messageTooLarge(declared);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A reader rather than `for await`: the DOM's ReadableStream type (a host's
  // tsconfig may include it) is not async-iterable.
  const reader = response.body.getReader();
  try {
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      size += read.value.byteLength;
      if (size > MAX_INBOUND_BYTES) {
        await reader.cancel();
        throw messageTooLarge(size);
      }
      chunks.push(read.value);
    }
  } catch (error) {
    if (error instanceof PorticoError) throw error;
    throw new PorticoError('inbound_fetch_failed', 'Downloading the raw email from Resend broke off.');
  }
  return Buffer.concat(chunks);
}
