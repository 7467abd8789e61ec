import { hitRateLimit, PorticoError, rateLimitKey, type CoreContext, type RateLimit } from '@portico/core';

export interface RateLimitRule extends RateLimit {
  scope: string;
  kind: 'ip' | 'email' | 'business' | 'token' | 'contact';
  subject: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Limits on the endpoints that send mail, redeem tokens or write to a person's inbox; per address, per IP and per business. */
export const limits = {
  requestLinkPerEmail: { limit: 5, windowMs: HOUR },
  requestLinkPerIp: { limit: 20, windowMs: HOUR },
  requestLinkPerBusiness: { limit: 1000, windowMs: HOUR },
  redeemPerIp: { limit: 30, windowMs: 10 * MINUTE },
  redeemPerBusiness: { limit: 2000, windowMs: 10 * MINUTE },
  ticketWritesPerContact: { limit: 60, windowMs: HOUR },
  ticketWritesPerIp: { limit: 120, windowMs: HOUR },
} satisfies Record<string, RateLimit>;

/** A 429 that knows when to come back (sent as Retry-After). */
export class RateLimitedError extends PorticoError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number) {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / MINUTE));
    super('rate_limited', `Too many attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

/**
 * Counts the request against every rule and throws RateLimitedError when any
 * is over its limit. Every rule is counted, so a flood spread over many
 * addresses still trips the per-IP and per-business ones.
 */
export async function enforceRateLimits(core: CoreContext, rules: RateLimitRule[]): Promise<void> {
  let retryAfterMs = 0;
  for (const rule of rules) {
    const verdict = await hitRateLimit(core, rateLimitKey(rule.scope, rule.kind, rule.subject), rule);
    if (!verdict.allowed) retryAfterMs = Math.max(retryAfterMs, verdict.retryAfterMs);
  }
  if (retryAfterMs > 0) throw new RateLimitedError(retryAfterMs);
}
