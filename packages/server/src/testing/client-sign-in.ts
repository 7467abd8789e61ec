import type { BusinessApi, InvoiceInput } from '@portico/core';
import { PORTAL_ORIGIN, linkPathIn, sessionCookieFrom, type PortalHarness } from './portal-harness.js';

/** An issued invoice of one untaxed line: its total is `amount`. */
export async function issuedInvoice(scope: BusinessApi, clientId: string, amount: number, overrides: Partial<InvoiceInput> = {}) {
  const draft = await scope.invoices.create({
    clientId,
    currency: 'EUR',
    issueDate: '2026-03-01',
    dueDate: '2026-03-31',
    lines: [{ description: 'Consulting', quantity: 1, unitPrice: amount }],
    ...overrides,
  });
  return scope.invoices.issue(draft.id);
}

/**
 * Signs in as a contact of `clientId` the way a client does: the business
 * sends an invoice, the email's link is POSTed from the portal page, the
 * session cookie comes back. Returns a GET and a JSON POST for `/api/*` as
 * that client (the POST from the portal's own origin).
 */
export async function signInAs(h: PortalHarness, clientId: string, email: string) {
  const invoice = await issuedInvoice(h.scope, clientId, 1_00, { notes: 'Sign-in invoice' });
  await h.scope.invoices.send(invoice.id);
  const mail = (await h.deliver()).find((m) => m.to === email);
  if (!mail) throw new Error(`no email to ${email}`);
  const signedIn = await h.request(linkPathIn(mail), { method: 'POST', headers: { origin: PORTAL_ORIGIN } });
  const cookie = sessionCookieFrom(signedIn);
  /** A state-changing request from the portal's own origin; a body goes as JSON unless it is text or bytes (bad input included). */
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    h.request(`/api${path}`, {
      method,
      headers: { cookie, origin: PORTAL_ORIGIN, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body) }),
    });
  return {
    signInInvoice: invoice,
    get: (path: string, headers: Record<string, string> = {}) => h.request(`/api${path}`, { headers: { cookie, ...headers } }),
    post: (path: string, body: unknown, headers: Record<string, string> = {}) => send('POST', path, body, headers),
    send,
    /** A `multipart/form-data` POST (a message with files), from the portal's own origin. */
    postForm: (path: string, form: FormData) => h.request(`/api${path}`, { method: 'POST', headers: { cookie, origin: PORTAL_ORIGIN }, body: form }),
  };
}
