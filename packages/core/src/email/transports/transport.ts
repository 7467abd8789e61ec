/** A file as a transport attaches it. */
export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** One email as a transport hands it to a provider, read back from the outbox. */
export interface OutgoingEmail {
  /** The outbox id: transports pass it on as the idempotency key, so a retry never sends twice. */
  id: string;
  businessId: string;
  /** What caused it (`invoice_sent`, `sign_in_link`, ...). */
  kind: string;
  from: string;
  to: string;
  replyTo: string | null;
  subject: string;
  html: string;
  text: string;
  headers: Record<string, string>;
  /** Files to attach, added by an outbox enricher as the email is sent (a ticket reply's files); none when absent. */
  attachments?: EmailAttachment[];
}

export interface SendResult {
  /** The provider's id for the message (Resend's email id, the SMTP Message-ID), for bounce matching. */
  providerMessageId: string | null;
}

/** Delivers outbox emails somewhere. A failure throws EmailDeliveryError. */
export interface EmailTransport {
  name: string;
  send(email: OutgoingEmail): Promise<SendResult>;
}

/**
 * A delivery failure. `permanent` failures (a rejected address, an invalid
 * message) are not retried; everything else (rate limits, provider outages,
 * network errors, bad credentials that an operator can fix) is retried later.
 * Messages never carry credentials.
 */
export class EmailDeliveryError extends Error {
  override readonly name = 'EmailDeliveryError';
  readonly permanent: boolean;
  /** The provider's status (HTTP status or SMTP reply code) when there was one. */
  readonly status: number | null;

  constructor(message: string, options: { permanent: boolean; status?: number | null; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.permanent = options.permanent;
    this.status = options.status ?? null;
  }
}

export function isEmailDeliveryError(error: unknown): error is EmailDeliveryError {
  return error instanceof EmailDeliveryError;
}

/** Replaces every occurrence of each secret in `text`, so errors and logs never carry a key. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | null | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) result = result.split(secret).join('[redacted]');
  }
  return result;
}
