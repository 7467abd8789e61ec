import type { Kysely, Transaction } from 'kysely';
import type { PorticoSchema } from './db/schema.js';
import type { Clock } from './shared/clock.js';

// What every domain folder's services are given: above db/ and shared/, so neither imports the other back.

/** A database handle or an open transaction: services accept either. */
export type Executor = Kysely<PorticoSchema> | Transaction<PorticoSchema>;

export interface CoreContext {
  db: Kysely<PorticoSchema>;
  clock: Clock;
}

/** Everything a business-scoped service needs: each of its queries filters on `businessId`. */
export interface BusinessContext extends CoreContext {
  businessId: string;
  /** Who is acting, for the audit log: `api`, `admin:<user>`, `client:<contact>`, `system:stripe`. */
  actor: string;
}
