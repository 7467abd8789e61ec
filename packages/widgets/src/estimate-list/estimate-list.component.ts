import { html, nothing, type TemplateResult } from 'lit';
import type { EstimateListItem } from '@portico/wire';
import { PorticoEstimateElement } from '../estimates/estimate-element.js';
import { downloadIcon, renderZipDownload, saveZip, ZipDownload, type ZipListHost } from '../invoice-list/zip-download.js';
import { emit } from '../shared/events.js';
import { renderEstimateRows } from './estimate-rows.js';
import { EstimateSort } from './estimate-sort.js';
import { estimateListStyles } from './estimate-list.styles.js';

/** Detail of `portico-estimate-open`. */
export interface PorticoEstimateOpenDetail {
  id: string;
  estimate: EstimateListItem;
}

/**
 * The client's estimates as a table: number, status (sent, expired,
 * accepted, declined, invoiced), issue date, valid until and total,
 * sortable by its column headers. Rows can be selected and downloaded as one
 * ZIP of PDFs, with a progress bar while it streams. Opening a row emits
 * `portico-estimate-open`; inside `<portico-portal>` that shows the
 * preview. Narrower than about 46rem the rows become cards. With no
 * estimates yet it says where they will appear.
 *
 * @summary The client's estimates: sort, select and download as ZIP.
 *
 * @event portico-estimate-open - A row was opened (click, or Enter on its number). `detail: { id, estimate }`.
 * @event portico-download-complete - A ZIP finished downloading; cancel it to skip the automatic save. `detail: { blob, filename, bytes, pdfs, url }`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart list - The outermost box.
 * @csspart heading - The "Estimates" heading.
 * @csspart table - The table (cards when narrow).
 * @csspart sort-button - The button in each column header.
 * @csspart row - Each estimate row; selected ones also have `row-selected`.
 * @csspart open-button - The estimate number, which opens the estimate.
 * @csspart status - Each status badge, with `status-sent`, `status-expired`, `status-accepted`, `status-declined`, `status-converted` or `status-void`.
 * @csspart checkbox - The row and "select all" checkboxes.
 * @csspart button - Every button; "Download selected" also has `download-button`.
 * @csspart download - The download progress box.
 * @csspart progress - The progress bar.
 * @csspart save-link - The "Save estimates.zip" link when the download is ready.
 * @csspart message - Errors and the empty state.
 *
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-paid - Colour of the Accepted and Invoiced badges.
 * @cssproperty --portico-status-overdue - Colour of the Declined badge.
 * @cssproperty --portico-status-draft - Colour of the Expired badge.
 * @cssproperty --portico-status-void - Colour of the Void badge.
 */
export class PorticoEstimateList extends PorticoEstimateElement {
  static override readonly tag = 'portico-estimate-list';
  static override styles = estimateListStyles;

  static override properties = {
    _selected: { state: true },
    _announcement: { state: true },
  };

  private _selected: ReadonlySet<string> = new Set();
  private _announcement: string = '';

  readonly #estimates = this.resource<EstimateListItem[]>({
    load: (signal) => this.api.listEstimates({ signal }).then((answer) => answer.estimates),
    keep: () => true,
  });
  readonly #sort = new EstimateSort(this);
  /** The ZIP being downloaded, or the last one (the invoice list's). */
  readonly #zip = new ZipDownload(this);

  /** The estimates on screen (empty while loading). */
  get estimates(): readonly EstimateListItem[] {
    return this.#estimates.value ?? [];
  }

  /** The estimate ids selected. */
  get selectedIds(): string[] {
    return [...this._selected];
  }

  /** Loads the list again, quietly (what is on screen stays meanwhile); the selection keeps the ids still there. */
  async refresh(): Promise<void> {
    await this.#estimates.reload({ quiet: true });
    const ids = new Set(this.estimates.map((estimate) => estimate.id));
    this._selected = new Set([...this._selected].filter((id) => ids.has(id)));
  }

  /** Moves focus to an estimate's row (its number), e.g. when coming back from the preview. */
  async focusEstimate(id: string): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`tr[data-id="${CSS.escape(id)}"] .open`)?.focus();
  }

  #toggleRow(id: string, checked: boolean): void {
    const next = new Set(this._selected);
    if (checked) next.add(id);
    else next.delete(id);
    this._selected = next;
  }

  #toggleAll(checked: boolean): void {
    const items = this.estimates;
    this._selected = checked ? new Set(items.map((item) => item.id)) : new Set();
    this._announcement = checked ? this.strings.allEstimatesSelected(items.length) : '';
  }

  #downloadSelected(): Promise<void> {
    const ids = this.selectedIds;
    const host: ZipListHost = {
      element: this,
      strings: this.strings,
      focusAfterUpdate: (selector) => this.focusAfterUpdate(selector),
      noticeError: (error) => this.noticeError(error),
      errorText: (error) => this.errorText(error),
      announce: (text) => (this._announcement = text),
    };
    return saveZip(
      host,
      this.#zip,
      ids.length,
      (onProgress, signal) => this.api.downloadEstimatesZip(ids, onProgress, { signal, locale: this.language }),
      (pdfs) => this.strings.estimateDownloadReady(pdfs),
    );
  }

  #open(estimate: EstimateListItem): void {
    emit<PorticoEstimateOpenDetail>(this, 'portico-estimate-open', { id: estimate.id, estimate });
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const state = this.#estimates.state;
    const items = this.estimates;
    const selected = items.filter((item) => this._selected.has(item.id)).length;
    // The download box speaks of estimates, not invoices.
    const zipStrings = { ...strings, downloadProgress: strings.estimateDownloadProgress, downloadReady: strings.estimateDownloadReady, downloadingLabel: strings.estimateDownloadingLabel };
    return html`
      <section part="list" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
        <div class="top">
          <h2 id="heading" part="heading">${strings.estimatesHeading}</h2>
          <div class="downloads">
            ${items.length > 0
              ? html`<button part="button download-button" type="button" ?disabled=${this.#zip.running || selected === 0} @click=${() => void this.#downloadSelected()}>
                  ${downloadIcon}${strings.downloadSelected(selected)}
                </button>`
              : nothing}
          </div>
        </div>
        ${renderZipDownload(this.#zip.state, zipStrings, this.locale, (text) => this.isolate(text))}
        ${items.length > 0
          ? renderEstimateRows({
              ...this.viewContext,
              items,
              sort: this.#sort,
              allSelected: selected === items.length,
              someSelected: selected > 0,
              isSelected: (id) => this._selected.has(id),
              toggleAll: (checked) => this.#toggleAll(checked),
              toggleRow: (id, checked) => this.#toggleRow(id, checked),
              open: (estimate) => this.#open(estimate),
            })
          : nothing}
        ${this.#renderState()}
        <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }

  #renderState(): TemplateResult | typeof nothing {
    const strings = this.strings;
    const state = this.#estimates.state;
    if (state.kind === 'error') {
      return html`<div part="message" class="message error state" role="alert">
        <span>${this.errorText(state.error)}</span>
        <button part="button retry" type="button" @click=${() => void this.#estimates.reload()}>${strings.retry}</button>
      </div>`;
    }
    if (state.kind === 'loading' || !this.canLoad) return html`<p class="state muted" role="status">${strings.estimatesLoading}</p>`;
    if (state.value.length === 0) return html`<p part="message" class="state muted empty" role="status">${strings.noEstimates}</p>`;
    return nothing;
  }
}
