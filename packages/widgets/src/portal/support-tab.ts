import { html, nothing, type TemplateResult } from 'lit';
import type { PorticoTicketCreatedDetail } from '../new-ticket/new-ticket.component.js';
import { backIcon } from '../shared/ticket-view.js';
import type { PorticoTicketList, PorticoTicketOpenDetail, PorticoTicketsUnreadDetail } from '../ticket-list/ticket-list.component.js';
import type { PortalTabContext } from './portal-tabs.js';

/**
 * The Support tab: the client's tickets; choosing one shows its thread, and
 * "Open new ticket" the form, each with a Back button. The list stays in the
 * page while hidden (its state kept) and is refreshed on the way back, so
 * a ticket just read or opened shows as it now is. The list's unread count
 * feeds the tab's badge. The three widgets are registered by `portal.ts`.
 */
export function renderSupportTab(context: PortalTabContext): TemplateResult {
  const { client, strings, locale, focusTicket: view } = context;
  const onOpen = (event: CustomEvent<PorticoTicketOpenDetail>): void => void context.openTicket(event.detail.id);
  const onNew = (): void => void context.openTicket('new');
  const onUnread = (event: CustomEvent<PorticoTicketsUnreadDetail>): void => context.updateUnreadTickets(event.detail.unreadCount);
  const onCreated = (event: CustomEvent<PorticoTicketCreatedDetail>): void => void context.openTicket(event.detail.ticket.id);
  const onBack = async (event: Event): Promise<void> => {
    const tab = (event.currentTarget as HTMLElement).closest('.support-tab');
    await context.openTicket(null);
    const list = tab?.querySelector<PorticoTicketList>('portico-ticket-list');
    await list?.refresh();
    await list?.updateComplete;
    list?.focusTicket(view);
  };
  const back = html`<button part="button back-button" class="back" type="button" @click=${onBack}>${backIcon}${strings.backToTickets}</button>`;
  return html`<div class="support-tab" @portico-auth-required=${context.sessionEnded} @portico-ticket-loaded=${() => context.updateUnreadTickets()}>
    <div class="support-home" ?hidden=${view !== null}>
      <portico-ticket-list
        .client=${client}
        lang=${locale}
        @portico-ticket-open=${onOpen}
        @portico-ticket-new=${onNew}
        @portico-tickets-unread=${onUnread}
      ></portico-ticket-list>
    </div>
    ${view === 'new'
      ? html`<div class="ticket-view">
          ${back}
          <portico-new-ticket .client=${client} lang=${locale} @portico-ticket-created=${onCreated} @portico-ticket-cancel=${onBack}></portico-new-ticket>
        </div>`
      : view !== null
        ? html`<div class="ticket-view">${back}<portico-ticket-thread .client=${client} lang=${locale} ticket-id=${view}></portico-ticket-thread></div>`
        : nothing}
  </div>`;
}
