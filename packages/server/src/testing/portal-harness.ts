import { createOutboxWorker, type OutgoingEmail, type PorticoDatabase } from '@portico/core';
import { randomInt } from 'node:crypto';
import { seedBusiness, type SeededBusiness } from '@portico/core/testing';
import { createPortico, type Portico, type PorticoOptions } from '../create-portico.js';
import type { Logger } from '../http/logger.js';

export const PORTAL_ORIGIN = 'https://billing.harborpine.test';
export const SHOP_ORIGIN = 'https://shop.harborpine.test';

export interface PortalHarness extends SeededBusiness {
  portico: Portico;
  /** Every line the server logged, to check no secret reaches a log. */
  logLines: string[];
  /** Runs the outbox worker once and returns what it delivered for this harness's business. */
  deliver(): Promise<OutgoingEmail[]>;
  /** Sends a request to the portal from this harness's own client IP (X-Forwarded-For, unless given). */
  request(path: string, init?: RequestInit): Promise<Response>;
}

/**
 * A business with a client and a contact, a Portico server on a manual clock,
 * and an outbox worker whose transport keeps what it is given, like a mailbox.
 */
export async function createPortalHarness(
  database: PorticoDatabase,
  overrides: Parameters<typeof seedBusiness>[1] = {},
  serverOptions: Pick<PorticoOptions, 'encryptionKey' | 'stripeConnection' | 'authorizeAdmin'> = {},
): Promise<PortalHarness> {
  const seeded = await seedBusiness(database, {
    portalUrl: `${PORTAL_ORIGIN}/portal`,
    allowedOrigins: [SHOP_ORIGIN],
    ...overrides,
  });
  const logLines: string[] = [];
  const logger: Logger = {
    info: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
    warn: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
    error: (message, fields) => logLines.push(`${message} ${JSON.stringify(fields ?? {})}`),
  };
  const portico = await createPortico({ database, clock: seeded.clock, logger, trustProxy: true, ...serverOptions });
  // Each harness is its own visitor, so tests sharing a database never share rate-limit buckets.
  const ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const delivered: OutgoingEmail[] = [];
  const worker = createOutboxWorker({
    db: database.db,
    clock: seeded.clock,
    logger,
    transport: {
      name: 'capture',
      send: async (email) => {
        delivered.push(email);
        return { providerMessageId: `capture-${delivered.length}` };
      },
    },
  });
  return {
    ...seeded,
    portico,
    logLines,
    async deliver() {
      const before = delivered.length;
      await worker.runOnce();
      // Tests share a database, and a worker sends every business's due mail.
      return delivered.slice(before).filter((email) => email.businessId === seeded.business.id);
    },
    request: async (path, init = {}) => {
      const headers = new Headers(init.headers);
      if (!headers.has('x-forwarded-for')) headers.set('x-forwarded-for', ip);
      return portico.app.request(path, { ...init, headers });
    },
  };
}

/** The portal path of the first sign-in link in an email (`/auth/link/<business>/<token>`). */
export function linkPathIn(email: OutgoingEmail): string {
  const match = /https:\/\/[^\s"<>]+\/portal(\/auth\/link\/[A-Za-z0-9-]+\/[A-Za-z0-9_-]{43})/.exec(email.text);
  if (!match?.[1]) throw new Error(`No sign-in link in the email to ${email.to}: ${email.text}`);
  return match[1];
}

export function tokenOf(linkPath: string): string {
  return linkPath.split('/').at(-1)!;
}

/** The `name=value` of the session cookie a response set. */
export function sessionCookieFrom(response: Response): string {
  const header = response.headers.get('set-cookie') ?? '';
  const match = /(__Host-portico_session=[^;]+)/.exec(header);
  if (!match?.[1]) throw new Error(`No session cookie in: ${header}`);
  return match[1];
}
