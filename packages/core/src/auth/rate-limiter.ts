import { sql } from 'kysely';
import { int } from '../db/row-values.js';
import type { CoreContext } from '../context.js';
import { hashSecretToken } from './secret-tokens.js';

export interface RateLimit {
  /** Requests allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitVerdict {
  allowed: boolean;
  /** How long until the window resets, when refused. */
  retryAfterMs: number;
}

/**
 * Counts one hit against `key` in a fixed window, in the database so every
 * server process shares it. One upsert: concurrent hits are all counted.
 */
export async function hitRateLimit(ctx: CoreContext, key: string, limit: RateLimit): Promise<RateLimitVerdict> {
  const now = ctx.clock.now().getTime();
  const windowStart = now - (now % limit.windowMs);
  const row = await ctx.db
    .insertInto('rate_limit_buckets')
    .values({ key, window_start: windowStart, count: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when rate_limit_buckets.window_start = ${windowStart} then rate_limit_buckets.count + 1 else 1 end`,
        window_start: windowStart,
      }),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  const allowed = int(row.count) <= limit.limit;
  return { allowed, retryAfterMs: allowed ? 0 : windowStart + limit.windowMs - now };
}

/** A rate-limit key naming a person without storing who: emails and IPs are hashed. */
export function rateLimitKey(scope: string, kind: 'ip' | 'email' | 'business' | 'token' | 'contact', subject: string): string {
  const hidden = kind === 'business' ? subject : hashSecretToken(`${kind}:${subject.toLowerCase()}`).slice(0, 32);
  return `${scope}:${kind}:${hidden}`;
}

/** Drops buckets whose window ended long ago; returns how many. */
export async function purgeRateLimitBuckets(ctx: CoreContext, olderThanMs = 86_400_000): Promise<number> {
  const result = await ctx.db
    .deleteFrom('rate_limit_buckets')
    .where('window_start', '<', ctx.clock.now().getTime() - olderThanMs)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
