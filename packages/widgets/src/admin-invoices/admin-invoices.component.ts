import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AdminInvoiceListItem } from '@portico/wire';
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
import { signedInPoller } from '../admin/signed-in-poller.js';
import { PorticoAdminElement } from '../admin/admin-element.js';
import { adminInvoicesStyles } from './admin-invoices.styles.js';
import { emit } from '../shared/events.js';
import { checkIcon } from '../admin/row-actions.js';

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
 * @csspart range-shown - The chosen issue dates written out in the page's language (the date inputs speak the browser's).
 * @csspart table - The table (cards when narrow).
 * @csspart sort-button - The button in each sortable column header.
 * @csspart row - Each invoice row.
 * @csspart status - Each status badge, with `status-draft`, `status-sent`, `status-partially_paid`, `status-overdue`, `status-paid` or `status-void`.
 * @csspart button - Every button; Send buttons also have `send-button`, "Load more" `load-more`.
 * @csspart send-result - "Sent to 2 contacts" (or the error) beside a Send button.
 * @csspart footer - "Showing 25 of 80" and "Load more".
 * @csspart message - Errors.
 *
 * @cssproperty --portico-status-draft - Colour of the Draft badge.
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-partially-paid - Colour of the Partially paid badge. Default: the Sent colour.
 * @cssproperty --portico-status-overdue - Colour of the Overdue badge.
 * @cssproperty --portico-status-paid - Colour of the Paid badge.
 * @cssproperty --portico-status-void - Colour of the Void badge.
 */
export class PorticoAdminInvoices extends PorticoAdminElement {
  static override readonly tag = 'portico-admin-invoices';
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
  clientId: string | null = null;
  /** Invoices per page (1-100). */
  pageSize: number = 25;
  /** Milliseconds the search waits after the last keystroke. */
  searchDelay: number = 300;
  /** Milliseconds between quiet refreshes of the rows on screen while the page is visible; 0 turns them off. */
  pollInterval: number = 10_000;
  private _rows: ReadonlyMap<string, RowState> = new Map();
  private _announcement: string = '';

  readonly #query = new InvoiceQueryController<AdminInvoiceListItem>(this, {
    fetchPage: (query, signal) => this.api.adminListInvoices(this.clientId ? { ...query, clientId: this.clientId } : query, { signal }),
    onError: (error) => this.noticeError(error),
  });
  /** The rows follow the API client and `client-id`: a new one loads the first page again (the query controller holds the rows). */
  readonly #rowsFor = this.resource<void>({
    key: () => [this.clientId],
    load: () => this.#query.reload(),
    onStart: () => (this.#signedOut = false),
  });
  #signedOut = false;

  readonly #poller = signedInPoller(this, {
    interval: () => this.pollInterval,
    refresh: () => this.#query.refresh(),
    onError: (error) => this.noticeError(error),
    onSignedOut: () => (this.#signedOut = true),
  });

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
      emit<PorticoInvoiceSentDetail>(this, 'portico-invoice-sent', { invoice: result.invoice, emailsQueued: result.emailsQueued });
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
    if (!this.#rowsFor.sync() && changed.has('pageSize')) void this.#rowsFor.reload();
    if (changed.has('pollInterval')) this.#poller.stop();
    if (this.canLoad && this.pollInterval > 0 && !this.#signedOut) this.#poller.start();
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
        ${renderFilterBar(query, strings, { id: 'admin', locale })}
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
