import { html, type TemplateResult } from 'lit';
import type { AdminTicketListQuery, AdminTicketListResponse } from '@portico/wire';
import type { ResourceController } from '../shared/resource-controller.js';
import type { AdminWidgetStrings } from '../admin/i18n/index.js';
import type { WidgetView } from '../shared/portico-element.js';
import { renderRetry, renderTicketRow } from '../shared/ticket-view.js';

export type InboxStatusFilter = NonNullable<AdminTicketListQuery['status']>;

const statusFilters: readonly InboxStatusFilter[] = ['open', 'pending', 'closed', 'all'];

/** What the inbox's list pane reads of the inbox. */
export interface InboxListView extends WidgetView<AdminWidgetStrings> {
  status: InboxStatusFilter;
  unreadOnly: boolean;
  /** The ticket shown beside the list (`null` while the held mail is). */
  selectedId: string | null;
  setStatus: (status: InboxStatusFilter) => void;
  setUnreadOnly: (unreadOnly: boolean) => void;
  open: (id: string) => void;
  reload: () => void;
}

/** The status chips and "Unread only". */
export function renderInboxFilters(view: InboxListView): TemplateResult {
  const { strings } = view;
  const labels: Record<InboxStatusFilter, string> = {
    open: strings.filterOpen,
    pending: strings.filterPending,
    closed: strings.filterClosed,
    all: strings.filterAll,
  };
  return html`<div part="filters" class="filters" role="group" aria-label=${strings.inboxFilterLabel}>
    ${statusFilters.map((status) => {
      const pressed = view.status === status;
      return html`<button
        part=${pressed ? 'chip chip-selected' : 'chip'}
        class="chip"
        type="button"
        data-status=${status}
        aria-pressed=${pressed ? 'true' : 'false'}
        @click=${() => view.setStatus(status)}
      >
        ${labels[status]}
      </button>`;
    })}
    <label class="unread-filter">
      <input type="checkbox" .checked=${view.unreadOnly} @change=${(event: Event) => view.setUnreadOnly((event.target as HTMLInputElement).checked)} />
      ${strings.unreadOnly}
    </label>
  </div>`;
}

/** The tickets, or why there are none to show. */
export function renderInboxList(list: ResourceController<AdminTicketListResponse>, view: InboxListView): TemplateResult {
  const { strings } = view;
  const { state, value } = list;
  if (state.kind === 'error') return renderRetry(view.errorText(state.error), strings, view.reload);
  if (!value) return html`<p class="muted" role="status">${strings.ticketsLoading}</p>`;
  if (value.tickets.length === 0) return html`<p class="muted">${strings.inboxEmpty}</p>`;
  return html`<ul part="tickets" class="tickets" aria-labelledby="heading">
    ${value.tickets.map((ticket) => renderTicketRow(ticket, { ...view, viewer: 'business', selected: ticket.id === view.selectedId, preview: false, onOpen: () => view.open(ticket.id) }))}
  </ul>`;
}
