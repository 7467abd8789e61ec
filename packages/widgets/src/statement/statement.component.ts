import { html, nothing, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { AgingBuckets, StatementCurrency, StatementResponse } from '@portico/wire';
import type { Strings } from '../i18n/index.js';
import { currencyName, formatDate, formatMoney } from '../shared/format.js';
import { PorticoElement } from '../shared/portico-element.js';
import type { ResourceState } from '../shared/resource-controller.js';
import { statementStyles } from './statement.styles.js';
import { PdfDownload } from '../invoice-preview/document-head.js';
import { periodIsValid, renderStatementDownload } from './statement-download.js';

const buckets: ReadonlyArray<{ key: keyof AgingBuckets; label: (s: Strings) => string; late: boolean }> = [
  { key: 'current', label: (s) => s.agingCurrent, late: false },
  { key: 'days1to30', label: (s) => s.aging1to30, late: true },
  { key: 'days31to60', label: (s) => s.aging31to60, late: true },
  { key: 'days61to90', label: (s) => s.aging61to90, late: true },
  { key: 'over90', label: (s) => s.agingOver90, late: true },
];

/**
 * The client's statement: for each currency billed, paid to date,
 * outstanding, overdue and the last payment, with a small bar chart of what
 * is owed by days past due (not yet due, 1-30, 31-60, 61-90, over 90). The
 * chart is a table: every bar has its amount in text beside it. Under it,
 * the statement of account as a PDF for a period the client picks (this
 * calendar year so far to start with): every invoice and payment with the
 * running balance, for their records or their accountant.
 *
 * @summary Paid, outstanding, overdue and aging per currency.
 *
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart statement - The outermost box.
 * @csspart heading - The "Statement" heading.
 * @csspart currency - One currency's card.
 * @csspart figures - The four figures of a currency.
 * @csspart figure - One figure; the overdue one also has `figure-overdue`.
 * @csspart aging - The aging chart (a table).
 * @csspart bar - Each bar; bars for days past due also have `bar-late`.
 * @csspart message - Loading, empty and error messages.
 * @csspart button - The "Try again" button and the statement-of-account download.
 * @csspart statement-pdf - The statement-of-account download: its period and link.
 * @csspart input - The period's two date fields (also `period-from`, `period-to`).
 * @csspart statement-pdf-link - The "Download statement (PDF)" link.
 *
 * @cssproperty --portico-chart-current - Bar colour of what is not yet due. Default: the accent.
 * @cssproperty --portico-chart-overdue - Bar colour of what is past due.
 * @cssproperty --portico-chart-track - Background of the bars' track.
 */
export class PorticoStatement extends PorticoElement {
  static override readonly tag = 'portico-statement';
  static override styles = statementStyles;
  static override properties = {
    _from: { state: true },
    _to: { state: true },
  };

  /** The period picked; null until the client picks one (then this calendar year so far, in the business's calendar). */
  private _from: string | null = null;
  private _to: string | null = null;

  readonly #statement = this.resource<StatementResponse>({
    load: (signal) => this.api.statement({ signal }),
    // A statement on screen stays there while a newer one loads.
    keep: () => true,
  });

  readonly #pdf = new PdfDownload(this, {
    mode: () => this.api.mode,
    fetch: () => this.api.downloadStatement(this.#period, { locale: this.language }),
    root: () => this.renderRoot,
    failed: (error) => (this.noticeError(error), this.errorText(error)),
  });

  /** The period the download is for: the one picked, else the business's calendar year so far. */
  get #period(): { from: string; to: string } {
    const today = this.statement?.asOf ?? '';
    return { from: this._from ?? `${today.slice(0, 4)}-01-01`, to: this._to ?? today };
  }

  /** The statement shown, once loaded. */
  get statement(): StatementResponse | null {
    const state = this.#statement.state;
    return state.kind === 'ready' ? state.value : null;
  }

  /** Loads the statement again (after a payment, say). */
  reload(): Promise<void> {
    return this.#statement.reload();
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const state = this.#statement.state;
    return html`<section part="statement" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="statement-heading" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
      <div class="top">
        <h2 id="statement-heading" part="heading">${strings.statementHeading}</h2>
        ${state.kind === 'ready' ? html`<span class="as-of muted">${strings.statementAsOf(formatDate(state.value.asOf, this.locale, 'long'))}</span>` : nothing}
      </div>
      ${this.#renderBody(state, strings)}
    </section>`;
  }

  #renderBody(state: ResourceState<StatementResponse>, strings: Strings): TemplateResult {
    switch (state.kind) {
      case 'loading':
        return html`<p part="message" class="message-plain muted" role="status">${strings.statementLoading}</p>`;
      case 'error':
        return html`<div part="message" class="message error" role="alert">
          <span>${this.errorText(state.error)}</span>
          <button part="button" type="button" @click=${() => void this.reload()}>${strings.retry}</button>
        </div>`;
      case 'ready':
        return state.value.currencies.length === 0
          ? html`<p part="message" class="message-plain muted">${strings.statementEmpty}</p>`
          : html`<div class="currencies">${state.value.currencies.map((currency) => this.#renderCurrency(currency, strings))}</div>
              ${this.#renderDownload(state.value.asOf)}`;
    }
  }

  #renderDownload(today: string): TemplateResult {
    const period = this.#period;
    return renderStatementDownload({
      ...this.viewContext,
      ...period,
      today,
      href: periodIsValid(period.from, period.to) ? this.api.statementPdfUrl(period, this.language) : '',
      pdf: this.#pdf,
      setFrom: (date) => ((this._from = date), this.#pdf.reset()),
      setTo: (date) => ((this._to = date), this.#pdf.reset()),
    });
  }

  #renderCurrency(figures: StatementCurrency, strings: Strings): TemplateResult {
    const locale = this.locale;
    const code = figures.currency;
    const m = (amount: number): string => formatMoney(amount, code, locale);
    const headingId = `currency-${code}`;
    const last = figures.lastPayment;
    return html`<article part="currency" class="currency" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${strings.statementCurrency(currencyName(code, locale), code)}</h3>
      <dl part="figures" class="figures">
        <div part="figure" class="figure">
          <dt>${strings.statementOutstanding}</dt>
          <dd class="amount">${m(figures.outstanding)}</dd>
        </div>
        <div part=${figures.overdue > 0 ? 'figure figure-overdue' : 'figure'} class="figure ${figures.overdue > 0 ? 'overdue' : ''}">
          <dt>${strings.statementOverdue}</dt>
          <dd class="amount">${m(figures.overdue)}</dd>
        </div>
        <div part="figure" class="figure">
          <dt>${strings.statementPaidToDate}</dt>
          <dd class="amount">${m(figures.paidToDate)}</dd>
        </div>
        <div part="figure" class="figure">
          <dt>${strings.statementLastPayment}</dt>
          ${last
            ? html`<dd class="amount">${m(last.amount)}</dd>
                <dd class="detail">
                  ${[strings.statementPaidOn(formatDate(last.receivedAt, locale, 'medium', this.timeZone)), last.invoiceNumber ? strings.statementForInvoice(this.isolate(last.invoiceNumber)) : '']
                    .filter(Boolean)
                    .join(' · ')}
                </dd>`
            : html`<dd class="none">${strings.statementNoPayments}</dd>`}
        </div>
      </dl>
      ${figures.outstanding > 0 ? this.#renderAging(figures, strings) : nothing}
    </article>`;
  }

  #renderAging(figures: StatementCurrency, strings: Strings): TemplateResult {
    const largest = Math.max(1, ...buckets.map((bucket) => figures.aging[bucket.key]));
    return html`<table part="aging" class="aging">
      <caption>${strings.agingHeading}<span class="visually-hidden"> (${strings.agingCaption(figures.currency)})</span></caption>
      <tbody>
        ${buckets.map((bucket) => {
          const amount = figures.aging[bucket.key];
          const share = amount / largest;
          return html`<tr class=${amount > 0 ? '' : 'empty'}>
            <th scope="row">${bucket.label(strings)}</th>
            <td class="track" aria-hidden="true">
              <span class="bar-track"
                ><span
                  part=${bucket.late ? 'bar bar-late' : 'bar'}
                  class="bar ${bucket.late ? 'late' : ''}"
                  style=${styleMap({ inlineSize: amount > 0 ? `max(3px, ${(share * 100).toFixed(2)}%)` : '0' })}
                ></span
              ></span>
            </td>
            <td class="amount">${formatMoney(amount, figures.currency, this.locale)}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}
