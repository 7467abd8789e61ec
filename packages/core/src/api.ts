import type { Kysely } from 'kysely';
import { apiServices } from './api-services.js';
import { businessApi } from './business-api.js';
import {
  createBusiness,
  findBusinessBySlug,
  getBusiness,
  listBusinesses,
  updateBusiness,
} from './businesses/businesses.js';
import type { PorticoSchema } from './db/schema.js';
import { linkTokenCheckPasses } from './auth/link-tokens.js';
import { purgeExpiredMagicLinkTokens } from './auth/magic-links.js';
import { purgeOldEvents } from './events/event-log.js';
import { hitRateLimit, purgeRateLimitBuckets } from './auth/rate-limiter.js';
import { purgeEndedSessions, resumeSession, revokeAllSessions, revokeSession } from './auth/sessions.js';
import { inspectSignInLink, redeemSignInLink, requestSignInLink } from './auth/sign-in.js';
import { handleStripeWebhook, type StripeWebhookRequest } from './payments/stripe/stripe-webhook.js';
import type { StripeConnection } from './payments/stripe/stripe-connection.js';
import { systemClock, type Clock } from './shared/clock.js';
import { createSecretBox, type SecretBox } from './shared/secret-box.js';
import {
  authenticateSmtpSender,
  findBusinessForRecipient,
  handleResendInboundWebhook,
  rawSecretMatches,
  type ResendWebhookRequest,
} from './tickets/inbound/index.js';
import type { CoreContext } from './context.js';

export interface PorticoApiOptions {
  db: Kysely<PorticoSchema>;
  clock?: Clock;
  /**
   * Seals secrets at rest (a business's Stripe keys): 32 random bytes as
   * base64 or hex. Without it, Stripe can't be configured.
   */
  encryptionKey?: string;
  /** The box sealing those secrets, when the caller has already made it from the key (it wins over `encryptionKey`). */
  secrets?: SecretBox;
  /** Where the Stripe API is, for tests or a proxy (default: Stripe's own). */
  stripeConnection?: StripeConnection;
  /** Where Resend's API is, for fetching received mail (default `https://api.resend.com`). */
  resendBaseUrl?: string;
  /**
   * Local development only: let webhook endpoints use http and private
   * addresses (`http://127.0.0.1:4000/hooks`). Off, only https URLs of public
   * addresses are taken, and checked again on the address each delivery connects to.
   */
  allowPrivateWebhookUrls?: boolean;
}

/**
 * The typed programmatic API for the business's own back end. Tenants are
 * managed at the top; everything else goes through `business(id)`, so every
 * call is scoped to one business and can never reach another's rows.
 *
 * ```ts
 * const acme = api.business(businessId);
 * const client = await acme.clients.create({ name: 'Globex', contacts: [{ name: 'Ann', email: 'ann@globex.test' }] });
 * const draft = await acme.invoices.create({ clientId: client.id, currency: 'EUR', lines: [...] });
 * await acme.invoices.issue(draft.id);
 * ```
 */
export function createPorticoApi({
  db,
  clock = systemClock,
  encryptionKey,
  secrets = encryptionKey ? createSecretBox(encryptionKey) : undefined,
  stripeConnection,
  resendBaseUrl,
  allowPrivateWebhookUrls,
}: PorticoApiOptions) {
  const core: CoreContext = { db, clock };
  const services = apiServices({ secrets, stripeConnection, resendBaseUrl, allowPrivateWebhookUrls });
  return {
    businesses: {
      create: createBusiness.bind(null, core),
      update: updateBusiness.bind(null, core),
      get: getBusiness.bind(null, core),
      findBySlug: findBusinessBySlug.bind(null, core),
      list: listBusinesses.bind(null, core),
    },
    /** Everything one business owns. `actor` names who acts, for the audit log (default `api`). */
    business(businessId: string, { actor = 'api' }: { actor?: string } = {}) {
      return businessApi({ ...core, businessId, actor }, services);
    },
    /** Inbound mail before it has a business: whose is an SMTP recipient (null: refuse it at RCPT TO). */
    inbound: {
      businessForRecipient: async (address: string) => findBusinessForRecipient(core, address),
      /** Whether `presented` is the business's raw-POST secret (constant time; false when none is set). */
      rawSecretMatches: async (businessId: string, presented: string) => rawSecretMatches(db, businessId, presented),
      /** DKIM, SPF and DMARC of a message an SMTP listener took, for `receive(raw, { senderDmarc })`. */
      authenticateSmtpSender,
    },
    /**
     * Passwordless sign-in: a link by email (`request` answers the same whether
     * or not the address is known), a look at it that spends nothing (mail
     * scanners open links), and the redemption that spends it and starts a session.
     */
    signIn: {
      /** Whether a token carries the business's keyed check (a guessed one does not); looks nothing up, so budgets can be spent only on real links. */
      check: async (businessId: string, token: unknown) => linkTokenCheckPasses(db, businessId, token),
      request: requestSignInLink.bind(null, core),
      inspect: inspectSignInLink.bind(null, core),
      redeem: redeemSignInLink.bind(null, core),
    },
    /** The sessions sign-in starts, by the raw id the cookie or bearer token carries. */
    sessions: {
      resume: resumeSession.bind(null, core),
      revoke: revokeSession.bind(null, core),
      /** Signs one contact out everywhere; returns how many sessions ended. */
      revokeAll: revokeAllSessions.bind(null, core),
    },
    /** Signed deliveries from providers, checked on the raw body before anything is read from it. */
    webhooks: {
      stripe: async (request: StripeWebhookRequest) => handleStripeWebhook(core, services.requireStripe(), request),
      resendInbound: async (request: ResendWebhookRequest) => handleResendInboundWebhook(core, services.requireResend(), request),
    },
    /** Fixed-window counters in the database, shared by every process. */
    rateLimits: {
      hit: hitRateLimit.bind(null, core),
    },
    /**
     * Housekeeping to run now and then from one process (hourly is plenty):
     * deletes sign-in links a day past expiry (kept that long so the landing
     * page can say "expired" rather than "used"), sessions a day after they
     * ended, rate-limit windows a day old, and events 30 days old with their
     * webhook deliveries and responses.
     */
    async purgeExpired(): Promise<{ signInLinks: number; sessions: number; rateLimitWindows: number; events: number }> {
      return {
        signInLinks: await purgeExpiredMagicLinkTokens(core),
        sessions: await purgeEndedSessions(core),
        rateLimitWindows: await purgeRateLimitBuckets(core),
        events: await purgeOldEvents(core),
      };
    },
  };
}

export type PorticoApi = ReturnType<typeof createPorticoApi>;
export type { BusinessApi } from './business-api.js';
