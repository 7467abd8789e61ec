import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AdminInvoiceListItem } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import { InvoiceQueryController } from '../shared/invoice-query.js';
import {
  date,
  invoiceNumber,
  money,
  renderFilterBar,
  renderListFooter,
  renderListState,
  renderSortHeader,
  renderStatusBadge,
} from '../shared/invoice-table.js';
import { Poller } from '../shared/poller.js';
import { PorticoElement } from '../shared/portico-element.js';
import { adminInvoicesStyles } from './admin-invoices.styles.js';

/** Detail of `portico-invoice-sent`. */
export interface PorticoInvoiceSentDetail {
  invoice: AdminInvoiceListItem;
  emailsQueued: number;
}

type RowState = { kind: 'sending' } | { kind: 'sent'; emails: number } | { kind: 'failed'; message: string };

/**
 * The business's invoices, for its own admin pages: client, status, dates,
 * amounts, sortable and filterable like the client's list (the same table
 * and filter pieces), with a Send button on each draft and Send again on
 * each open invoice. Requests go to `<server>/admin/*` with the host app's
 * own cookies; the host's `authorizeAdmin` decides who may.
 *
 * While the page is visible it fetches the rows on screen again every
 * `poll-interval` ms (10 s by default), quietly, so an invoice a client pays
 * shows as paid without a reload. Short polling, not a push channel: it
 * works behind any host and any number of server processes, and keeps
 * nothing open.
 *
 * @summary The business's invoices with Send / Send again.
 *
 * @event portico-invoice-sent - An invoice was sent (or sent again). `detail: { invoice, emailsQueued }`.
 * @event portico-auth-required - A request answered 401: the host app's admin session is missing. `detail: { error }`.
 *
 * @csspart list - The outermost box.
 * @csspart heading - The heading.
 * @csspart filters - The filter bar (status chips, dates, search).
 * @csspart chip - Each status filter chip; the pressed ones also have `chip-selected`.
 * @csspart input - The date and search inputs; the search box also has `search`.
 * @csspart table - The table (cards when narrow).
 * @csspart sort-button - The button in each sortable column header.
 * @csspart row - Each invoice row.
 * @csspart status - Each status badge, with `status-draft`, `status-sent`, `status-overdue`, `status-paid` or `status-void`.
 * @csspart button - Every button; Send buttons also have `send-button`, "Load more" `load-more`.
 * @csspart send-result - "Sent to 2 contacts" (or the error) beside a Send button.
 * @csspart footer - "Showing 25 of 80" and "Load more".
 * @csspart message - Errors.
 *
 * @cssproperty --portico-accent - Accent colour (pressed chips, Send buttons).
 * @cssproperty --portico-on-accent - Text on the accent colour.
 * @cssproperty --portico-background - Background behind the table and inputs.
 * @cssproperty --portico-surface - Background of the table, cards and buttons.
 * @cssproperty --portico-text - Main text colour.
 * @cssproperty --portico-muted - Secondary text colour.
 * @cssproperty --portico-border - Border colour.
 * @cssproperty --portico-danger - Errors.
 * @cssproperty --portico-success - "Sent" confirmations.
 * @cssproperty --portico-focus-ring - Focus outline colour.
 * @cssproperty --portico-status-draft - Colour of the Draft badge.
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-partially-paid - Colour of the Partially paid badge. Default: the Sent colour.
 * @cssproperty --portico-status-overdue - Colour of the Overdue badge.
 * @cssproperty --portico-status-paid - Colour of the Paid badge.
 * @cssproperty --portico-status-void - Colour of the Void badge.
 * @cssproperty --portico-font-family - Font family.
 * @cssproperty --portico-heading-font-family - Font family of the heading.
 * @cssproperty --portico-font-size - Base font size.
 * @cssproperty --portico-radius - Corner radius.
 * @cssproperty --portico-spacing - Base spacing unit.
 */
export class PorticoAdminInvoices extends PorticoElement {
  static override styles = adminInvoicesStyles;

  static override properties = {
    clientId: { type: String, attribute: 'client-id' },
    pageSize: { type: Number, attribute: 'page-size' },
    searchDelay: { type: Number, attribute: 'search-delay' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _rows: { state: true },
    _announcement: { state: true },
  };

  /** Only this client's invoices, when set. */
  declare clientId: string | null;
  /** Invoices per page (1-100). */
  declare pageSize: number;
  /** Milliseconds the search waits after the last keystroke. */
  declare searchDelay: number;
  /** Milliseconds between quiet refreshes of the rows on screen while the page is visible; 0 turns them off. */
  declare pollInterval: number;
  declare private _rows: ReadonlyMap<string, RowState>;
  declare private _announcement: string;

  readonly #query = new InvoiceQueryController<AdminInvoiceListItem>(this, {
    fetchPage: (query, signal) => this.api.adminListInvoices(this.clientId ? { ...query, clientId: this.clientId } : query, { signal }),
    onError: (error) => this.noticeError(error),
  });
  #loadedFor: unknown = undefined;
  #signedOut = false;

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    // A steady rhythm while all is well; failures slow it down (up to a minute).
    backoff: 1,
    maxInterval: 60_000,
    poll: async () => {
      try {
        return await this.#query.refresh();
      } catch (error) {
        this.noticeError(error);
        // Signed out of the host app: nothing to poll until the page loads again.
        if (error instanceof PorticoApiError && (error.status === 401 || error.status === 403)) {
          this.#signedOut = true;
          this.#poller.stop();
        }
        throw error;
      }
    },
  });

  constructor() {
    super();
    this.clientId = null;
    this.pageSize = 25;
    this.searchDelay = 300;
    this.pollInterval = 10_000;
    this._rows = new Map();
    this._announcement = '';
  }

  /** Loads the first page again (filters and sort kept). */
  reload(): Promise<void> {
    return this.#query.reload();
  }

  /** Sends an invoice (or sends it again), then shows the updated row. */
  async send(invoice: AdminInvoiceListItem): Promise<void> {
    if (this._rows.get(invoice.id)?.kind === 'sending') return;
    const strings = this.strings;
    this.#setRow(invoice.id, { kind: 'sending' });
    try {
      const result = await this.api.adminSendInvoice(invoice.id);
      this.#query.replace(result.invoice);
      this.#setRow(invoice.id, { kind: 'sent', emails: result.emailsQueued });
      this._announcement = strings.invoiceSent(this.isolate(invoiceNumber(result.invoice, strings)), result.emailsQueued);
      this.dispatchEvent(
        new CustomEvent<PorticoInvoiceSentDetail>('portico-invoice-sent', { detail: { invoice: result.invoice, emailsQueued: result.emailsQueued }, bubbles: true, composed: true }),
      );
    } catch (error) {
      this.noticeError(error);
      const message = this.errorText(error);
      this.#setRow(invoice.id, { kind: 'failed', message });
      this._announcement = message;
    }
  }

  #setRow(id: string, state: RowState): void {
    const next = new Map(this._rows);
    next.set(id, state);
    this._rows = next;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.#query.pageSize = Math.min(100, Math.max(1, Math.trunc(this.pageSize) || 25));
    this.#query.searchDelay = this.searchDelay;
    const target = [this.client ?? this.server, this.clientId];
    const last = this.#loadedFor as unknown[] | undefined;
    if (this.canLoad && (!last || last[0] !== target[0] || last[1] !== target[1] || changed.has('pageSize'))) {
      this.#loadedFor = target;
      this.#signedOut = false;
      void this.#query.reload();
    }
    if (changed.has('pollInterval')) this.#poller.stop();
    if (this.canLoad && this.pollInterval > 0 && !this.#signedOut) this.#poller.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#loadedFor = undefined;
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const query = this.#query;
    const items = query.items;
    const locale = this.locale;
    return html`
      <section part="list" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${query.loading === 'first' ? 'true' : 'false'}>
        <div class="top">
          <h2 id="heading" part="heading">${strings.adminInvoicesLabel}</h2>
        </div>
        ${renderFilterBar(query, strings, { id: 'admin' })}
        ${items.length > 0
          ? html`<div class="table-wrap">
              <table part="table" aria-labelledby="heading">
                <thead>
                  <tr>
                    ${renderSortHeader(query, 'number', strings.columnNumber)}
                    <th scope="col" class="client">${strings.columnClient}</th>
                    ${renderSortHeader(query, 'status', strings.columnStatus)} ${renderSortHeader(query, 'issueDate', strings.columnIssueDate)}
                    ${renderSortHeader(query, 'dueDate', strings.columnDueDate)} ${renderSortHeader(query, 'amount', strings.columnAmount, 'money')}
                    <th scope="col" class="money">${strings.columnBalance}</th>
                    <th scope="col" class="action"><span class="visually-hidden">${strings.columnActions}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${items.map((invoice) => this.#renderRow(invoice, locale))}
                </tbody>
              </table>
            </div>`
          : nothing}
        ${renderListState(query, strings, (error) => this.errorText(error))} ${renderListFooter(query, strings, () => void query.loadMore())}
        <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }

  #renderRow(invoice: AdminInvoiceListItem, locale: string): TemplateResult {
    const strings = this.strings;
    const number = invoiceNumber(invoice, strings);
    const row = this._rows.get(invoice.id);
    const canSend = invoice.displayStatus === 'draft' || invoice.displayStatus === 'sent' || invoice.displayStatus === 'overdue';
    const again = invoice.displayStatus !== 'draft';
    const sending = row?.kind === 'sending';
    return html`<tr part="row" data-id=${invoice.id}>
      <th scope="row" class="number ${invoice.number ? '' : 'unnumbered'}">${number}</th>
      <td class="client" data-label=${strings.columnClient}>${invoice.clientName}</td>
      <td class="status-cell">${renderStatusBadge(invoice.displayStatus, strings)}</td>
      <td class="date issued" data-label=${strings.columnIssueDate}>${date(invoice.issueDate, locale)}</td>
      <td class="date due" data-label=${strings.columnDueDate}>${date(invoice.dueDate, locale)}</td>
      <td class="money amount" data-label=${strings.columnAmount}>${money(invoice.total, invoice.currency, locale)}</td>
      <td class="money balance" data-label=${strings.columnBalance}>${money(invoice.balance, invoice.currency, locale)}</td>
      <td class="action">
        <div class="action-box">
          ${canSend
            ? html`<button
                part="button send-button"
                class=${again ? '' : 'primary'}
                type="button"
                aria-label=${sending ? strings.sending : again ? strings.sendAgainLabel(this.isolate(number)) : strings.sendInvoiceLabel(this.isolate(number))}
                aria-disabled=${sending ? 'true' : 'false'}
                @click=${() => void this.send(invoice)}
              >
                ${sending ? strings.sending : again ? strings.sendAgain : strings.send}
              </button>`
            : nothing}
          ${row?.kind === 'sent' ? html`<span part="send-result" class="sent">${checkIcon}${strings.sentToContacts(row.emails)}</span>` : nothing}
          ${row?.kind === 'failed' ? html`<span part="send-result" class="failed">${row.message}</span>` : nothing}
        </div>
      </td>
    </tr>`;
  }
}

const checkIcon = html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
  <path d="m3 8.5 3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;
