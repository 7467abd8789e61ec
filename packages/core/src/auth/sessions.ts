import type { Selectable } from 'kysely';
import type { SessionTable } from '../db/schema.js';
import { int } from '../db/row-values.js';
import type { CoreContext, Executor } from '../context.js';
import { generateSecretToken, hashSecretToken, looksLikeSecretToken } from './secret-tokens.js';

export type SessionKind = SessionTable['kind'];

export interface SessionLifetimes {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however busy. */
  absoluteMs: number;
}

/**
 * Cookie sessions (portal on the site's own origin) last a working day;
 * bearer sessions (widgets on another origin, token held in page memory) an hour.
 */
export const SESSION_LIFETIMES: Record<SessionKind, SessionLifetimes> = {
  cookie: { idleMs: 2 * 3_600_000, absoluteMs: 24 * 3_600_000 },
  bearer: { idleMs: 30 * 60_000, absoluteMs: 3_600_000 },
};

/** Sliding the idle expiry costs a write; do it at most once a minute per session. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ClientSession {
  kind: SessionKind;
  businessId: string;
  clientId: string;
  contactId: string;
  createdAt: Date;
  idleExpiresAt: Date;
  absoluteExpiresAt: Date;
}

export interface StartedSession {
  /** The raw session id for the cookie or bearer header; only its hash is stored. */
  id: string;
  session: ClientSession;
}

/** Starts a session with a fresh random id (never reusing one from before sign-in). */
export async function startSession(
  executor: Executor,
  now: Date,
  who: { businessId: string; clientId: string; contactId: string; kind: SessionKind },
): Promise<StartedSession> {
  const id = generateSecretToken();
  const at = now.getTime();
  const lifetimes = SESSION_LIFETIMES[who.kind];
  const row = {
    id_hash: hashSecretToken(id),
    business_id: who.businessId,
    client_id: who.clientId,
    contact_id: who.contactId,
    kind: who.kind,
    created_at: at,
    last_seen_at: at,
    idle_expires_at: at + lifetimes.idleMs,
    absolute_expires_at: at + lifetimes.absoluteMs,
    revoked_at: null,
  };
  await executor.insertInto('sessions').values(row).execute();
  return { id, session: toSession(row) };
}

/**
 * The live session for a raw id presented the way it was issued (`via`: a
 * cookie session only as a cookie, a bearer only as a bearer, so a bearer
 * token copied into a cookie cannot pass for a page's session, nor a cookie
 * skip the Origin check as a bearer), or undefined when unknown, revoked,
 * expired or presented the other way. Slides the idle expiry forward (never
 * past the absolute one).
 */
export async function resumeSession(ctx: CoreContext, rawId: string, via: SessionKind): Promise<ClientSession | undefined> {
  if (!looksLikeSecretToken(rawId)) return undefined;
  const now = ctx.clock.now().getTime();
  const idHash = hashSecretToken(rawId);
  const row = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('id_hash', '=', idHash)
    .where('kind', '=', via)
    .where('revoked_at', 'is', null)
    .where('idle_expires_at', '>', now)
    .where('absolute_expires_at', '>', now)
    .executeTakeFirst();
  if (!row) return undefined;
  if (now - int(row.last_seen_at) < TOUCH_INTERVAL_MS) return toSession(row);
  const idle = Math.min(now + SESSION_LIFETIMES[row.kind].idleMs, int(row.absolute_expires_at));
  await ctx.db.updateTable('sessions').set({ last_seen_at: now, idle_expires_at: idle }).where('id_hash', '=', idHash).execute();
  return toSession({ ...row, last_seen_at: now, idle_expires_at: idle });
}

/** Signs out one session, presented the way it was issued (as resumeSession). */
export async function revokeSession(ctx: CoreContext, rawId: string, via: SessionKind): Promise<void> {
  if (!looksLikeSecretToken(rawId)) return;
  await ctx.db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.now().getTime() })
    .where('id_hash', '=', hashSecretToken(rawId))
    .where('kind', '=', via)
    .where('revoked_at', 'is', null)
    .execute();
}

/** "Sign out everywhere": ends every session of this contact at this business. */
export async function revokeAllSessions(ctx: CoreContext, businessId: string, contactId: string): Promise<number> {
  const result = await ctx.db
    .updateTable('sessions')
    .set({ revoked_at: ctx.clock.now().getTime() })
    .where('business_id', '=', businessId)
    .where('contact_id', '=', contactId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

function toSession(row: Selectable<SessionTable>): ClientSession {
  return {
    kind: row.kind,
    businessId: row.business_id,
    clientId: row.client_id,
    contactId: row.contact_id,
    createdAt: new Date(int(row.created_at)),
    idleExpiresAt: new Date(int(row.idle_expires_at)),
    absoluteExpiresAt: new Date(int(row.absolute_expires_at)),
  };
}

/** Deletes sessions that ended (expired or signed out) more than a day ago; returns how many. */
export async function purgeEndedSessions(ctx: CoreContext): Promise<number> {
  const cutoff = ctx.clock.now().getTime() - 86_400_000;
  const result = await ctx.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('absolute_expires_at', '<', cutoff), eb('idle_expires_at', '<', cutoff), eb('revoked_at', '<', cutoff)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
