import { html, LitElement, nothing, type TemplateResult } from 'lit';
import type { PorticoEstimateList, PorticoEstimateOpenDetail } from '../estimate-list/estimate-list.component.js';
import type { PorticoEstimateAnsweredDetail, PorticoEstimateInvoiceOpenDetail } from '../estimate-preview/estimate-preview.component.js';
import type { PortalTabContext } from '../portal/portal-tabs.js';
import { backIcon } from '../shared/ticket-view.js';

/**
 * The portal's Estimates tab (not a public tag): the client's estimates;
 * opening one (a row, or `focusEstimate`: the estimate an email linked to)
 * shows its preview in the list's place, with a Back button. The list stays
 * in the page while hidden (its sort and selection kept) and is refreshed
 * after an answer. "View the invoice" on an accepted estimate opens that
 * invoice in the Invoices tab. Shown always: with no estimates, the list
 * says where they will appear. It renders into the portal's shadow tree
 * (no shadow root of its own), so the portal's styles and focus handling
 * reach it as they reach the other tabs.
 * @internal
 */
export class PorticoEstimatesTab extends LitElement {
  static override properties = { context: { attribute: false } };

  context: PortalTabContext | null = null;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected override render(): TemplateResult | typeof nothing {
    return this.context ? renderTab(this.context) : nothing;
  }
}

/** A tag of the portal's own (no JSDoc'd widget, no React wrapper): named through a variable, which the manifest leaves out. */
const internalTag = 'portico-estimates-tab';
if (!customElements.get(internalTag)) customElements.define(internalTag, PorticoEstimatesTab);

function renderTab(context: PortalTabContext): TemplateResult {
  const { client, strings, locale, focusEstimate: open } = context;
  const onOpen = (event: CustomEvent<PorticoEstimateOpenDetail>): void => void context.openEstimate(event.detail.id);
  const onBack = async (event: Event): Promise<void> => {
    const tab = (event.currentTarget as HTMLElement).closest('.estimates-tab');
    await context.openEstimate(null);
    if (open) await tab?.querySelector<PorticoEstimateList>('portico-estimate-list')?.focusEstimate(open);
  };
  const onAnswered = (event: CustomEvent<PorticoEstimateAnsweredDetail>): void => {
    void (event.currentTarget as HTMLElement).querySelector<PorticoEstimateList>('portico-estimate-list')?.refresh();
  };
  const onInvoice = (event: CustomEvent<PorticoEstimateInvoiceOpenDetail>): void => {
    event.preventDefault();
    void context.openInvoice(event.detail.invoiceId);
  };
  return html`<div
    class="estimates-tab"
    @portico-auth-required=${context.sessionEnded}
    @portico-estimate-answered=${onAnswered}
    @portico-estimate-invoice-open=${onInvoice}
  >
    <div class="estimates-home" ?hidden=${open !== null}>
      <portico-estimate-list .client=${client} lang=${locale} @portico-estimate-open=${onOpen}></portico-estimate-list>
    </div>
    ${open !== null
      ? html`<div class="estimate-view">
          <button part="button back-button" class="back" type="button" @click=${onBack}>${backIcon}${strings.backToEstimates}</button>
          <portico-estimate-preview .client=${client} lang=${locale} estimate-id=${open}></portico-estimate-preview>
        </div>`
      : nothing}
  </div>`;
}
