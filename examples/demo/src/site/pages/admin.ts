import { formatMoney, type Business, type Client, type InvoiceSummary } from '@portico/core';
import { html } from 'hono/html';
import { balancesByClient, currencyTotals } from '../dashboard.js';
import { formatDate } from '../format.js';
import { layout, PORTAL_LINK, type Html } from '../layout.js';

export interface AdminPageData {
  business: Business;
  /** The business's calendar date, which decides what is overdue. */
  today: string;
  invoices: InvoiceSummary[];
  clients: Client[];
  /** Tickets the studio has not read and inbound mail held for review (the badge). */
  support: { unread: number; held: number };
}

/** The studio's own dashboard: money per currency, every invoice, every client. */
export function adminPage({ business, today, invoices, clients, support }: AdminPageData): Html {
  const locale = business.locale;
  const money = (amount: number, currency: string) => formatMoney({ amount, currency }, locale);
  const owed = balancesByClient(invoices, clients);
  const invoiceCounts = new Map<string, number>();
  for (const invoice of invoices) invoiceCounts.set(invoice.clientId, (invoiceCounts.get(invoice.clientId) ?? 0) + 1);

  return layout({
    title: 'Studio dashboard',
    path: '/admin',
    body: html`
      <section class="section">
        <div class="wrap">
          <div class="admin-head">
            <div>
              <p class="eyebrow">Studio dashboard</p>
              <h1>${business.name}</h1>
              <p>Today is ${formatDate(today)} (${business.timeZone}) · ${invoices.length} invoices · ${clients.length} clients</p>
            </div>
            <p class="portal-note">
              Clients see their side at <a href="${PORTAL_LINK}">${PORTAL_LINK}</a> (Portico mounted at <code>/portal</code>).
              Mail goes to the <a href="/mailbox">development mailbox</a>.
              <a href="#support">Support inbox <span class="count-badge" id="support-badge" aria-label="unread">${support.unread + support.held}</span></a>
            </p>
          </div>

          <h2 id="money">Money</h2>
          <div class="totals" aria-label="Totals per currency">
            ${currencyTotals(invoices).map(
              (t) => html`<div class="totals-row">
                <div class="currency">${t.currency}</div>
                <div class="stat"><span>Invoiced</span><strong>${money(t.invoiced, t.currency)}</strong></div>
                <div class="stat is-paid"><span>Paid</span><strong>${money(t.paid, t.currency)}</strong></div>
                <div class="stat"><span>Outstanding</span><strong>${money(t.outstanding, t.currency)}</strong></div>
                <div class="stat is-overdue"><span>Overdue</span><strong>${money(t.overdue, t.currency)}</strong></div>
              </div>`,
            )}
          </div>

          <p class="portal-note" id="invoices">Portico's <code>&lt;portico-admin-invoices&gt;</code> widget, on Portico's admin API: sort, filter, and press Send.</p>
          <script type="module" src="/portal/admin-widgets.js"></script>
          <portico-admin-invoices class="studio-widget" server="/portal"></portico-admin-invoices>

          <h2 id="estimates">Estimates</h2>
          <p class="portal-note">
            Portico's <code>&lt;portico-admin-estimates&gt;</code>: send a draft, void one, or make an invoice of one the client agreed to by phone.
            An estimate the client accepts in the portal becomes a draft invoice in the list above.
          </p>
          <portico-admin-estimates class="studio-widget" server="/portal"></portico-admin-estimates>

          <h2 id="support">Support</h2>
          <p class="portal-note">
            Portico's <code>&lt;portico-admin-inbox&gt;</code>: clients' tickets from the portal and their email replies, threaded.
            The badge beside "Support inbox" above follows the widget's <code>portico-inbox-unread</code> event.
          </p>
          <portico-admin-inbox class="studio-widget" server="/portal"></portico-admin-inbox>
          <script type="module">
            const badge = document.getElementById('support-badge');
            document.querySelector('portico-admin-inbox').addEventListener('portico-inbox-unread', (event) => {
              badge.textContent = String(event.detail.unread + event.detail.held);
            });
          </script>

          <h2 id="clients">Clients</h2>
          <div class="clients">
            ${clients.map((client) => {
              const balances = owed.get(client.id) ?? [];
              const count = invoiceCounts.get(client.id) ?? 0;
              return html`<article class="card client-card">
                <h3>${client.name}</h3>
                <p class="meta">${count} ${count === 1 ? 'invoice' : 'invoices'}${client.notes ? ` · ${client.notes}` : ''}</p>
                <ul aria-label="Contacts">
                  ${client.contacts.map(
                    (contact) => html`<li>
                      <span class="name">${contact.name}${contact.isPrimary ? html` <span class="primary">primary</span>` : ''}</span>
                      <a href="mailto:${contact.email}">${contact.email}</a>
                    </li>`,
                  )}
                </ul>
                <p class="owes">
                  ${balances.length === 0
                    ? 'Nothing outstanding.'
                    : html`Owes ${balances.map((b, i) => html`${i > 0 ? ' and ' : ''}<strong>${money(b.amount, b.currency)}</strong>`)}`}
                </p>
              </article>`;
            })}
          </div>
        </div>
      </section>`,
  });
}
