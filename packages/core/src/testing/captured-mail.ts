import type { Kysely } from 'kysely';
import type { PorticoSchema } from '../db/schema.js';
import type { OutgoingEmail } from '../email/transports/transport.js';
import { createOutboxWorker } from '../outbox-worker.js';
import type { Clock } from '../shared/clock.js';

const silent = { warn: () => {}, error: () => {} };

/**
 * Portico's outbox worker with a transport that keeps what it is given, like
 * a mailbox: `deliver()` runs it once and answers what that run sent, of one
 * business when `businessId` is given (tests may share a database).
 */
export function capturedMail(db: Kysely<PorticoSchema>, clock: Clock, businessId?: string) {
  const sent: OutgoingEmail[] = [];
  const worker = createOutboxWorker({ db, clock, logger: silent, transport: { name: 'capture', send: async (email) => (sent.push(email), { providerMessageId: null }) } });
  return {
    sent,
    async deliver(): Promise<OutgoingEmail[]> {
      const before = sent.length;
      await worker.runOnce();
      return sent.slice(before).filter((email) => businessId === undefined || email.businessId === businessId);
    },
  };
}
