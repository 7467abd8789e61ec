import {
  calendarDate,
  createDatabase,
  createOutboxWorker,
  developmentMailboxTransport,
  getMailboxEmail,
  listMailbox,
  mailboxEmailAttachment,
  mailboxEmailAttachments,
  systemClock,
  type Clock,
  type StripeConnection,
} from '@portico/core';
import { createPortico, type Logger, type Portico } from '@portico/server';
import { Hono } from 'hono';
import { randomBytes } from 'node:crypto';
import { composeMailboxReply } from './mail-reply.js';
import { DEMO_INBOUND_DOMAIN, seedDemo } from './seed.js';
import { accountPage } from './site/pages/account.js';
import { adminPage } from './site/pages/admin.js';
import { mailboxEmailPage, mailboxPage } from './site/pages/mailbox.js';
import { contactPage } from './site/pages/contact.js';
import { homePage } from './site/pages/home.js';
import { notFoundPage } from './site/pages/not-found.js';
import { servicesPage } from './site/pages/services.js';
import { siteCss } from './site/styles.js';

export interface DemoAppOptions {
  /** The SQLite file; created, migrated and seeded on first start. */
  databasePath: string;
  clock?: Clock;
  /** Where the site is served, like `http://localhost:3000`; Portico's links start at `${portalOrigin}/portal`. */
  portalOrigin: string;
  logger?: Logger;
  /** Deliver queued email to the development mailbox every second (default true). */
  deliverMail?: boolean;
  /**
   * Take card payments through Stripe (test keys), reached at `connection`.
   * Stripe itself is out of reach on these machines, so the end-to-end walk
   * passes a local stand-in; without this option the demo has no Pay now.
   */
  stripe?: { encryptionKey: string; connection: StripeConnection; webhookSecret: string };
}

export interface DemoApp {
  /** The studio's site, with Portico mounted at /portal. */
  app: Hono;
  portico: Portico;
  businessId: string;
  /** True when this start seeded an empty database. */
  seeded: boolean;
  /** Delivers whatever email is due right now (tests use it instead of waiting for the timer). */
  deliverMailNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Harbor & Pine Studio's website: its own pages, its own look, and Portico
 * mounted at /portal. Opens (and on first start seeds) the database.
 */
export async function createDemoApp({
  databasePath,
  clock = systemClock,
  portalOrigin,
  logger,
  deliverMail = true,
  stripe,
}: DemoAppOptions): Promise<DemoApp> {
  const database = await createDatabase({ sqlite: databasePath });
  try {
    const { business, seeded } = await seedDemo({ database, clock, portalOrigin });
    const portico = await createPortico({
      database,
      clock,
      ...(logger ? { logger } : {}),
      // The demo has no staff sign-in, so its dashboard acts as the studio. A real
      // host answers from its own session here, and null for anyone else.
      authorizeAdmin: () => ({ businessId: business.id, userId: 'studio' }),
      ...(stripe ? { encryptionKey: stripe.encryptionKey, stripeConnection: stripe.connection } : {}),
    });
    if (stripe) {
      await portico.api
        .business(business.id)
        .stripe.configure({ secretKey: 'sk_test_demo', publishableKey: 'pk_test_demo', webhookSecret: stripe.webhookSecret });
    }
    const origin = portalOrigin.replace(/\/+$/, '');
    // The port may differ from the one the data was seeded on; links in emails must
    // match where the site is now. Sign-ins land on the studio's own portal page.
    // Ticket emails carry a reply address at the studio's (made-up) inbound domain.
    await portico.api.businesses.update(business.id, {
      portalUrl: `${origin}/portal`,
      settings: { ...business.settings, portalPageUrl: `${origin}/account`, inboundDomain: DEMO_INBOUND_DOMAIN },
    });
    const studio = portico.api.business(business.id, { actor: 'studio' });
    // The mailbox's "Reply" posts raw MIME to Portico's inbound endpoint with this
    // secret, as a mail server would; a new one each start, kept only in memory.
    const inboundSecret = randomBytes(32).toString('hex');
    await studio.inbound.settings.configure({ rawSecret: inboundSecret });
    // Email goes to the development mailbox (/mailbox), never to real addresses.
    const mailWorker = createOutboxWorker({
      db: database.db,
      clock,
      transport: developmentMailboxTransport(database.db, clock),
      ...(logger ? { logger } : {}),
    });
    if (deliverMail) mailWorker.start(1_000);

    const host = new Hono();
    host.use(async (c, next) => {
      await next();
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Referrer-Policy', c.res.headers.get('Referrer-Policy') ?? 'strict-origin-when-cross-origin');
    });
    host.get('/assets/site.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(siteCss);
    });
    host.get('/', (c) => c.html(homePage()));
    host.get('/services', (c) => c.html(servicesPage()));
    host.get('/contact', (c) => c.html(contactPage()));
    // The studio's dashboard. A real site would put this behind its own sign-in.
    host.get('/account', (c) => c.html(accountPage({ businessSlug: business.slug })));
    // The studio's dashboard. A real site would put this behind its own sign-in.
    host.get('/admin', async (c) => {
      const current = await portico.api.businesses.get(business.id);
      const [invoices, clients, support] = await Promise.all([studio.invoices.list(), studio.clients.list(), studio.tickets.unreadCount()]);
      c.header('Cache-Control', 'no-store');
      return c.html(adminPage({ business: current, today: calendarDate(clock.now(), current.timeZone), invoices, clients, support }));
    });
    host.get('/mailbox', async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.html(mailboxPage({ emails: await listMailbox(database.db, { businessId: business.id }), timeZone: business.timeZone }));
    });
    host.get('/mailbox/:id', async (c) => {
      const email = await getMailboxEmail(database.db, c.req.param('id'));
      if (!email || email.businessId !== business.id) return c.html(notFoundPage(c.req.path), 404);
      c.header('Cache-Control', 'no-store');
      // The page holds a live sign-in link: keep it out of Referer headers.
      c.header('Referrer-Policy', 'no-referrer');
      const attachments = await mailboxEmailAttachments(database.db, email.id);
      return c.html(mailboxEmailPage({ email, attachments, timeZone: business.timeZone, replyOutcome: c.req.query('reply') }));
    });
    host.get('/mailbox/:id/attachments/:attachment', async (c) => {
      const email = await getMailboxEmail(database.db, c.req.param('id'));
      const file = email?.businessId === business.id ? await mailboxEmailAttachment(database.db, email.id, c.req.param('attachment')) : undefined;
      if (!file) return c.html(notFoundPage(c.req.path), 404);
      c.header('Content-Type', file.contentType);
      c.header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Cache-Control', 'no-store');
      return c.body(file.content as Uint8Array<ArrayBuffer>);
    });
    // Answers an email as its recipient would from a mail program: through
    // Portico's raw inbound endpoint, which threads it and strips the quote.
    host.post('/mailbox/:id/reply', async (c) => {
      // The email page sends no referrer (it holds live links), so its form's Origin is "null": Sec-Fetch-Site vouches instead.
      const fromMailbox = c.req.header('origin') === origin || c.req.header('sec-fetch-site') === 'same-origin';
      if (!fromMailbox) return c.text('Replies come from the mailbox page.', 403);
      const email = await getMailboxEmail(database.db, c.req.param('id'));
      if (!email || email.businessId !== business.id || !email.replyTo) return c.html(notFoundPage(c.req.path), 404);
      const text = String((await c.req.parseBody())['text'] ?? '').trim();
      if (text === '') return c.redirect(`/mailbox/${email.id}?reply=empty`, 303);
      const delivered = await portico.app.request(`/webhooks/email/raw/${business.slug}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${inboundSecret}`, 'content-type': 'message/rfc822' },
        body: composeMailboxReply(email, text, clock.now()),
      });
      const outcome = delivered.ok ? String(((await delivered.json()) as { outcome?: string }).outcome) : 'failed';
      return c.redirect(`/mailbox/${email.id}?reply=${encodeURIComponent(outcome)}`, 303);
    });
    host.route('/portal', portico.app);
    host.notFound((c) => c.html(notFoundPage(c.req.path), 404));
    host.onError((error, c) => {
      (logger ?? console).error(`[demo] ${c.req.method} ${c.req.path} failed: ${String(error)}`);
      return c.text('Something went wrong on our side. Please try again in a moment.', 500);
    });

    return {
      app: host,
      portico,
      businessId: business.id,
      seeded,
      deliverMailNow: async () => {
        // Batch after batch until none is left: the seed's estimate emails alone fill one.
        for (;;) {
          const { sent, retried, failed } = await mailWorker.runOnce();
          if (sent + retried + failed === 0) return;
        }
      },
      close: async () => {
        await mailWorker.stop();
        await portico.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}
