import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PorticoApi, PorticoDatabase } from '@portico/core';
import { emailSignInLink, startMailDelivery, type MailDelivery } from './mail.js';
import { EXAMPLE_CONTACT_EMAIL, seedExampleBusiness, type ExampleBusiness, type ExampleBusinessOptions } from './sample-business.js';

/** What the examples need of a Portico server (`createPortico()`'s result has it). */
export interface PorticoBackend {
  api: PorticoApi;
  database: PorticoDatabase;
  close(): Promise<void>;
}

/** A Portico server with the sample business and mail delivered to the development mailbox. */
export interface ExampleBackend {
  portico: PorticoBackend;
  sample: ExampleBusiness;
  mail: MailDelivery;
  /** Stops mail delivery and closes Portico. */
  close(): Promise<void>;
}

export async function startExampleBackend(portico: PorticoBackend, options: ExampleBusinessOptions): Promise<ExampleBackend> {
  const sample = await seedExampleBusiness(portico.api, options);
  const mail = startMailDelivery(portico.database);
  return {
    portico,
    sample,
    mail,
    async close() {
      await mail.stop();
      await portico.close();
    },
  };
}

/**
 * Sends the sample's draft invoice to Ann and returns the sign-in link her
 * email holds, with the number the invoice got.
 */
export async function emailExampleSignInLink({ portico, sample, mail }: ExampleBackend): Promise<{ link: string; invoiceNumber: string }> {
  const businessId = sample.business.id;
  const link = await emailSignInLink(portico.api, portico.database, mail, { businessId, invoiceId: sample.draftInvoiceId, email: EXAMPLE_CONTACT_EMAIL });
  const sent = await portico.api.business(businessId).invoices.get(sample.draftInvoiceId);
  return { link, invoiceNumber: sent.number! };
}

/** Listens on 127.0.0.1 (port 0: a free one) and answers the port. */
export async function listen(server: Server, port: number): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  return (server.address() as AddressInfo).port;
}

export async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** Stops an example: its HTTP server first, then mail delivery and Portico. */
export async function stopExample(server: Server, backend: ExampleBackend): Promise<void> {
  await closeServer(server);
  await backend.close();
}

/** For an example's `npm start`: emails a sign-in link, prints where to go, and stops cleanly on Ctrl+C. */
export async function announceExample(backend: ExampleBackend, where: string, stop: () => Promise<void>): Promise<void> {
  const { link } = await emailExampleSignInLink(backend);
  console.log(where);
  console.log(`Sign in as ${EXAMPLE_CONTACT_EMAIL} (the link from the development mailbox): ${link}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(0)));
  }
}
