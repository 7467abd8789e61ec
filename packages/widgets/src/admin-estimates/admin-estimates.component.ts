import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AdminEstimateListItem, AdminEstimateListResponse } from '@portico/wire';
import { PorticoAdminElement } from '../admin/admin-element.js';
import { emit } from '../shared/events.js';
import { signedInPoller } from '../admin/signed-in-poller.js';
import { adminEstimatesStyles } from './admin-estimates.styles.js';
import { renderEstimateRow, type EstimateAction, type EstimateRowState } from './estimate-row.js';

/** Detail of `portico-estimate-sent`. */
export interface PorticoEstimateSentDetail {
  estimate: AdminEstimateListItem;
  emailsQueued: number;
}

/** Detail of `portico-estimate-voided` and `portico-estimate-converted` (with the new invoice's id and number). */
export interface PorticoEstimateChangedDetail {
  estimate: AdminEstimateListItem;
  invoice?: { id: string; number: string | null };
}

/**
 * The business's estimates, for its own admin pages: number, client, status,
 * valid-until date, total, and the number of the invoice each became, with
 * Send on drafts, Void (in two steps: it is final) on drafts and sent ones,
 * Make invoice on sent ones (the client agreed some other way), and each
 * one's PDF. Requests go to `<server>/admin/*` with the host app's own
 * cookies; the host's `authorizeAdmin` decides who may.
 *
 * While the page is visible it fetches the list again every `poll-interval`
 * ms (10 s by default), quietly, so an estimate the client accepts shows as
 * accepted, with its invoice, without a reload.
 *
 * @summary The business's estimates with Send, Void and Make invoice.
 *
 * @event portico-estimate-sent - A draft was sent. `detail: { estimate, emailsQueued }`.
 * @event portico-estimate-voided - An estimate was voided. `detail: { estimate }`.
 * @event portico-estimate-converted - A sent estimate was made an invoice. `detail: { estimate, invoice: { id, number } }`.
 * @event portico-auth-required - A request answered 401: the host app's admin session is missing. `detail: { error }`.
 *
 * @csspart list - The outermost box.
 * @csspart heading - The heading.
 * @csspart table - The table (cards when narrow).
 * @csspart row - Each estimate row.
 * @csspart status - Each status badge, with `status-draft`, `status-sent`, `status-expired`, `status-accepted`, `status-declined`, `status-converted` or `status-void`.
 * @csspart invoice - The number of the invoice an estimate became.
 * @csspart pdf-link - Each estimate's PDF link.
 * @csspart button - Every button; also `send-button`, `void-button`, `confirm-void-button`, `keep-button`, `convert-button`.
 * @csspart send-result - What an action answered ("Sent to 2 contacts", or the error) beside the buttons.
 * @csspart message - Errors.
 *
 * @cssproperty --portico-status-draft - Colour of the Draft and Void badges.
 * @cssproperty --portico-status-sent - Colour of the Sent badge.
 * @cssproperty --portico-status-overdue - Colour of the Expired and Declined badges.
 * @cssproperty --portico-status-paid - Colour of the Accepted and Invoiced badges.
 */
export class PorticoAdminEstimates extends PorticoAdminElement {
  static override readonly tag = 'portico-admin-estimates';
  static override styles = adminEstimatesStyles;

  static override properties = {
    clientId: { type: String, attribute: 'client-id' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _rows: { state: true },
    _announcement: { state: true },
  };

  /** Only this client's estimates, when set. */
  clientId: string | null = null;
  /** Milliseconds between quiet refreshes while the page is visible; 0 turns them off. */
  pollInterval: number = 10_000;
  private _rows: ReadonlyMap<string, EstimateRowState> = new Map();
  private _announcement: string = '';

  readonly #list = this.resource<AdminEstimateListResponse>({
    key: () => [this.clientId],
    load: (signal) => this.api.adminListEstimates(this.clientId ? { clientId: this.clientId } : {}, { signal }),
    onStart: () => (this.#signedOut = false),
  });
  #signedOut = false;

  readonly #poller = signedInPoller(this, {
    interval: () => this.pollInterval,
    refresh: async (signal) => {
      const before = this.#list.value;
      const after = await this.#list.fetch(signal);
      return after !== null && JSON.stringify(after) !== JSON.stringify(before);
    },
    onError: (error) => this.noticeError(error),
    onSignedOut: () => (this.#signedOut = true),
  });

  /** Fetches the list again. */
  reload(): Promise<void> {
    return this.#list.reload();
  }

  /** Sends a draft to the client's contacts, then shows the updated row. */
  send(estimate: AdminEstimateListItem): Promise<void> {
    return this.#act(estimate, { kind: 'busy', action: 'send' }, async () => {
      const result = await this.api.adminSendEstimate(estimate.id);
      this.#replace(result.estimate);
      return {
        state: { kind: 'sent', emails: result.emailsQueued },
        said: this.strings.estimateSent(this.isolate(estimate.number), result.emailsQueued),
        tell: () => emit<PorticoEstimateSentDetail>(this, 'portico-estimate-sent', { estimate: result.estimate, emailsQueued: result.emailsQueued }),
      };
    });
  }

  /** Voids a draft or sent estimate (after the second click: it is final). */
  void(estimate: AdminEstimateListItem): Promise<void> {
    return this.#act(estimate, { kind: 'busy', action: 'void' }, async () => {
      const voided = await this.api.adminVoidEstimate(estimate.id);
      this.#replace(voided);
      return {
        state: null,
        said: this.strings.estimateVoided(this.isolate(estimate.number)),
        tell: () => emit<PorticoEstimateChangedDetail>(this, 'portico-estimate-voided', { estimate: voided }),
      };
    });
  }

  /** Makes a sent estimate a draft invoice (the client agreed some other way). */
  convert(estimate: AdminEstimateListItem): Promise<void> {
    return this.#act(estimate, { kind: 'busy', action: 'convert' }, async () => {
      const { estimate: converted, invoice } = await this.api.adminConvertEstimate(estimate.id);
      this.#replace(converted);
      return {
        state: null,
        said: this.strings.estimateConverted(this.isolate(estimate.number), invoice.number && this.isolate(invoice.number)),
        tell: () => emit<PorticoEstimateChangedDetail>(this, 'portico-estimate-converted', { estimate: converted, invoice: { id: invoice.id, number: invoice.number } }),
      };
    });
  }

  #onAction(estimate: AdminEstimateListItem, action: EstimateAction): void {
    if (action === 'send') void this.send(estimate);
    else if (action === 'convert') void this.convert(estimate);
    else if (action === 'confirm-void') void this.void(estimate);
    else if (action === 'ask-void') this.#setRow(estimate.id, { kind: 'confirm-void' });
    else this.#setRow(estimate.id, null);
  }

  async #act(
    estimate: AdminEstimateListItem,
    busy: EstimateRowState,
    run: () => Promise<{ state: EstimateRowState | null; said: string; tell: () => void }>,
  ): Promise<void> {
    if (this._rows.get(estimate.id)?.kind === 'busy') return;
    this.#setRow(estimate.id, busy);
    let outcome: Awaited<ReturnType<typeof run>>;
    try {
      outcome = await run();
    } catch (error) {
      this.noticeError(error);
      const message = this.errorText(error);
      this.#setRow(estimate.id, { kind: 'failed', message });
      this._announcement = message;
      return;
    }
    this.#setRow(estimate.id, outcome.state);
    this._announcement = outcome.said;
    // Told once the row shows it, so a listener reads the widget as it now is.
    outcome.tell();
  }

  /** Puts an estimate's new state in the list on screen (the answer to an action). */
  #replace(estimate: AdminEstimateListItem): void {
    const list = this.#list.value;
    if (!list) return;
    this.#list.set({ estimates: list.estimates.map((row) => (row.id === estimate.id ? { ...row, ...estimate } : row)) });
  }

  #setRow(id: string, state: EstimateRowState | null): void {
    const next = new Map(this._rows);
    if (state) next.set(id, state);
    else next.delete(id);
    this._rows = next;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.#poller.stop();
    if (this.canLoad && this.pollInterval > 0 && !this.#signedOut) this.#poller.start();
  }

  protected override updated(): void {
    // After the first step of Void, the confirmation takes the focus the Void button had.
    const confirm = this.renderRoot.querySelector<HTMLElement>('[data-focus-next]');
    if (confirm) {
      confirm.removeAttribute('data-focus-next');
      confirm.focus();
    }
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const state = this.#list.state;
    const estimates = this.#list.value?.estimates ?? [];
    return html`
      <section part="list" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
        <div class="top">
          <h2 id="heading" part="heading">${strings.adminEstimatesLabel}</h2>
        </div>
        ${estimates.length > 0
          ? html`<div class="table-wrap">
              <table part="table" aria-labelledby="heading">
                <thead>
                  <tr>
                    <th scope="col">${strings.columnNumber}</th>
                    <th scope="col" class="client">${strings.columnClient}</th>
                    <th scope="col">${strings.columnStatus}</th>
                    <th scope="col">${strings.columnValidUntil}</th>
                    <th scope="col" class="money">${strings.columnTotal}</th>
                    <th scope="col">${strings.columnInvoice}</th>
                    <th scope="col" class="action"><span class="visually-hidden">${strings.columnActions}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${estimates.map((estimate) =>
                    renderEstimateRow(estimate, this._rows.get(estimate.id), this.viewContext, {
                      pdfUrl: this.api.adminEstimatePdfUrl(estimate.id),
                      onAction: (action) => this.#onAction(estimate, action),
                    }),
                  )}
                </tbody>
              </table>
            </div>`
          : nothing}
        ${this.#renderState()}
        <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
      </section>
    `;
  }

  #renderState(): TemplateResult | typeof nothing {
    const strings = this.strings;
    const state = this.#list.state;
    if (state.kind === 'error' && !this.#list.value) {
      return html`<div part="message" class="message error state" role="alert">
        <span>${this.errorText(state.error)}</span>
        <button part="button retry" type="button" @click=${() => void this.#list.reload()}>${strings.retry}</button>
      </div>`;
    }
    if (state.kind === 'loading') return html`<p class="state muted" role="status">${strings.estimatesLoading}</p>`;
    if ((this.#list.value?.estimates.length ?? 0) === 0) return html`<p class="state muted" role="status">${strings.noEstimates}</p>`;
    return nothing;
  }
}
