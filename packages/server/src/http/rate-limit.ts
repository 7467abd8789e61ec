import { PorticoError, rateLimitKey, type PorticoApi, type RateLimit } from '@portico/core';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { rateLimitIp } from './client-ip.js';

export interface RateLimitRule extends RateLimit {
  scope: string;
  /** An `ip` subject is counted by its /64 when it is IPv6 (see rateLimitIp). */
  kind: 'ip' | 'email' | 'business' | 'token' | 'contact';
  subject: string;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Limits on the endpoints that send mail, redeem tokens or write to a person's inbox; per address, per IP and per business. */
export const limits = {
  requestLinkPerEmail: { limit: 5, windowMs: HOUR },
  requestLinkPerIp: { limit: 20, windowMs: HOUR },
  redeemPerIp: { limit: 30, windowMs: 10 * MINUTE },
  redeemPerBusiness: { limit: 2000, windowMs: 10 * MINUTE },
  ticketWritesPerContact: { limit: 60, windowMs: HOUR },
  ticketWritesPerIp: { limit: 120, windowMs: HOUR },
  /** Accepting or declining an estimate is final and emails the business: a few tries, not a flood. */
  estimateAnswersPerContact: { limit: 30, windowMs: HOUR },
  estimateAnswersPerIp: { limit: 60, windowMs: HOUR },
  /** Account edits write the audit log and may redirect where invoices go: generous for a person, not for a script. */
  accountWritesPerContact: { limit: 60, windowMs: HOUR },
  accountWritesPerIp: { limit: 120, windowMs: HOUR },
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

export interface RateLimitOptions<E extends Env> {
  /** The rules this request counts against; every one is counted, so a flood spread over many addresses still trips the per-IP and per-business ones. */
  rules: (c: Context<E>) => readonly RateLimitRule[] | Promise<readonly RateLimitRule[]>;
  /** The answer when a rule is over its limit (default: throw the RateLimitedError, which the error handler answers as a JSON 429 with Retry-After). */
  onLimited?: (c: Context<E>, error: RateLimitedError) => Response | Promise<Response>;
}

/**
 * Middleware that counts each request against its rules before the handler
 * runs, in the style of Hono's bodyLimit: a request over a limit never
 * reaches the handler.
 */
export function rateLimit<E extends Env = Env>(api: PorticoApi, options: RateLimitOptions<E>): MiddlewareHandler<E> {
  return async (c, next) => {
    let retryAfterMs = 0;
    for (const rule of await options.rules(c)) {
      const subject = rule.kind === 'ip' ? rateLimitIp(rule.subject) : rule.subject;
      const verdict = await api.rateLimits.hit(rateLimitKey(rule.scope, rule.kind, subject), rule);
      if (!verdict.allowed) retryAfterMs = Math.max(retryAfterMs, verdict.retryAfterMs);
    }
    if (retryAfterMs === 0) return next();
    const error = new RateLimitedError(retryAfterMs);
    if (!options.onLimited) throw error;
    return options.onLimited(c, error);
  };
}
