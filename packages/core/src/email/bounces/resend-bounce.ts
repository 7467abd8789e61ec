import type { BusinessContext } from '../../context.js';
import { PorticoError } from '../../shared/errors.js';
import { markEmailBounced } from '../outbox.js';
import { statusCodeIn } from './read-bounce.js';

/** Resend's `email.bounced` data, as far as Portico reads it. */
interface ResendBouncedData {
  /** The id Resend gave when the email was sent: the outbox's provider_message_id. */
  email_id?: unknown;
  bounce?: { message?: unknown; type?: unknown; subType?: unknown };
}

export interface ResendBounceOutcome {
  /** `bounced`: an email of this business was marked; `ignored`: an id unknown here, or one already marked. */
  outcome: 'bounced' | 'ignored';
  /** The outbox id marked. */
  id: string | null;
}

/**
 * Resend's `email.bounced` event (signature already checked): the email it
 * names is marked bounced, with the status code its message quotes, if any,
 * and its type and message as the reason. The same event again changes nothing.
 */
export async function takeResendBounce(ctx: BusinessContext, data: ResendBouncedData | undefined): Promise<ResendBounceOutcome> {
  const emailId = data?.email_id;
  if (typeof emailId !== 'string' || emailId === '') throw new PorticoError('invalid_input', 'The email.bounced event names no email_id.');
  const bounce = data?.bounce ?? {};
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  const kind = [text(bounce.type), text(bounce.subType)].filter(Boolean).join(', ');
  const message = text(bounce.message);
  const reason = [kind && `${kind}:`, message].filter(Boolean).join(' ') || null;
  const marked = await markEmailBounced(ctx, emailId, { status: statusCodeIn(message), reason, via: 'resend' });
  return marked ? { outcome: 'bounced', id: marked.id } : { outcome: 'ignored', id: null };
}
