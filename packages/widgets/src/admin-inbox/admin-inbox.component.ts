import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { AdminTicketListResponse, AdminTicketSummaryWire, AdminTicketThreadResponse, HeldInboundWire } from '@portico/wire';
import { emit } from '../shared/events.js';
import { Poller } from '../shared/poller.js';
import { PorticoAdminElement } from '../admin/admin-element.js';
import { isAbort } from '../shared/portico-element.js';
import { endsPolling, newMessagesSince, threadSignature } from '../shared/ticket-view.js';
import type { PorticoTicketReplyDetail } from '../ticket-thread/ticket-thread.component.js';
import { adminInboxStyles } from './admin-inbox.styles.js';
import { HeldMail, renderHeldMail } from './held-mail.js';
import { renderInboxFilters, renderInboxList, type InboxListView, type InboxStatusFilter } from './inbox-list.js';
import { renderInboxThread, type InboxBusy, type InboxThreadView } from './inbox-thread.js';
import { ChosenFiles } from '../shared/file-picker.js';

export type { InboxStatusFilter } from './inbox-list.js';

/** Detail of `portico-inbox-unread`: what the badge shows, for a host that mirrors it in its own navigation. */
export interface PorticoInboxUnreadDetail {
  unread: number;
  held: number;
}

/** Detail of `portico-ticket-status`: the ticket just closed or reopened. */
export interface PorticoTicketStatusDetail {
  ticket: AdminTicketSummaryWire;
}

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
 * @csspart quoted-text - Under a client's email: what the reply stripper removed (a `<details>`).
 * @csspart quoted-text-toggle - Its "Quoted text hidden" / "Hide quoted text" summary.
 * @csspart quoted-text-body - The removed text itself.
 * @csspart attachments - A message's attachments.
 * @csspart attachment - Each attachment link.
 * @csspart reply-form - The reply box, the internal-note switch and the button.
 * @csspart label - Labels.
 * @csspart input - The reply box.
 * @csspart field-error - The message under the reply box.
 * @csspart held - Each held mail.
 * @csspart button - Every button; also `held-button`, `close-button`, `reopen-button`, `accept-button`, `discard-button`, `button-primary`.
 * @csspart file-picker - The "Attach files" box (files can be dropped on it).
 * @csspart attach-button - Its "Attach files" control (also `button`).
 * @csspart chosen-files - The files chosen, each with its size and a `remove-file` button.
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
export class PorticoAdminInbox extends PorticoAdminElement {
  static override readonly tag = 'portico-admin-inbox';
  static override styles = adminInboxStyles;

  static override properties = {
    status: { type: String },
    unreadOnly: { type: Boolean, attribute: 'unread-only' },
    ticketId: { type: String, attribute: 'ticket-id' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _showHeld: { state: true },
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
  private _busy: InboxBusy = null;
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
  /** The held mail, fetched while its pane is open (held-mail.ts). */
  readonly #held = new HeldMail(this, (signal) => this.api.adminHeldMail(signal ? { signal } : {}));
  #lastCounts = '';

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    // A steady rhythm while all is well (someone is at the desk); failures slow it down.
    backoff: 1,
    maxInterval: 60_000,
    poll: async (signal) => {
      try {
        const thread = this.ticketId && this.#thread.value ? await this.#fetchThread(signal) : false;
        const held = this._showHeld ? await this.#held.refresh(signal) : false;
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

  // ---- actions ----

  async #toggleHeld(): Promise<void> {
    this._showHeld = !this._showHeld;
    if (!this._showHeld) return;
    this.focusAfterUpdate('#held-heading', true);
    await this.#held.load();
    this.noticeError(this.#held.error);
  }

  /** The files to send with the reply or note. */
  readonly #files = new ChosenFiles(this);

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
      const message = await this.api.adminReplyToTicket(id, internal ? { message: text, internal: true } : { message: text }, { files: this.#files.files });
      box.value = '';
      this.#files.clear();
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
      this.#held.remove(held.id);
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
    const listView: InboxListView = {
      ...this.viewContext,
      status: this.status,
      unreadOnly: this.unreadOnly,
      selectedId: this._showHeld ? null : this.ticketId,
      setStatus: (status) => (this.status = status),
      setUnreadOnly: (unreadOnly) => (this.unreadOnly = unreadOnly),
      open: (id) => this.openTicket(id),
      reload: () => void this.reload(),
    };
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
        <div class="list-pane">${renderInboxFilters(listView)} ${renderInboxList(this.#list, listView)}</div>
        <div part="pane" class="pane">${this._showHeld ? this.#renderHeld() : renderInboxThread(this.ticketId, this.#thread, this.#threadView)}</div>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    </section>`;
  }

  get #threadView(): InboxThreadView {
    return {
      ...this.viewContext,
      busy: this._busy,
      internal: this._internal,
      replyError: this._replyError,
      actionError: this._actionError,
      attachmentHref: (attachment) => this.api.attachmentUrl(attachment.url),
      setOpen: (open) => void this.#setOpen(open),
      reply: (event) => void this.#reply(event),
      files: this.#files,
      setInternal: (internal) => (this._internal = internal),
    };
  }

  #renderHeld(): TemplateResult {
    return renderHeldMail({
      ...this.viewContext,
      busy: this._busy,
      actionError: this._actionError,
      held: this.#held,
      settle: (held, accept) => void this.#settleHeld(held, accept),
    });
  }
}
