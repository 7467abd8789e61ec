import { SIGN_IN_LINK_TTL_MS } from '@portico/core';
import { describeEachDatabase } from '@portico/core/testing';
import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import type { ErrorBody } from '@portico/wire';
import { SESSION_COOKIE } from '../http/session-cookie.js';
import {
  PORTAL_ORIGIN,
  SHOP_ORIGIN,
  createPortalHarness,
  linkPathIn,
  sessionCookieFrom,
  tokenOf,
  type PortalHarness,
} from '../testing/portal-harness.js';

const fromPortal = { origin: PORTAL_ORIGIN };

async function sendInvoiceAndOpenMail(h: PortalHarness) {
  const draft = await h.scope.invoices.create({
    clientId: h.client.id,
    currency: 'EUR',
    lines: [{ description: 'Brand workshop', quantity: 2, unitPrice: 45_000, taxRate: 19 }],
  });
  const sent = await h.scope.invoices.send(draft.id);
  const [email] = await h.deliver();
  if (!email) throw new Error('no email delivered');
  return { invoice: sent.invoice, email, linkPath: linkPathIn(email) };
}

function redeem(h: PortalHarness, linkPath: string, headers: Record<string, string> = fromPortal) {
  return h.request(linkPath, { method: 'POST', headers });
}

describeEachDatabase('sign-in by magic link', (database) => {
  it('emails each contact a link built from the configured portal URL, carrying a 256-bit token', async () => {
    const h = await createPortalHarness(database());
    await h.scope.contacts.add(h.client.id, { name: 'Bo Books', email: 'bo@globex.test' });
    const draft = await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', lines: [{ description: 'Work', quantity: 1, unitPrice: 1000 }] });
    const { emailsQueued } = await h.scope.invoices.send(draft.id);
    expect(emailsQueued).toBe(2);
    const emails = await h.deliver();
    expect(emails.map((e) => e.to).sort()).toEqual(['ann@globex.test', 'bo@globex.test']);
    const links = emails.map(linkPathIn);
    expect(new Set(links).size).toBe(2);
    for (const email of emails) expect(email.text).toContain(`${PORTAL_ORIGIN}/portal/auth/link/${h.business.slug}/`);
    expect(Buffer.from(tokenOf(links[0]!), 'base64url')).toHaveLength(32);
  });

  it('stores only hashes: no raw token anywhere in the database or the logs', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const token = tokenOf(linkPath);
    const signedIn = await redeem(h, linkPath);
    const sessionId = sessionCookieFrom(signedIn).split('=')[1]!;
    await h.request('/api/session', { headers: { cookie: sessionCookieFrom(signedIn) } });

    const tables = await database().db.introspection.getTables();
    for (const table of tables) {
      const rows = await database().db.selectFrom(table.name as 'sessions').selectAll().execute();
      const dump = JSON.stringify(rows);
      expect(dump, `table ${table.name}`).not.toContain(token);
      expect(dump, `table ${table.name}`).not.toContain(sessionId);
    }
    expect(h.logLines.join('\n')).not.toContain(token);
    expect(h.logLines.join('\n')).not.toContain(sessionId);
  });

  it('GET and HEAD of the link consume nothing; the page POSTs and that alone signs in', async () => {
    const h = await createPortalHarness(database());
    const { linkPath, invoice } = await sendInvoiceAndOpenMail(h);
    for (let i = 0; i < 3; i++) {
      const page = await h.request(linkPath);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('Continue to your portal');
      expect(html).toContain('method="post"');
      expect(html).toContain('Harbor &amp; Pine Studio');
      const head = await h.request(linkPath, { method: 'HEAD' });
      expect(head.status).toBe(200);
    }
    const signedIn = await redeem(h, linkPath);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.get('location')).toBe(`${PORTAL_ORIGIN}/portal/?invoice=${invoice.id}`);
    const session = await h.request('/api/session', { headers: { cookie: sessionCookieFrom(signedIn) } });
    expect(session.status).toBe(200);
    expect(await session.json()).toMatchObject({
      business: { slug: h.business.slug, name: h.business.name },
      client: { id: h.client.id, name: 'Globex Corporation' },
      contact: { email: 'ann@globex.test' },
      timeZone: h.business.timeZone,
    });
  });

  it('sets a __Host- session cookie: Secure, HttpOnly, SameSite=Lax, Path=/', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const cookie = (await redeem(h, linkPath)).headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-portico_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/');
    expect(cookie).not.toContain('Domain');
  });

  it('a link works once: the second POST explains itself and offers a new link', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    expect((await redeem(h, linkPath)).status).toBe(303);
    const again = await redeem(h, linkPath);
    expect(again.status).toBe(400);
    const html = await again.text();
    expect(html).toContain('already been used');
    expect(html).toContain('Email me a new link');
    expect(again.headers.get('set-cookie')).toBeNull();
    // The form asks for a new link where that route really is.
    const action = /<form method="post" action="([^"]+)"/.exec(html)![1]!;
    expect(action).toBe(`/portal/auth/request-link/${h.business.slug}`);
    const fresh = await h.request(action.replace(/^\/portal/, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PORTAL_ORIGIN },
      body: 'email=ann%40globex.test',
    });
    expect(fresh.status).toBe(200);
    expect(await fresh.text()).toContain('Check your email');
    const page = await h.request(linkPath);
    expect(page.status).toBe(400);
  });

  it('twenty parallel redemptions of one token give exactly one session', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(h, linkPath)));
    expect(responses.filter((r) => r.status === 303)).toHaveLength(1);
    expect(responses.filter((r) => r.status === 400)).toHaveLength(19);
    const sessions = await database().db.selectFrom('sessions').select('id_hash').where('business_id', '=', h.business.id).execute();
    expect(sessions).toHaveLength(1);
  });

  it('a used link, opened again in the browser that it signed in, goes straight into the portal; elsewhere it says it was used', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const cookie = sessionCookieFrom(await redeem(h, linkPath));
    for (const method of ['GET', 'POST']) {
      const again = await h.request(linkPath, { method, headers: { ...fromPortal, cookie } });
      expect(again.status, method).toBe(303);
      expect(again.headers.get('location'), method).toBe(`${PORTAL_ORIGIN}/portal/`);
    }
    const elsewhere = await h.request(linkPath);
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('already been used');
  });

  it('an expired link says so and consumes nothing', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    h.clock.advanceDays(7);
    h.clock.advance(60_000);
    const page = await h.request(linkPath);
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('This link has expired');
    const attempt = await redeem(h, linkPath);
    expect(attempt.status).toBe(410);
    expect(attempt.headers.get('set-cookie')).toBeNull();
  });

  it('a business can set how long its invoice links last', async () => {
    const h = await createPortalHarness(database(), { settings: { invoiceLinkTtlDays: 2 } });
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    h.clock.advanceDays(2);
    h.clock.advance(1000);
    expect((await h.request(linkPath)).status).toBe(410);
  });

  it('sending again leaves links already sent working', async () => {
    const h = await createPortalHarness(database());
    const { linkPath, invoice } = await sendInvoiceAndOpenMail(h);
    await h.scope.invoices.send(invoice.id);
    const [second] = await h.deliver();
    expect(linkPathIn(second!)).not.toBe(linkPath);
    expect((await redeem(h, linkPath)).status).toBe(303);
    expect((await redeem(h, linkPathIn(second!))).status).toBe(303);
  });

  it("a token of business A is worthless on business B's link", async () => {
    const a = await createPortalHarness(database());
    const b = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(a);
    const onB = linkPath.replace(`/${a.business.slug}/`, `/${b.business.slug}/`);
    expect((await b.request(onB)).status).toBe(400);
    expect((await b.request(onB, { method: 'POST', headers: fromPortal })).status).toBe(400);
    expect((await redeem(a, linkPath)).status).toBe(303);
  });

  it('refuses a cross-site POST (foreign or missing Origin) without spending the token', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const foreign = await redeem(h, linkPath, { origin: 'https://evil.test' });
    expect(foreign.status).toBe(403);
    const refusal = (await foreign.json()) as ErrorBody;
    expect(refusal.error).toMatchObject({ code: 'forbidden_origin', expectedOrigin: new URL(h.business.portalUrl).origin });
    expect(refusal.error.message).toBe(`This request came from https://evil.test, not from a page of the portal (${refusal.error.expectedOrigin}). Open it at ${refusal.error.expectedOrigin}.`);
    expect((await redeem(h, linkPath, {})).status).toBe(403);
    expect((await redeem(h, linkPath)).status).toBe(303);
  });

  it("accepts the landing page's own POST, which a browser sends as Origin: null under no-referrer", async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    expect((await redeem(h, linkPath, { origin: 'null', 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await redeem(h, linkPath, { origin: 'null' })).status).toBe(403);
    expect((await redeem(h, linkPath, { origin: 'null', 'sec-fetch-site': 'same-origin' })).status).toBe(303);
  });

  it('a foreign Origin is refused even when Sec-Fetch-Site claims same-origin', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    expect((await redeem(h, linkPath, { origin: 'https://evil.test', 'sec-fetch-site': 'same-origin' })).status).toBe(403);
  });

  it('sends Referrer-Policy: no-referrer and no-store on pages that carry a token', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    for (const response of [await h.request(linkPath), await redeem(h, linkPath), await redeem(h, linkPath)]) {
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});

describeEachDatabase('"email me a link"', (database) => {
  function requestLink(h: PortalHarness, email: string, headers: Record<string, string> = {}) {
    return h.request(`/auth/request-link/${h.business.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PORTAL_ORIGIN, ...headers },
      body: JSON.stringify({ email }),
    });
  }

  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const h = await createPortalHarness(database());
    const known = await requestLink(h, 'Ann@Globex.test');
    const unknown = await requestLink(h, 'nobody@nowhere.test');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(known.status);
    expect(await unknown.text()).toBe(await known.text());
    const mail = await h.deliver();
    expect(mail.map((m) => m.to)).toEqual(['ann@globex.test']);
  });

  it('does the same work for a known and an unknown address: the same statements, request after request', async () => {
    // Every statement the server sends to the database, by kind and table, while each request is answered.
    let statements: string[] = [];
    const counting = {
      ...database(),
      db: database().db.withPlugin({
        transformQuery: (args) => {
          const node = args.node as unknown as { kind: string; into?: { table?: { identifier?: { name?: string } } }; from?: { froms?: Array<{ table?: { identifier?: { name?: string } } }> } };
          statements.push(`${node.kind} ${node.into?.table?.identifier?.name ?? node.from?.froms?.[0]?.table?.identifier?.name ?? ''}`);
          return args.node;
        },
        transformResult: async (args) => args.result,
      }),
    };
    const h = await createPortalHarness(counting);
    const work = { known: new Set<string>(), unknown: new Set<string>() };
    const timings = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < 200; i++) {
      const which = i % 2 === 0 ? 'known' : 'unknown';
      h.clock.advance(3_600_000); // a fresh hour: no request is refused by the per-address or per-IP limits
      statements = [];
      const started = performance.now();
      const answer = await requestLink(h, which === 'known' ? 'ann@globex.test' : `nobody${i}@nowhere.test`, { 'x-forwarded-for': `198.51.100.${i % 250}` });
      timings[which].push(performance.now() - started);
      expect(answer.status).toBe(202);
      work[which].add(statements.join(' | '));
    }
    expect(work.known.size).toBe(1);
    expect([...work.unknown]).toEqual([...work.known]);
    const median = (values: number[]) => values.sort((a, b) => a - b)[values.length >> 1]!;
    console.log(`request-link median answer: known ${median(timings.known).toFixed(2)} ms, unknown ${median(timings.unknown).toFixed(2)} ms (printed, not asserted)`);
    const mailed: string[] = [];
    for (let run = await h.deliver(); run.length > 0; run = await h.deliver()) mailed.push(...run.map((mail) => mail.to));
    expect(mailed).toEqual(Array<string>(100).fill('ann@globex.test'));
  }, 120_000);

  it('the HTML form answers the same page for known and unknown addresses', async () => {
    const h = await createPortalHarness(database());
    const post = (email: string) =>
      h.request(`/auth/request-link/${h.business.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: PORTAL_ORIGIN },
        body: new URLSearchParams({ email }).toString(),
      });
    const known = await post('ann@globex.test');
    const unknown = await post('zed@globex.test');
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect((await unknown.text()).replace('zed@globex.test', 'X')).toBe((await known.text()).replace('ann@globex.test', 'X'));
  });

  it('the link it sends lasts 10 minutes and signs in', async () => {
    const h = await createPortalHarness(database());
    await requestLink(h, 'ann@globex.test');
    const [email] = await h.deliver();
    const linkPath = linkPathIn(email!);
    h.clock.advance(SIGN_IN_LINK_TTL_MS - 1000);
    expect((await h.request(linkPath)).status).toBe(200);
    h.clock.advance(2000);
    expect((await h.request(linkPath)).status).toBe(410);
  });

  it('builds links from the configured URL whatever the Host header says', async () => {
    const h = await createPortalHarness(database());
    await h.portico.app.request(`http://evil.test/auth/request-link/${h.business.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PORTAL_ORIGIN, host: 'evil.test', 'x-forwarded-host': 'evil.test' },
      body: JSON.stringify({ email: 'ann@globex.test' }),
    });
    const [email] = await h.deliver();
    expect(email!.text).toContain(`${PORTAL_ORIGIN}/portal/auth/link/`);
    expect(email!.text + email!.html).not.toContain('evil.test');
  });

  it('refuses a bad address clearly, and a cross-site request', async () => {
    const h = await createPortalHarness(database());
    const bad = await requestLink(h, 'not-an-address');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'invalid_email' } });
    expect((await requestLink(h, 'ann@globex.test', { origin: 'https://evil.test' })).status).toBe(403);
    expect(await h.deliver()).toHaveLength(0);
  });

  it('rate limit per address trips, says when to come back, and recovers', async () => {
    const h = await createPortalHarness(database());
    for (let i = 0; i < 5; i++) expect((await requestLink(h, 'ann@globex.test', { 'x-forwarded-for': `198.51.100.${i}` })).status).toBe(202);
    const refused = await requestLink(h, 'ann@globex.test', { 'x-forwarded-for': '198.51.100.99' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    h.clock.advance(60 * 60_000);
    expect((await requestLink(h, 'ann@globex.test')).status).toBe(202);
    expect(await h.deliver()).toHaveLength(6);
  });

  it('rate limit per IP trips across many addresses', async () => {
    const h = await createPortalHarness(database());
    const ip = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 20; i++) expect((await requestLink(h, `person${i}@example.test`, ip)).status).toBe(202);
    expect((await requestLink(h, 'another@example.test', ip)).status).toBe(429);
    expect((await requestLink(h, 'another@example.test', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(202);
  });

  it('redeeming is rate limited per IP', async () => {
    const h = await createPortalHarness(database());
    const ip = { ...fromPortal, 'x-forwarded-for': '192.0.2.44' };
    for (let i = 0; i < 30; i++) {
      expect((await h.request(`/auth/link/${h.business.slug}/${'x'.repeat(43)}`, { method: 'POST', headers: ip })).status).toBe(400);
    }
    const refused = await h.request(`/auth/link/${h.business.slug}/${'x'.repeat(43)}`, { method: 'POST', headers: ip });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).not.toBeNull();
  });

  it('counts an IPv6 caller by its /64: a new address in the same block is the same caller', async () => {
    const h = await createPortalHarness(database());
    const from = (address: string) => ({ ...fromPortal, 'x-forwarded-for': address });
    for (let i = 0; i < 30; i++) {
      expect((await h.request(`/auth/link/${h.business.slug}/${'x'.repeat(43)}`, { method: 'POST', headers: from(`2001:db8:7:9::${(i + 1).toString(16)}`) })).status).toBe(400);
    }
    const sameBlock = await h.request(`/auth/link/${h.business.slug}/${'x'.repeat(43)}`, { method: 'POST', headers: from('2001:0db8:0007:0009:ffff:1:2:3') });
    expect(sameBlock.status).toBe(429);
    const nextBlock = await h.request(`/auth/link/${h.business.slug}/${'x'.repeat(43)}`, { method: 'POST', headers: from('2001:db8:7:a::1') });
    expect(nextBlock.status).toBe(400);
  });

  it('a flood of guessed tokens from a hundred addresses leaves a real client’s link working', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    // Past the business-wide budget (2,000 in 10 minutes), spread so that no address passes its own (30).
    for (let i = 0; i < 2_001; i++) {
      const guess = randomBytes(32).toString('base64url');
      const response = await h.request(`/auth/link/${h.business.slug}/${guess}`, { method: 'POST', headers: { ...fromPortal, 'x-forwarded-for': `198.51.100.${i % 100}` } });
      expect(response.status).toBe(400);
    }
    const signedIn = await redeem(h, linkPath, { ...fromPortal, 'x-forwarded-for': '203.0.113.50' });
    expect(signedIn.status).toBe(303);
    expect(sessionCookieFrom(signedIn)).toMatch(/^__Host-portico_session=/);
  }, 120_000);
});

describeEachDatabase('sessions', (database) => {
  async function signIn(h: PortalHarness) {
    await h.request(`/auth/request-link/${h.business.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PORTAL_ORIGIN },
      body: JSON.stringify({ email: 'ann@globex.test' }),
    });
    const [email] = await h.deliver();
    return sessionCookieFrom(await redeem(h, linkPathIn(email!)));
  }

  it('a session answers only to the way it was issued: a cookie id as a bearer, or a bearer token as the cookie, is no session', async () => {
    const h = await createPortalHarness(database());
    const cookie = await signIn(h);
    const cookieId = cookie.split('=')[1]!;
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const redeemed = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: PORTAL_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(linkPath) }),
    });
    const { sessionToken } = (await redeemed.json()) as { sessionToken: string };

    expect((await h.request('/api/session', { headers: { cookie } })).status).toBe(200);
    expect((await h.request('/api/session', { headers: { authorization: `Bearer ${sessionToken}` } })).status).toBe(200);
    expect((await h.request('/api/session', { headers: { authorization: `Bearer ${cookieId}` } })).status).toBe(401);
    expect((await h.request('/api/session', { headers: { cookie: `${SESSION_COOKIE}=${sessionToken}` } })).status).toBe(401);
    // Nor can one sign the other out.
    await h.request('/auth/sign-out', { method: 'POST', headers: { authorization: `Bearer ${cookieId}`, origin: PORTAL_ORIGIN } });
    expect((await h.request('/api/session', { headers: { cookie } })).status).toBe(200);
  });

  it('each sign-in gets a fresh session id', async () => {
    const h = await createPortalHarness(database());
    expect(await signIn(h)).not.toBe(await signIn(h));
  });

  it('ends after 2 idle hours, slides while in use, and ends after 24 hours regardless', async () => {
    const h = await createPortalHarness(database());
    const cookie = await signIn(h);
    const session = () => h.request('/api/session', { headers: { cookie } });
    for (let hour = 0; hour < 23; hour++) {
      h.clock.advance(60 * 60_000);
      expect((await session()).status, `after ${hour + 1} h`).toBe(200);
    }
    h.clock.advance(61 * 60_000);
    expect((await session()).status).toBe(401);

    const idle = await signIn(h);
    h.clock.advance(2 * 60 * 60_000 + 1000);
    expect((await h.request('/api/session', { headers: { cookie: idle } })).status).toBe(401);
  });

  it('sign out ends this session; sign out everywhere ends them all', async () => {
    const h = await createPortalHarness(database());
    const first = await signIn(h);
    const second = await signIn(h);
    const third = await signIn(h);
    const out = await h.request('/auth/sign-out', { method: 'POST', headers: { cookie: first, ...fromPortal } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    expect((await h.request('/api/session', { headers: { cookie: first } })).status).toBe(401);
    expect((await h.request('/api/session', { headers: { cookie: second } })).status).toBe(200);

    const everywhere = await h.request('/auth/sign-out-everywhere', { method: 'POST', headers: { cookie: second, ...fromPortal } });
    expect(await everywhere.json()).toEqual({ sessionsEnded: 2 });
    expect((await h.request('/api/session', { headers: { cookie: third } })).status).toBe(401);
  });

  it('refuses a cookie-authenticated sign-out from another site', async () => {
    const h = await createPortalHarness(database());
    const cookie = await signIn(h);
    const forged = await h.request('/auth/sign-out-everywhere', { method: 'POST', headers: { cookie, origin: 'https://evil.test' } });
    expect(forged.status).toBe(403);
    expect((await h.request('/api/session', { headers: { cookie } })).status).toBe(200);
  });

  it('without a session the API answers 401 with a code', async () => {
    const h = await createPortalHarness(database());
    const response = await h.request('/api/session');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } });
  });
});

describeEachDatabase('widgets on another origin', (database) => {
  it('redeem a link for a short-lived bearer token, with CORS only for allowed origins', async () => {
    const h = await createPortalHarness(database());
    const { linkPath, invoice } = await sendInvoiceAndOpenMail(h);
    const preflight = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'OPTIONS',
      headers: { origin: SHOP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);

    const response = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(linkPath) }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect(response.headers.get('set-cookie')).toBeNull();
    const body = (await response.json()) as { sessionToken: string; expiresAt: string; invoiceId: string };
    expect(body.invoiceId).toBe(invoice.id);
    expect(new Date(body.expiresAt).getTime() - h.clock.now().getTime()).toBe(60 * 60_000);

    const me = await h.request('/api/session', { headers: { authorization: `Bearer ${body.sessionToken}`, origin: SHOP_ORIGIN } });
    expect(me.status).toBe(200);
    expect(me.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);

    const signOutPreflight = await h.request('/auth/sign-out', {
      method: 'OPTIONS',
      headers: { origin: SHOP_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(signOutPreflight.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    const signOut = await h.request('/auth/sign-out', { method: 'POST', headers: { authorization: `Bearer ${body.sessionToken}`, origin: SHOP_ORIGIN } });
    expect(signOut.status).toBe(204);
    expect(signOut.headers.get('access-control-allow-origin')).toBe(SHOP_ORIGIN);
    expect((await h.request('/api/session', { headers: { authorization: `Bearer ${body.sessionToken}` } })).status).toBe(401);
  });

  it("sends links to the business's own page on another origin, the token in the fragment", async () => {
    const h = await createPortalHarness(database(), { settings: { portalPageUrl: `${SHOP_ORIGIN}/account` } });
    const draft = await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', lines: [{ description: 'Work', quantity: 1, unitPrice: 1000 }] });
    await h.scope.invoices.send(draft.id);
    const [email] = await h.deliver();
    const token = new RegExp(`${SHOP_ORIGIN}/account#portico-link=([A-Za-z0-9_-]{43})`).exec(email!.text)?.[1];
    expect(token).toBeDefined();
    expect(email!.html).toContain(`${SHOP_ORIGIN}/account#portico-link=${token}`);
    const signedIn = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(await signedIn.json()).toMatchObject({ invoiceId: draft.id, ticketId: null });
  });

  it('ignores a portal page on an origin the business has not allowed', async () => {
    const h = await createPortalHarness(database(), { settings: { portalPageUrl: 'https://evil.test/account' } });
    await h.request(`/auth/request-link/${h.business.slug}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: PORTAL_ORIGIN },
      body: JSON.stringify({ email: 'ann@globex.test' }),
    });
    const [email] = await h.deliver();
    expect(email!.text).not.toContain('evil.test');
    const signedIn = await redeem(h, linkPathIn(email!));
    expect(signedIn.headers.get('location')).toBe(`${PORTAL_ORIGIN}/portal/`);
  });

  it('refuses an origin the business has not allowed', async () => {
    const h = await createPortalHarness(database());
    const { linkPath } = await sendInvoiceAndOpenMail(h);
    const response = await h.request(`/auth/sessions/${h.business.slug}`, {
      method: 'POST',
      headers: { origin: 'https://evil.test', 'content-type': 'application/json' },
      body: JSON.stringify({ token: tokenOf(linkPath) }),
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await redeem(h, linkPath)).status).toBe(303);
  });
});
