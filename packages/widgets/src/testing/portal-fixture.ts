import { fixture } from '@open-wc/testing';
import type { PorticoPortal } from '../portal/portal.component.js';
import '../portal/portal.js';
import { serveInvoiceList } from './fake-billing.js';
import { invoiceDetailFixture, invoiceFixture, statementFixture, type FakeServer } from './fake-server.js';
import { waitUntil } from './wait-until.js';

/** The client's billing routes as the Invoices tab uses them: 40 invoices, a statement, each invoice's detail. */
export function serveBilling(fake: FakeServer): void {
  const invoices = Array.from({ length: 40 }, (_, i) => invoiceFixture(i + 1));
  serveInvoiceList(fake, '/api/invoices', () => invoices);
  fake.on('GET', '/api/statement', { status: 200, body: statementFixture() });
  for (const invoice of invoices) {
    fake.on('GET', `/api/invoices/${invoice.id}`, { status: 200, body: invoiceDetailFixture({ ...invoice }) });
  }
}

/** A `<portico-portal>` for Harbor & Pine on `/portal`, with these extra attributes. */
export function mountPortal(attributes: Record<string, string> = {}): Promise<PorticoPortal> {
  const el = document.createElement('portico-portal') as PorticoPortal;
  for (const [name, value] of Object.entries({ server: '/portal', business: 'harbor-pine', lang: 'en', ...attributes })) el.setAttribute(name, value);
  return fixture<PorticoPortal>(el);
}

/** The first element matching `selector` in the portal's shadow root, once it is there and rendered. */
export async function portalPart<T extends Element = HTMLElement>(el: PorticoPortal, selector: string): Promise<T> {
  await waitUntil(() => el.shadowRoot!.querySelector(selector), `no ${selector} in the portal`);
  await el.updateComplete;
  return el.shadowRoot!.querySelector<T>(selector)!;
}

/**
 * Puts the page's URL back after each test of the file: the portal writes
 * where the client is into it (`?portico=…`), and the next test's portal
 * would otherwise open there.
 */
export function restorePageUrlAfterEach(): string {
  const original = location.href;
  afterEach(() => history.replaceState(history.state, '', original));
  return original;
}
