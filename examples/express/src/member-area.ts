import { randomBytes } from 'node:crypto';
import type { PorticoApi } from '@portico/core';
import express, { type Request, type Router } from 'express';
import { accountPage, escapeHtml } from './account-page.js';

export interface MemberAreaOptions {
  api: PorticoApi;
  business: { id: string; slug: string; name: string };
  portalPath: string;
}

const MEMBER_COOKIE = 'member';

/**
 * The site's own member area, for a host whose users already sign in to it:
 * `/members/sign-in` stands for the host's existing login (here, a toy form
 * that takes a contact's email), and `/members` puts the portal on the page
 * with a fresh sign-in grant for that user, so they are in with no email.
 * The grant is made for each page view: it works once and for two minutes.
 */
export function memberArea({ api, business, portalPath }: MemberAreaOptions): Router {
  /** The host's own sessions: its session id, and the Portico contact its user is. */
  const members = new Map<string, string>();
  const scope = api.business(business.id);
  const router = express.Router();

  router.get('/members/sign-in', (_req, res) => {
    res.type('html').send(signInPage(business.name, null));
  });

  router.post('/members/sign-in', express.urlencoded({ extended: false, limit: '4kb' }), async (req, res) => {
    const email = typeof req.body?.email === 'string' ? req.body.email.trim() : '';
    const [contact] = email ? await scope.contacts.findByEmail(email) : [];
    if (!contact) {
      res.status(403).type('html').send(signInPage(business.name, 'No member has that address.'));
      return;
    }
    const id = randomBytes(24).toString('base64url');
    members.set(id, contact.id);
    res.cookie(MEMBER_COOKIE, id, { httpOnly: true, sameSite: 'lax', path: '/members' });
    res.redirect(303, '/members');
  });

  router.get('/members', async (req, res) => {
    const contactId = members.get(memberCookie(req) ?? '');
    if (!contactId) {
      res.redirect(303, '/members/sign-in');
      return;
    }
    const { grant } = await scope.clients.signInGrant(contactId);
    res.set('Cache-Control', 'no-store');
    res.type('html').send(accountPage({ portalPath, business: business.slug, businessName: business.name, grant }));
  });

  return router;
}

function memberCookie(req: Request): string | undefined {
  const pair = (req.headers.cookie ?? '').split(';').find((part) => part.trim().startsWith(`${MEMBER_COOKIE}=`));
  return pair?.trim().slice(MEMBER_COOKIE.length + 1);
}

function signInPage(businessName: string, error: string | null): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Members · ${escapeHtml(businessName)}</title></head>
  <body>
    <main>
      <h1>Sign in to ${escapeHtml(businessName)}</h1>
      ${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
      <form method="post" action="/members/sign-in">
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="email" required>
        <button type="submit">Sign in</button>
      </form>
    </main>
  </body>
</html>
`;
}
