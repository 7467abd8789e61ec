import type { Resend } from 'resend';
import { lazyModule } from '../../shared/lazy-module.js';
import { EmailDeliveryError, redactSecrets, type EmailTransport, type OutgoingEmail, type SendResult } from './transport.js';

export interface ResendTransportOptions {
  apiKey: string;
  /** The API's base URL (default `https://api.resend.com`). Passed to the SDK explicitly, so `RESEND_BASE_URL` is never read. */
  baseUrl?: string;
  /** Give up on one request after this long and retry later (default 60 s); keep it well under the worker's lease. */
  timeoutMs?: number;
}

const defaultBaseUrl = 'https://api.resend.com';

/** The SDK, loaded on the first email sent (shared with the inbound webhook). */
export const loadResend = lazyModule(() => import('resend'));

/** Resend error names that mean this message will never be accepted as it is. */
const permanentErrorNames = new Set([
  'validation_error',
  'missing_required_field',
  'invalid_from_address',
  'invalid_attachment',
  'invalid_parameter',
  'invalid_idempotency_key',
  'invalid_region',
  'not_found',
  'method_not_allowed',
]);

/**
 * Sends through the Resend API with the official `resend` SDK. The outbox id is
 * the idempotency key, so a retry after a lost response never sends twice.
 * Validation errors (4xx) are permanent; 429, 5xx, network errors and
 * credential errors (which an operator can fix) are retried.
 */
export function resendTransport(options: ResendTransportOptions): EmailTransport {
  if (typeof options?.apiKey !== 'string' || options.apiKey === '') {
    throw new TypeError('resendTransport needs an apiKey.');
  }
  const { apiKey, timeoutMs = 60_000 } = options;
  const baseUrl = (options.baseUrl ?? defaultBaseUrl).replace(/\/+$/, '');
  let client: Resend | undefined;

  return {
    name: 'resend',
    async send(email: OutgoingEmail): Promise<SendResult> {
      client ??= new (await loadResend()).Resend(apiKey, { baseUrl });
      let response: Awaited<ReturnType<Resend['emails']['send']>>;
      try {
        response = await client.emails.send(
          {
            from: email.from,
            to: email.to,
            subject: email.subject,
            html: email.html,
            text: email.text,
            ...(email.replyTo ? { replyTo: email.replyTo } : {}),
            ...(Object.keys(email.headers).length > 0 ? { headers: email.headers } : {}),
            ...(email.attachments?.length
              ? {
                  attachments: email.attachments.map((file) => ({
                    filename: file.filename,
                    content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength).toString('base64'),
                    contentType: file.contentType,
                  })),
                }
              : {}),
          },
          { idempotencyKey: email.id, signal: AbortSignal.timeout(timeoutMs) },
        );
      } catch (error) {
        // The SDK reports most failures as values; anything thrown (an abort) is transient.
        throw new EmailDeliveryError(`Resend request failed: ${redactSecrets(describe(error), [apiKey])}`, {
          permanent: false,
          cause: error,
        });
      }
      if (response.error) {
        const { statusCode, name, message } = response.error as { statusCode?: number | null; name?: string; message?: string };
        const status = typeof statusCode === 'number' ? statusCode : null;
        // Resend already took a request under this key (the outbox id) whose answer we lost.
        // A retry differs from it when the email carries a sign-in link, whose token is
        // made afresh at each attempt, so Resend calls it a different request; the first
        // one was accepted all the same.
        if (status === 409 && name === 'invalid_idempotent_request') return { providerMessageId: null };
        throw new EmailDeliveryError(
          redactSecrets(`Resend ${status ?? 'network'} ${name ?? 'error'}: ${message ?? 'no message'}`, [apiKey]),
          { permanent: isPermanent(status, name), status },
        );
      }
      return { providerMessageId: response.data?.id ?? null };
    },
  };
}

function isPermanent(status: number | null, name: string | undefined): boolean {
  if (status === null) return name !== undefined && permanentErrorNames.has(name);
  // 401/403: a wrong or restricted key; 408/409 (a concurrent request with the
  // same idempotency key)/429: try again later; 5xx: the provider's trouble.
  if (status === 401 || status === 403 || status === 408 || status === 409 || status === 429 || status >= 500) return false;
  return status >= 400;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
