import { withFreshSignInToken } from './auth/email-sign-in-link.js';
import { createOutboxWorker as createBareOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './email/outbox-worker.js';
import { withTicketAttachments } from './tickets/email-attachments.js';

/**
 * The outbox worker for Portico's own emails: besides the options' enrichers
 * (run after), it makes each sign-in link's token as the email goes out and
 * attaches a ticket reply's files. See email/outbox-worker.ts for how it
 * claims, retries and shares the outbox with other workers.
 */
export function createOutboxWorker(options: OutboxWorkerOptions): OutboxWorker {
  return createBareOutboxWorker({ ...options, enrichers: [withFreshSignInToken, withTicketAttachments, ...(options?.enrichers ?? [])] });
}
