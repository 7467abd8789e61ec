import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AdminTicketListResponse, AdminTicketSummaryWire, AdminTicketThreadResponse, HeldInboundWire, AdminTicketListQuery } from '@portico/wire';
import { Poller } from '../shared/poller.js';
import { isAbort, PorticoElement } from '../shared/portico-element.js';
import {
  endsPolling,
  newMessagesSince,
  renderMessages,
  renderRetry,
  renderTicketRow,
  renderTicketStatus,
  renderTime,
  sendOnCtrlEnter,
  threadSignature,
  ticketNumber,
} from '../shared/ticket-view.js';
import type { PorticoTicketReplyDetail } from '../ticket-thread/ticket-thread.component.js';
import { adminInboxStyles } from './admin-inbox.styles.js';
import { emit } from '../shared/events.js';

/** Detail of `portico-inbox-unread`: what the badge shows, for a host that mirrors it in its own navigation. */
export interface PorticoInboxUnreadDetail {
  unread: number;
  held: number;
}

/** Detail of `portico-ticket-status`: the ticket just closed or reopened. */
export interface PorticoTicketStatusDetail {
  ticket: AdminTicketSummaryWire;
}

export type InboxStatusFilter = NonNullable<AdminTicketListQuery['status']>;

const statusFilters: readonly InboxStatusFilter[] = ['open', 'pending', 'closed', 'all'];

type Busy = 'reply' | 'status' | `held:${string}` | null;

/**
 * The business's support inbox, for its own admin pages: the tickets
 * (filtered by status and unread) with an unread badge, the thread of the
 * chosen one with the client and its contacts, a reply (emailed to the
 * client) or an internal note (striped, labelled, never shown to or emailed
 * to the client), Close and Reopen, and the inbound mail held for review
 * (unknown sender, forged reply) to accept into its ticket or discard.
 * Requests go to `<server>/admin/*` with the host app's own cookies; the
 * host's `authorizeAdmin` decides who may.
 *
 * While the page is visible the list, the open thread and the held mail are
 * fetched again every `poll-interval` ms, so a client's message and the
 * badge arrive without a reload. The badge is also `unreadCount` /
 * `heldCount` and the `portico-inbox-unread` event, so a host can show it
 * in its own navigation (or ask `GET <server>/admin/tickets/unread-count`).
 *
 * @summary The business's support inbox: unread badge, threads, replies, internal notes, held mail.
 *
 * @event portico-inbox-unread - The unread or held count is known or changed. `detail: { unread, held }`.
 * @event portico-ticket-reply - A reply or an internal note (`message.internal`) was posted. `detail: { ticketId, message }`.
 * @event portico-ticket-status - A ticket was closed or reopened. `detail: { ticket }`.
 * @event portico-auth-required - A request answered 401: the host app's admin session is missing. `detail: { error }`.
 *
 * @csspart inbox - The outermost box.
 * @csspart heading - The heading.
 * @csspart badge - The unread count beside the heading.
 * @csspart filters - The status filter chips and "Unread only".
 * @csspart chip - Each status filter chip; the pressed one also has `chip-selected`.
 * @csspart tickets - The list of tickets.
 * @csspart ticket - Each ticket (a button); unread ones also have `ticket-unread`, the open one `ticket-selected`.
 * @csspart unread - The unread dot.
 * @csspart status - Each status badge, with `status-open`, `status-pending` or `status-closed`.
 * @csspart pane - The box beside the list: the thread, the held mail, or a prompt.
 * @csspart contacts - The client's contacts.
 * @csspart messages - The list of messages.
 * @csspart entry - Each message of a thread, with `entry-client`, `entry-business`, `entry-system` or `entry-note` (an internal note).
 * @csspart note-label - The "Internal note" label on a note.
 * @csspart author - A message's author.
 * @csspart body - A message's text.
 * @csspart bounce - On a reply: its email to a contact bounced (to whom, the mail server's status and reason).
 * @csspart attachments - A message's attachments.
 * @csspart attachment - Each attachment link.
 * @csspart reply-form - The reply box, the internal-note switch and the button.
 * @csspart label - Labels.
 * @csspart input - The reply box.
 * @csspart field-error - The message under the reply box.
 * @csspart held - Each held mail.
 * @csspart button - Every button; also `held-button`, `close-button`, `reopen-button`, `accept-button`, `discard-button`, `button-primary`.
 * @csspart message - Errors.
 *
 * @cssproperty --portico-link - Links (contacts, attachments).
 * @cssproperty --portico-note-background - Background of internal notes (striped with the next).
 * @cssproperty --portico-note-stripe - The stripes of internal notes.
 * @cssproperty --portico-note-border - The dashed border of internal notes.
 * @cssproperty --portico-note-text - The "Internal note" label.
 * @cssproperty --portico-status-sent - Colour of the Open badge.
 * @cssproperty --portico-status-paid - Colour of the "Waiting on client" badge.
 * @cssproperty --portico-status-draft - Colour of the Closed badge.
 */
export class PorticoAdminInbox extends PorticoElement {
  static override readonly tag = 'portico-admin-inbox';
  static override styles = adminInboxStyles;

  static override properties = {
    status: { type: String },
    unreadOnly: { type: Boolean, attribute: 'unread-only' },
    ticketId: { type: String, attribute: 'ticket-id' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _showHeld: { state: true },
    _held: { state: true },
    _heldError: { state: true },
    _busy: { state: true },
    _internal: { state: true },
    _replyError: { state: true },
    _actionError: { state: true },
    _announcement: { state: true },
  };

  /** Which tickets the list shows: `open` (the default), `pending` (waiting on the client), `closed` or `all`. */
  status: InboxStatusFilter = 'open';
  /** Only tickets with a message nobody at the business has read. */
  unreadOnly: boolean = false;
  /** The ticket open beside the list (`null`: none). Opening it marks it read. */
  ticketId: string | null = null;
  /** Milliseconds between fetches of the list, the open thread and the held mail while the page is visible; 0 turns them off. */
  pollInterval: number = 10_000;
  private _showHeld: boolean = false;
  private _held: readonly HeldInboundWire[] | null = null;
  private _heldError: unknown = null;
  private _busy: Busy = null;
  private _internal: boolean = false;
  private _replyError: string = '';
  private _actionError: string = '';
  private _announcement: string = '';

  /** The list, for `status` and `unread-only`: a change of filter keeps the rows on screen until the new ones are in. */
  readonly #list = this.resource<AdminTicketListResponse>({
    key: () => [this.status, this.unreadOnly],
    load: (signal) => this.api.adminListTickets({ status: this.status, ...(this.unreadOnly ? { unread: true } : {}) }, { signal }),
    keep: () => true,
    onValue: (list) => this.#counted(list),
  });
  /** The open ticket's thread (fetching it marks it read). */
  readonly #thread = this.resource<AdminTicketThreadResponse>({
    key: () => (this.ticketId ? [this.ticketId] : null),
    load: (signal) => this.api.adminTicket(this.ticketId!, { signal }),
    onStart: () => {
      this._replyError = '';
      this._actionError = '';
      this._internal = false;
    },
    // Reading it changed its unread mark and the badge.
    onValue: () => void this.#list.reload({ quiet: true }),
  });
  #lastCounts = '';

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    // A steady rhythm while all is well (someone is at the desk); failures slow it down.
    backoff: 1,
    maxInterval: 60_000,
    poll: async (signal) => {
      try {
        const thread = this.ticketId && this.#thread.value ? await this.#fetchThread(signal) : false;
        const held = this._showHeld ? await this.#fetchHeld(signal) : false;
        const list = await this.#fetchList(signal);
        return thread || held || list;
      } catch (error) {
        if (!isAbort(error)) this.noticeError(error);
        if (endsPolling(error)) this.#poller.stop();
        throw error;
      }
    },
  });

  /** Tickets with a message nobody at the business has read (the badge). */
  get unreadCount(): number {
    return this.#list.value?.unreadCount ?? 0;
  }

  /** Inbound mail waiting for a person. */
  get heldCount(): number {
    return this.#list.value?.heldCount ?? 0;
  }

  /** The tickets on screen. */
  get tickets(): readonly AdminTicketSummaryWire[] {
    return this.#list.value?.tickets ?? [];
  }

  /** Fetches the list again, showing the loading state. */
  reload(): Promise<void> {
    return this.#list.reload({ quiet: false });
  }

  /** Opens a ticket beside the list (it is marked read) and moves focus to its heading. */
  openTicket(id: string): void {
    this._showHeld = false;
    this.ticketId = id;
    this.focusAfterUpdate('#thread-heading', true);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.#poller.stop();
    if (this.canLoad && this.pollInterval > 0) this.#poller.start();
  }

  // ---- fetching ----

  /** Fetches the list quietly; true when it changed. */
  async #fetchList(signal?: AbortSignal): Promise<boolean> {
    const before = this.#list.value;
    const list = await this.#list.fetch(signal);
    if (!list) return false;
    this.#counted(list);
    return before === null || JSON.stringify(before) !== JSON.stringify(list);
  }

  /** Tells the page when the unread or held count is new. */
  #counted(list: AdminTicketListResponse): void {
    const counts = `${list.unreadCount}|${list.heldCount}`;
    if (counts !== this.#lastCounts) {
      this.#lastCounts = counts;
      emit<PorticoInboxUnreadDetail>(this, 'portico-inbox-unread', { unread: list.unreadCount, held: list.heldCount });
    }
  }

  /** Fetches the open thread quietly (marking it read); true (and new messages announced) when it changed. */
  async #fetchThread(signal?: AbortSignal): Promise<boolean> {
    const before = this.#thread.value;
    const thread = await this.#thread.fetch(signal);
    if (!thread || (before && threadSignature(before) === threadSignature(thread))) return false;
    const arrived = before ? newMessagesSince(before.messages, thread.messages).length : 0;
    if (arrived > 0) this._announcement = this.strings.newMessages(arrived);
    return true;
  }

  async #fetchHeld(signal?: AbortSignal): Promise<boolean> {
    const { held } = await this.api.adminHeldMail(signal ? { signal } : {});
    const changed = JSON.stringify(held) !== JSON.stringify(this._held);
    this._held = held;
    this._heldError = null;
    return changed;
  }

  // ---- actions ----

  #setStatus(status: InboxStatusFilter): void {
    this.status = status;
  }

  async #toggleHeld(): Promise<void> {
    this._showHeld = !this._showHeld;
    if (!this._showHeld) return;
    this.focusAfterUpdate('#held-heading', true);
    try {
      await this.#fetchHeld();
    } catch (error) {
      this.noticeError(error);
      this._heldError = error;
    }
  }

  async #reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const id = this.ticketId;
    if (this._busy || !id || !this.#thread.value) return;
    const strings = this.strings;
    const internal = this._internal;
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#reply')!;
    const text = box.value.trim();
    if (!text) {
      this._replyError = internal ? strings.noteRequired : strings.replyRequired;
      this.focusAfterUpdate('#reply', true);
      return;
    }
    this._busy = 'reply';
    this._replyError = '';
    try {
      const message = await this.api.adminReplyToTicket(id, internal ? { message: text, internal: true } : { message: text });
      box.value = '';
      this._announcement = internal ? strings.noteAdded : strings.replySent;
      const shown = this.#thread.value;
      if (shown && this.ticketId === id) this.#thread.set({ ...shown, messages: [...shown.messages, message] });
      emit<PorticoTicketReplyDetail>(this, 'portico-ticket-reply', { ticketId: id, message });
      // The server moved its status (a reply waits on the client): show it as the server has it.
      await Promise.all([this.#fetchThread(), this.#fetchList()]).catch((error: unknown) => this.noticeError(error));
    } catch (error) {
      this.noticeError(error);
      this._replyError = this.errorText(error);
      this.focusAfterUpdate('#reply', true);
    } finally {
      this._busy = null;
    }
  }

  async #setOpen(open: boolean): Promise<void> {
    const id = this.ticketId;
    if (this._busy || !id) return;
    this._busy = 'status';
    this._actionError = '';
    try {
      const ticket = await this.api.adminSetTicketOpen(id, open);
      const shown = this.#thread.value;
      if (id === this.ticketId && shown) this.#thread.set({ ...shown, ticket });
      this._announcement = open ? this.strings.ticketReopened : this.strings.ticketClosed;
      this.focusAfterUpdate(open ? '[part~="close-button"]' : '[part~="reopen-button"]', true);
      emit<PorticoTicketStatusDetail>(this, 'portico-ticket-status', { ticket });
      await this.#fetchList().catch((error: unknown) => this.noticeError(error));
    } catch (error) {
      this.noticeError(error);
      this._actionError = this.errorText(error);
    } finally {
      this._busy = null;
    }
  }

  async #settleHeld(held: HeldInboundWire, accept: boolean): Promise<void> {
    if (this._busy) return;
    this._busy = `held:${held.id}`;
    this._actionError = '';
    try {
      if (accept) await this.api.adminAcceptHeldMail(held.id, held.ticketId ?? undefined);
      else await this.api.adminDiscardHeldMail(held.id);
      this._held = (this._held ?? []).filter((item) => item.id !== held.id);
      this._announcement = accept ? this.strings.heldAccepted : this.strings.heldDiscarded;
      this.focusAfterUpdate('#held-heading', true);
      await this.#fetchList().catch((error: unknown) => this.noticeError(error));
      if (accept && held.ticketId && held.ticketId === this.ticketId) await this.#fetchThread().catch(() => false);
    } catch (error) {
      this.noticeError(error);
      this._actionError = this.errorText(error);
    } finally {
      this._busy = null;
    }
  }

  // ---- rendering ----

  protected override render(): TemplateResult {
    const strings = this.strings;
    const { state, value: list } = this.#list;
    const unread = this.unreadCount;
    const number = (n: number): string => new Intl.NumberFormat(this.locale).format(n);
    return html`<section part="inbox" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>
      <div class="top">
        <h2 id="heading" part="heading">
          ${strings.inboxHeading}
          ${unread > 0
            ? html`<span part="badge" class="badge"><span aria-hidden="true">${number(unread)}</span><span class="visually-hidden">${strings.unreadCount(unread)}</span></span>`
            : nothing}
        </h2>
        <button part="button held-button" type="button" aria-pressed=${this._showHeld ? 'true' : 'false'} @click=${() => void this.#toggleHeld()}>
          ${strings.heldMail(this.heldCount)}
        </button>
      </div>
      <div class="layout">
        <div class="list-pane">${this.#renderFilters()} ${this.#renderList()}</div>
        <div part="pane" class="pane">${this._showHeld ? this.#renderHeld() : this.#renderThread()}</div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    </section>`;
  }

  #renderFilters(): TemplateResult {
    const strings = this.strings;
    const labels: Record<InboxStatusFilter, string> = {
      open: strings.filterOpen,
      pending: strings.filterPending,
      closed: strings.filterClosed,
      all: strings.filterAll,
    };
    return html`<div part="filters" class="filters" role="group" aria-label=${strings.inboxFilterLabel}>
      ${statusFilters.map((status) => {
        const pressed = this.status === status;
        return html`<button
          part=${pressed ? 'chip chip-selected' : 'chip'}
          class="chip"
          type="button"
          data-status=${status}
          aria-pressed=${pressed ? 'true' : 'false'}
          @click=${() => this.#setStatus(status)}
        >
          ${labels[status]}
        </button>`;
      })}
      <label class="unread-filter">
        <input type="checkbox" .checked=${this.unreadOnly} @change=${(event: Event) => (this.unreadOnly = (event.target as HTMLInputElement).checked)} />
        ${strings.unreadOnly}
      </label>
    </div>`;
  }

  #renderError(error: unknown, retry: () => void): TemplateResult {
    return renderRetry(this.errorText(error), this.strings, retry);
  }

  #renderList(): TemplateResult {
    const strings = this.strings;
    const { state, value: list } = this.#list;
    if (state.kind === 'error') return this.#renderError(state.error, () => void this.reload());
    if (!list) return html`<p class="muted" role="status">${strings.ticketsLoading}</p>`;
    if (list.tickets.length === 0) return html`<p class="muted">${strings.inboxEmpty}</p>`;
    return html`<ul part="tickets" class="tickets" aria-labelledby="heading">
      ${list.tickets.map((ticket) =>
        renderTicketRow(ticket, {
          strings,
          locale: this.locale,
          viewer: 'business',
          selected: ticket.id === this.ticketId && !this._showHeld,
          isolate: (text) => this.isolate(text),
          preview: false,
          onOpen: () => this.openTicket(ticket.id),
        }),
      )}
    </ul>`;
  }

  #renderThread(): TemplateResult {
    const strings = this.strings;
    const id = this.ticketId;
    if (!id) return html`<p class="muted">${strings.inboxPickTicket}</p>`;
    const { state, value: thread } = this.#thread;
    if (state.kind === 'error') return this.#renderError(state.error, () => void this.#thread.reload());
    if (!thread) return html`<p class="muted" role="status">${strings.threadLoading}</p>`;
    const { ticket, messages, client } = thread;
    const locale = this.locale;
    const closed = ticket.status === 'closed';
    const internal = this._internal;
    return html`<article class="thread" aria-labelledby="thread-heading">
      <header class="thread-head">
        <h3 id="thread-heading" tabindex="-1" dir="auto">${ticket.subject}</h3>
        <div class="thread-meta">
          <span>${this.isolate(ticketNumber(ticket, strings, locale))}</span>
          ${renderTicketStatus(ticket.status, strings, 'business')}
          <span class="client-name" dir="auto">${client.name}</span>
          ${ticket.invoiceNumber ? html`<span>${strings.aboutInvoice(this.isolate(ticket.invoiceNumber))}</span>` : nothing}
        </div>
        ${client.contacts.length > 0
          ? html`<ul part="contacts" class="contacts" aria-label=${strings.contactsLabel}>
              ${client.contacts.map((contact) => html`<li>${contact.name} <a href="mailto:${contact.email}">${contact.email}</a></li>`)}
            </ul>`
          : nothing}
        <div class="thread-actions">
          ${closed
            ? html`<button part="button reopen-button" type="button" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this.#setOpen(true)}>${strings.reopenTicket}</button>`
            : html`<button part="button close-button" type="button" aria-disabled=${this._busy ? 'true' : 'false'} @click=${() => void this.#setOpen(false)}>${strings.closeTicket}</button>`}
        </div>
        ${this._actionError ? html`<p part="message" class="message error" role="alert">${this._actionError}</p>` : nothing}
      </header>
      ${renderMessages(messages, { strings, locale, viewer: 'business', isolate: (text) => this.isolate(text), attachmentHref: (attachment) => this.api.attachmentUrl(attachment.url) })}
      <form part="reply-form" class="reply ${internal ? 'note-mode' : ''}" novalidate @submit=${(event: SubmitEvent) => void this.#reply(event)}>
        <label part="label" for="reply">${internal ? strings.internalNote : strings.replyLabel}</label>
        <textarea
          part="input"
          id="reply"
          name="reply"
          rows="4"
          @keydown=${sendOnCtrlEnter}
          aria-invalid=${this._replyError ? 'true' : 'false'}
          aria-describedby=${ifDefined(this._replyError ? 'reply-error note-hint' : internal ? 'note-hint' : undefined)}
        ></textarea>
        ${this._replyError ? html`<p part="field-error" class="field-error" id="reply-error">${this._replyError}</p>` : nothing}
        ${internal ? html`<p class="hint" id="note-hint">${strings.internalNoteHint}</p>` : nothing}
        <div class="reply-actions">
          <label class="note-toggle">
            <input type="checkbox" name="internal" .checked=${internal} @change=${(event: Event) => (this._internal = (event.target as HTMLInputElement).checked)} />
            ${strings.internalNote}
          </label>
          <button part="button button-primary" class="primary" type="submit" aria-disabled=${this._busy === 'reply' ? 'true' : 'false'}>
            ${this._busy === 'reply' ? strings.sending : internal ? strings.addNote : strings.sendReply}
          </button>
        </div>
      </form>
    </article>`;
  }

  #renderHeld(): TemplateResult {
    const strings = this.strings;
    const held = this._held;
    let body: TemplateResult;
    if (this._heldError) body = this.#renderError(this._heldError, () => void this.#fetchHeld().catch((error: unknown) => (this._heldError = error)));
    else if (!held) body = html`<p class="muted" role="status">${strings.ticketsLoading}</p>`;
    else if (held.length === 0) body = html`<p class="muted">${strings.heldEmpty}</p>`;
    else {
      body = html`<ul class="held-list">
        ${held.map((item) => {
          const busy = this._busy === `held:${item.id}`;
          return html`<li part="held" class="held-item" data-id=${item.id}>
            <strong dir="auto">${item.subject ?? strings.heldNoSubject}</strong>
            <span class="meta">${strings.heldFrom(this.isolate(item.from ?? strings.heldUnknownSender))}, ${renderTime(item.receivedAt, this.locale)}</span>
            <span class="meta" dir="auto">${item.reason}</span>
            ${item.ticketId ? html`<span class="meta">${strings.heldClaimsTicket}</span>` : nothing}
            <div part="body" class="body" dir="auto">${item.body}</div>
            <div class="held-actions">
              <button part="button accept-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.#settleHeld(item, true)}>${strings.acceptHeld}</button>
              <button part="button discard-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => void this.#settleHeld(item, false)}>${strings.discardHeld}</button>
            </div>
          </li>`;
        })}
      </ul>`;
    }
    return html`<div class="thread">
      <h3 id="held-heading" tabindex="-1">${strings.heldHeading}</h3>
      ${this._actionError ? html`<p part="message" class="message error" role="alert">${this._actionError}</p>` : nothing}
      ${body}
    </div>`;
  }
}
