import { requireBusinessRow, toBusiness } from '../businesses/businesses.js';
import { signInLinkUrl } from '../businesses/portal-page.js';
import type { BusinessContext } from '../context.js';
import { enqueueEmail } from '../email/outbox.js';
import type { OutboxProducer } from '../email/outbox-worker.js';
import { renderSignInEmail } from '../email/templates/index.js';
import type { Locale } from '../shared/locales.js';
import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER } from './email-sign-in-link.js';
import { SIGN_IN_LINK_TTL_MS } from './magic-links.js';
import { hitRateLimit, rateLimitKey, type RateLimit } from './rate-limiter.js';

/** Requests turned into emails per worker run; the rest wait for the next. */
const BATCH = 50;

/**
 * The most sign-in emails one business sends an hour, whoever asks: it
 * protects the business's mailer (and its sender reputation) and counts only
 * mail actually made, so requests for unknown addresses spend none of it.
 */
export const SIGN_IN_MAIL_PER_BUSINESS: RateLimit = { limit: 1_000, windowMs: 3_600_000 };

/**
 * The outbox producer for "email me a link": each waiting request is taken
 * once (deleted in the transaction that queues its emails, so two workers
 * never both send it) and becomes one email per contact of the business with
 * that address, in the contact's client's language; an address of no
 * contact becomes nothing. Past the business's hourly ceiling, no email.
 */
export const expandSignInRequests: OutboxProducer = async (db, clock) => {
  const waiting = await db.selectFrom('sign_in_requests').selectAll().orderBy('requested_at').limit(BATCH).execute();
  for (const request of waiting) {
    await db.transaction().execute(async (trx) => {
      const taken = await trx.deleteFrom('sign_in_requests').where('id', '=', request.id).executeTakeFirst();
      if (taken.numDeletedRows === 0n) return;
      const ctx: BusinessContext = { db: trx, clock, businessId: request.business_id, actor: 'system:sign-in' };
      const contacts = await trx
        .selectFrom('contacts')
        .innerJoin('clients', 'clients.id', 'contacts.client_id')
        .select(['contacts.id', 'contacts.name', 'contacts.email', 'contacts.client_id', 'clients.locale'])
        .where('contacts.business_id', '=', request.business_id)
        .where('clients.business_id', '=', request.business_id)
        .where('clients.archived', '=', 0)
        .where('contacts.email_normalized', '=', request.email_normalized)
        .execute();
      if (contacts.length === 0) return;
      const business = toBusiness(await requireBusinessRow(trx, request.business_id));
      for (const contact of contacts) {
        const ceiling = await hitRateLimit(ctx, rateLimitKey('sign-in-mail', 'business', business.id), SIGN_IN_MAIL_PER_BUSINESS);
        if (!ceiling.allowed) return;
        const message = renderSignInEmail({
          business,
          contactName: contact.name,
          link: signInLinkUrl(business, SIGN_IN_TOKEN_PLACEHOLDER),
          expiresInMinutes: SIGN_IN_LINK_TTL_MS / 60_000,
          locale: (contact.locale as Locale | null) ?? business.locale,
        });
        const link = { clientId: contact.client_id, contactId: contact.id, purpose: 'sign_in', invoiceId: null, ttlMs: SIGN_IN_LINK_TTL_MS } as const;
        await enqueueEmail(trx, ctx, { kind: 'sign_in_link', to: contact.email, ...message }, deferredSignInLink(link, message));
      }
    });
  }
};
