import { createOutboxWorker, developmentMailboxTransport, listMailbox, type PorticoApi, type PorticoDatabase } from '@portico/core';

export interface MailDelivery {
  /** Delivers what is due now. */
  deliverNow(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Portico's outbox delivered to the development mailbox (a table) every
 * second, never to real addresses. A real host passes `resendTransport` or
 * `smtpTransport` instead.
 */
export function startMailDelivery(database: PorticoDatabase, { intervalMs = 1_000 } = {}): MailDelivery {
  const worker = createOutboxWorker({ db: database.db, transport: developmentMailboxTransport(database.db) });
  if (intervalMs > 0) worker.start(intervalMs);
  return {
    deliverNow: async () => {
      await worker.runOnce();
    },
    stop: () => worker.stop(),
  };
}

/**
 * Sends the business's invoice `invoiceId` (which emails each contact a
 * sign-in link), delivers it to the development mailbox and returns the link
 * in the email to `email`: Portico's landing page, or the host's page with
 * `#portico-link=` when the portal lives on another origin.
 */
export async function emailSignInLink(
  api: PorticoApi,
  database: PorticoDatabase,
  mail: MailDelivery,
  { businessId, invoiceId, email }: { businessId: string; invoiceId: string; email: string },
): Promise<string> {
  await api.business(businessId, { actor: 'example' }).invoices.send(invoiceId);
  await mail.deliverNow();
  const [newest] = await listMailbox(database.db, { businessId, to: email, limit: 1 });
  const link = newest?.text.match(/https?:\/\/\S+(?:\/auth\/link\/\S+|#portico-link=[\w-]+)/)?.[0];
  if (!link) throw new Error(`No sign-in link reached the development mailbox for ${email}.`);
  return link;
}
