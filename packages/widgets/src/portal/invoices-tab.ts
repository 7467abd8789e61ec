import { html, nothing, type TemplateResult } from 'lit';
import type { PorticoInvoiceList, PorticoInvoiceOpenDetail, PorticoInvoiceViewChangeDetail } from '../invoice-list/invoice-list.component.js';
import type { PorticoStatement } from '../statement/statement.component.js';
import type { PortalTabContext } from './portal-tabs.js';

/**
 * The Invoices tab: the statement and the invoice list; opening an invoice
 * (a row, or `focusInvoice`: the invoice an email linked to) shows its
 * preview in their place, with a Back button. The list stays in the page
 * while hidden, so coming back finds its sort, filters, loaded pages and
 * selection as they were, and focus returns to the row that was opened.
 * A payment (`portico-invoice-paid` from any pay button in the tab) or an
 * invoice the preview found changed (`portico-invoice-changed`, from its
 * polling) refreshes the statement and the list in place.
 * The three widgets are registered by `portal.ts`.
 */
export function renderInvoicesTab(context: PortalTabContext): TemplateResult {
  const { client, strings, locale, focusInvoice: open } = context;
  const onOpen = (event: CustomEvent<PorticoInvoiceOpenDetail>): void => void context.openInvoice(event.detail.id);
  const onViewChange = (event: CustomEvent<PorticoInvoiceViewChangeDetail>): void => context.listViewChanged(event.detail);
  const onBack = async (event: Event): Promise<void> => {
    const tab = (event.currentTarget as HTMLElement).closest('.invoices-tab');
    await context.openInvoice(null);
    if (open) await tab?.querySelector<PorticoInvoiceList>('portico-invoice-list')?.focusInvoice(open);
  };
  const onInvoiceChanged = (event: Event): void => {
    const tab = event.currentTarget as HTMLElement;
    void tab.querySelector<PorticoStatement>('portico-statement')?.reload();
    void tab.querySelector<PorticoInvoiceList>('portico-invoice-list')?.refresh();
  };
  return html`<div
    class="invoices-tab"
    @portico-auth-required=${context.sessionEnded}
    @portico-invoice-paid=${onInvoiceChanged}
    @portico-invoice-changed=${onInvoiceChanged}
  >
    <div class="invoices-home" ?hidden=${open !== null}>
      <portico-statement .client=${client} lang=${locale}></portico-statement>
      <portico-invoice-list
        .client=${client}
        .view=${context.listView}
        lang=${locale}
        @portico-invoice-open=${onOpen}
        @portico-invoice-view-change=${onViewChange}
      ></portico-invoice-list>
    </div>
    ${open !== null
      ? html`<div class="invoice-view">
          <button part="button back-button" class="back" type="button" @click=${onBack}>
            <svg class="back-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
            </svg>
            ${strings.backToInvoices}
          </button>
          <portico-invoice-preview .client=${client} lang=${locale} invoice-id=${open}></portico-invoice-preview>
        </div>`
      : nothing}
  </div>`;
}
