import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { TicketListResponse, TicketSummaryWire } from '@portico/wire';
import { Poller } from '../shared/poller.js';
import { PorticoElement } from '../shared/portico-element.js';
import { endsPolling, renderRetry, renderTicketRow } from '../shared/ticket-view.js';
import { ticketListStyles } from './ticket-list.styles.js';
import { emit } from '../shared/events.js';

/** Detail of `portico-ticket-open`. */
export interface PorticoTicketOpenDetail {
  id: string;
  ticket: TicketSummaryWire;
}

/** Detail of `portico-tickets-unread`. */
export interface PorticoTicketsUnreadDetail {
  unreadCount: number;
}

/**
 * The client's support tickets, the latest activity first: subject, number,
 * status, when it last moved and a mark on the unread ones, with an "Open
 * new ticket" button. Choosing a ticket emits `portico-ticket-open`; inside
 * `<portico-portal>` (its Support tab) that opens the thread, and "Open new
 * ticket" (`portico-ticket-new`) the form.
 *
 * While the page is visible the list is fetched again every `poll-interval`
 * ms, slower while nothing changes, so a reply from the business shows up
 * (and the unread count, `portico-tickets-unread`, moves) without a reload.
 *
 * @summary The client's support tickets, with unread marks and "Open new ticket".
 *
 * @event portico-ticket-open - A ticket was chosen. `detail: { id, ticket }`.
 * @event portico-ticket-new - "Open new ticket" was pressed.
 * @event portico-tickets-unread - The number of unread tickets is known or changed. `detail: { unreadCount }`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart list - The outermost box.
 * @csspart heading - The heading.
 * @csspart badge - The unread count beside the heading.
 * @csspart button - Every button; "Open new ticket" also has `new-ticket-button`.
 * @csspart tickets - The list of tickets.
 * @csspart ticket - Each ticket (a button); unread ones also have `ticket-unread`, the one shown `ticket-selected`.
 * @csspart unread - The unread dot.
 * @csspart status - Each status badge, with `status-open`, `status-pending` or `status-closed`.
 * @csspart message - Errors and the empty state.
 *
 * @cssproperty --portico-status-sent - Colour of the Open badge.
 * @cssproperty --portico-status-paid - Colour of the Answered badge.
 * @cssproperty --portico-status-draft - Colour of the Closed badge.
 */
export class PorticoTicketList extends PorticoElement {
  static override readonly tag = 'portico-ticket-list';
  static override styles = ticketListStyles;

  static override properties = {
    selectedId: { type: String, attribute: 'selected-id' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
  };

  /** The ticket shown beside the list, marked as selected. */
  selectedId: string | null = null;
  /** Milliseconds before the list is fetched again while the page is visible (growing while nothing changes); 0 turns polling off. */
  pollInterval: number = 15_000;

  readonly #list = this.resource<TicketListResponse>({
    load: (signal) => this.api.listTickets({ signal }),
    onValue: (data) => this.#unread(data),
  });
  #lastUnread: number | null = null;

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    maxInterval: 60_000,
    stopAfter: 15 * 60_000,
    poll: async (signal) => {
      try {
        return this.#show(await this.api.listTickets({ signal }));
      } catch (error) {
        this.noticeError(error);
        if (endsPolling(error)) this.#poller.stop();
        throw error;
      }
    },
  });

  /** The tickets on screen (empty until loaded). */
  get tickets(): readonly TicketSummaryWire[] {
    return this.#list.value?.tickets ?? [];
  }

  /** Unread tickets, as last fetched. */
  get unreadCount(): number {
    return this.#list.value?.unreadCount ?? 0;
  }

  /** Fetches the list again, showing the loading state. */
  reload(): Promise<void> {
    return this.#list.reload();
  }

  /** Fetches the list again quietly (the rows stay on screen until the answer is in). */
  async refresh(): Promise<void> {
    await this.#list.reload({ quiet: true });
    this.#poller.nudge();
  }

  /** Moves focus to a ticket's button (or, for `'new'` or a ticket not listed, to "Open new ticket"). */
  focusTicket(id: string | null): void {
    const button = id && id !== 'new' ? this.renderRoot.querySelector<HTMLElement>(`.ticket[data-id="${CSS.escape(id)}"]`) : null;
    (button ?? this.renderRoot.querySelector<HTMLElement>('[part~="new-ticket-button"]'))?.focus();
  }

  /** Puts a list on screen; true when it differs from what was there. */
  #show(data: TicketListResponse): boolean {
    const before = this.#list.value;
    this.#list.set(data);
    this.#unread(data);
    return before === null || listSignature(before) !== listSignature(data);
  }

  /** Tells the page when the number of unread tickets is new. */
  #unread(data: TicketListResponse): void {
    if (this.#lastUnread !== data.unreadCount) {
      this.#lastUnread = data.unreadCount;
      emit<PorticoTicketsUnreadDetail>(this, 'portico-tickets-unread', { unreadCount: data.unreadCount });
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.#poller.stop();
    if (this.canLoad && this.pollInterval > 0) this.#poller.start();
  }

  #open(ticket: TicketSummaryWire): void {
    emit<PorticoTicketOpenDetail>(this, 'portico-ticket-open', { id: ticket.id, ticket });
  }

  #new(): void {
    emit(this, 'portico-ticket-new');
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const { state, value: data } = this.#list;
    return html`<section part="list" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
      <div class="top">
        <h2 id="heading" part="heading">
          ${strings.tabSupport}
          ${data && data.unreadCount > 0 ? html`<span part="badge" class="badge"><span aria-hidden="true">${this.#count(data.unreadCount)}</span><span class="visually-hidden">${strings.unreadCount(data.unreadCount)}</span></span>` : nothing}
        </h2>
        <button part="button new-ticket-button" class="primary" type="button" @click=${this.#new}>${strings.openNewTicket}</button>
      </div>
      ${this.#renderBody()}
    </section>`;
  }

  #count(n: number): string {
    return new Intl.NumberFormat(this.locale).format(n);
  }

  #renderBody(): TemplateResult {
    const strings = this.strings;
    const { state, value: data } = this.#list;
    if (state.kind === 'error') return renderRetry(this.errorText(state.error), strings, () => void this.reload());
    if (!data) return html`<p class="state muted" role="status">${strings.ticketsLoading}</p>`;
    if (data.tickets.length === 0) return html`<p part="message" class="message state">${strings.noTickets}</p>`;
    const view = this.viewContext;
    return html`<ul part="tickets" class="tickets" aria-labelledby="heading">
      ${data.tickets.map((ticket) => renderTicketRow(ticket, { ...view, viewer: 'client', selected: ticket.id === this.selectedId, preview: true, onOpen: () => this.#open(ticket) }))}
    </ul>`;
  }

}

function listSignature(data: TicketListResponse): string {
  return `${data.unreadCount}|${data.tickets.map((ticket) => `${ticket.id}:${ticket.lastMessageAt}:${ticket.status}:${ticket.unread ? 1 : 0}`).join(',')}`;
}
