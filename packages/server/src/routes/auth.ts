import { PorticoError, SIGN_IN_LINK_TTL_MS, businessOrigins, configuredPortalPage, isPorticoError, type Business } from '@portico/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { clientIp } from '../http/client-ip.js';
import { assertTrustedOrigin } from '../http/origins.js';
import { setTokenPageHeaders } from '../http/page-headers.js';
import { readJsonObject, textField } from '../http/json-body.js';
import { limits, rateLimit, type RateLimitedError, type RateLimitRule } from '../http/rate-limit.js';
import { clearSessionCookie, readSessionId, setSessionCookie } from '../http/session-cookie.js';
import { renderLandingPage, type LandingState } from '../pages/landing-page.js';
import { pickPageLocale } from '../pages/page-strings.js';
import type { ServerContext } from '../server-context.js';
import type { RequestLinkBody, SignInBody, SignInResponse } from '@portico/wire';

/**
 * Sign-in. The link in an email opens `GET /auth/link/:business/:token`, a
 * page that consumes nothing (mail scanners open links); its button POSTs
 * back to the same URL, which redeems the token, sets the session cookie and
 * goes to the portal. Widgets on another origin redeem with
 * `POST /auth/sessions/:business` and get a short-lived bearer token instead.
 */
export function authRoutes(server: ServerContext): Hono<BusinessPathEnv> {
  const { api } = server;
  const app = new Hono<BusinessPathEnv>();

  /** The business the path names, read once for the middleware and the handler. */
  const businessFromPath: MiddlewareHandler<BusinessPathEnv> = async (c, next) => {
    const business = await api.businesses.findBySlug(c.req.param('business') ?? '');
    if (!business) throw new PorticoError('business_not_found', 'No such business.');
    c.set('business', business);
    await next();
  };

  /** Writes that come from a page must come from one of the business's own pages. */
  const trustedOrigin: MiddlewareHandler<BusinessPathEnv> = async (c, next) => {
    assertTrustedOrigin(c, c.var.business);
    await next();
  };

  const redeemRules = async (c: Context<BusinessPathEnv>): Promise<RateLimitRule[]> => {
    const perIp: RateLimitRule = { scope: 'redeem', kind: 'ip', subject: clientIp(c, server.trustProxy), ...limits.redeemPerIp };
    // Only a token bearing the business's keyed check counts against the business: a flood of guesses,
    // from however many addresses, spends the guessers' budgets and never the business's clients'.
    const real = await api.signIn.check(c.var.business.id, c.req.param('token') ?? (await readJsonObject<SignInBody>(c)).token);
    return real ? [perIp, { scope: 'redeem', kind: 'business', subject: c.var.business.id, ...limits.redeemPerBusiness }] : [perIp];
  };
  /** A person at the landing page is told, on the page, when to try again. */
  const limitRedeemPage = rateLimit<BusinessPathEnv>(api, { rules: redeemRules, onLimited: (c, error) => tooMany(c, c.var.business, error) });
  const limitRedeem = rateLimit<BusinessPathEnv>(api, { rules: redeemRules });
  const limitRequestLink = rateLimit<BusinessPathEnv>(api, {
    rules: async (c) => [
      { scope: `request-link:${c.var.business.id}`, kind: 'email', subject: (await requestedEmail(c)).trim(), ...limits.requestLinkPerEmail },
      { scope: 'request-link', kind: 'ip', subject: clientIp(c, server.trustProxy), ...limits.requestLinkPerIp },
      // No business-wide count here: core's ceiling counts the mail actually sent, so requests for
      // unknown addresses can't use up the business's clients' share.
    ],
    onLimited: (c, error) => {
      if (wantsJson(c)) throw error;
      return tooMany(c, c.var.business, error);
    },
  });

  async function landing(c: Context, business: Business, state: LandingState, status: 200 | 400 | 410 | 429 = 200) {
    setTokenPageHeaders(c);
    const locale = pickPageLocale(c.req.header('accept-language'), business.locale);
    // An absolute path on the portal's own mount, so it is right wherever this page sits.
    const requestLinkAction = `${new URL(business.portalUrl).pathname.replace(/\/$/, '')}/auth/request-link/${business.slug}`;
    const page = await renderLandingPage({ business, locale, state, requestLinkAction });
    return c.html(page, status);
  }

  /**
   * A link already used or expired: whoever holds a live session of this
   * business in this browser (often the same person, opening the email
   * again) goes straight into the portal; anyone else is told, and offered a
   * new link.
   */
  async function spentLink(c: Context, business: Business, expired: boolean) {
    const presented = readSessionId(c);
    const session = presented?.via === 'cookie' ? await api.sessions.resume(presented.id, 'cookie') : undefined;
    if (session && session.businessId === business.id) {
      setTokenPageHeaders(c);
      return c.redirect(portalPageUrl(business, {}), 303);
    }
    return landing(c, business, { kind: expired ? 'expired' : 'used' }, expired ? 410 : 400);
  }

  function tooMany(c: Context, business: Business, error: RateLimitedError) {
    c.header('Retry-After', String(error.retryAfterSeconds));
    return landing(c, business, { kind: 'too_many', minutes: Math.ceil(error.retryAfterSeconds / 60) }, 429);
  }

  // Cross-origin JSON endpoints answer CORS only for the business's own allow-list.
  const businessCors = cors({
    origin: async (origin, c) => {
      const business = await api.businesses.findBySlug(c.req.param('business') ?? '');
      return business && businessOrigins(business).has(origin) ? origin : null;
    },
    allowMethods: ['POST'],
    allowHeaders: ['Content-Type'],
    exposeHeaders: ['Retry-After'],
    maxAge: 600,
  });
  app.use('/sessions/:business', businessCors);
  app.use('/request-link/:business', businessCors);
  // Signing out is session-scoped, like the client API: the same CORS.
  app.use('/sign-out', server.apiCors);
  app.use('/sign-out-everywhere', server.apiCors);

  app.get('/link/:business/:token', businessFromPath, async (c) => {
    const business = c.var.business;
    const state = await api.signIn.inspect(business.id, c.req.param('token'));
    if (state === 'valid') return landing(c, business, { kind: 'continue' });
    return spentLink(c, business, state === 'expired');
  });

  app.post('/link/:business/:token', businessFromPath, trustedOrigin, limitRedeemPage, async (c) => {
    const business = c.var.business;
    try {
      const signedIn = await api.signIn.redeem(business.id, c.req.param('token'), 'cookie');
      setSessionCookie(c, signedIn.id, signedIn.session.absoluteExpiresAt);
      setTokenPageHeaders(c);
      return c.redirect(portalPageUrl(business, signedIn), 303);
    } catch (error) {
      if (!isPorticoError(error)) throw error;
      return spentLink(c, business, error.code === 'link_expired');
    }
  });

  app.post('/sessions/:business', businessFromPath, trustedOrigin, limitRedeem, async (c) => {
    const body = await readJsonObject<SignInBody>(c);
    const signedIn = await api.signIn.redeem(c.var.business.id, textField(body, 'token'), 'bearer');
    c.header('Cache-Control', 'no-store');
    return c.json<SignInResponse>({
      sessionToken: signedIn.id,
      expiresAt: signedIn.session.absoluteExpiresAt.toISOString(),
      invoiceId: signedIn.invoiceId,
      ticketId: signedIn.ticketId,
      estimateId: signedIn.estimateId,
    });
  });

  // The same answer whether or not the address is known; only the limits can say no.
  app.post('/request-link/:business', businessFromPath, trustedOrigin, limitRequestLink, async (c) => {
    const business = c.var.business;
    const email = await requestedEmail(c);
    try {
      await api.signIn.request(business.id, email);
    } catch (error) {
      if (!wantsJson(c) && isPorticoError(error) && error.code === 'invalid_email') return landing(c, business, { kind: 'invalid_email' }, 400);
      throw error;
    }
    if (wantsJson(c)) return c.json({ status: 'sent' as const }, 202);
    return landing(c, business, { kind: 'sent', email: email.trim(), minutes: SIGN_IN_LINK_TTL_MS / 60_000 });
  });

  app.post('/sign-out', async (c) => {
    const presented = readSessionId(c);
    if (presented) {
      const session = await api.sessions.resume(presented.id, presented.via);
      if (session && presented.via === 'cookie') assertTrustedOrigin(c, await api.businesses.get(session.businessId));
      await api.sessions.revoke(presented.id, presented.via);
    }
    clearSessionCookie(c);
    return c.body(null, 204);
  });

  app.post('/sign-out-everywhere', async (c) => {
    const presented = readSessionId(c);
    const session = presented && (await api.sessions.resume(presented.id, presented.via));
    if (!presented || !session) throw new PorticoError('unauthenticated', 'You are not signed in.');
    if (presented.via === 'cookie') assertTrustedOrigin(c, await api.businesses.get(session.businessId));
    const ended = await api.sessions.revokeAll(session.businessId, session.contactId);
    clearSessionCookie(c);
    return c.json({ sessionsEnded: ended });
  });

  return app;
}

/**
 * Where to go after sign-in: the business's own portal page if it set one on
 * its allow-list (`settings.portalPageUrl`), else the portal Portico hosts;
 * with `?invoice=`, `?ticket=` or `?estimate=` for what the email was about.
 */
export function portalPageUrl(
  business: Business,
  about: { invoiceId?: string | null; ticketId?: string | null; estimateId?: string | null },
): string {
  const target = configuredPortalPage(business) ?? new URL(`${business.portalUrl}/`);
  if (about.invoiceId) target.searchParams.set('invoice', about.invoiceId);
  else if (about.ticketId) target.searchParams.set('ticket', about.ticketId);
  else if (about.estimateId) target.searchParams.set('estimate', about.estimateId);
  return target.toString();
}

type BusinessPathEnv = { Variables: { business: Business } };

/** The request-link form posts a form from the landing page, or JSON from a widget. */
function wantsJson(c: Context): boolean {
  return (c.req.header('content-type') ?? '').includes('application/json');
}

/** The address a link is asked for, read by the limits and by the handler (Hono keeps the body, so the request is read once). */
async function requestedEmail(c: Context): Promise<string> {
  return textField(wantsJson(c) ? await readJsonObject<RequestLinkBody>(c) : await c.req.parseBody(), 'email');
}
