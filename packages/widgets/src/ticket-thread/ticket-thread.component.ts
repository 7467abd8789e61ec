import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { TicketAttachmentWire, TicketMessageWire, TicketThreadResponse } from '@portico/wire';
import { Poller } from '../shared/poller.js';
import { PorticoElement } from '../shared/portico-element.js';
import {
  endsPolling,
  newMessagesSince,
  renderMessages,
  renderRetry,
  renderTicketStatus,
  saveBlob,
  renderReplyBox,
  threadSignature,
  ticketNumber,
} from '../shared/ticket-view.js';
import { ticketThreadStyles } from './ticket-thread.styles.js';
import { emit } from '../shared/events.js';
import { ChosenFiles, renderFilePicker } from '../shared/file-picker.js';

/** Detail of `portico-ticket-loaded` and `portico-ticket-updated`. */
export type PorticoTicketLoadedDetail = TicketThreadResponse;

/** Detail of `portico-ticket-reply`. */
export interface PorticoTicketReplyDetail {
  ticketId: string;
  message: TicketMessageWire;
}

/**
 * One support ticket as the client sees it: subject, number, status, every
 * message (the client's and the business's, with author and time, and their
 * attachments as links), and a box to reply (POST
 * `/api/tickets/:id/messages`). Fetching the thread marks it read.
 *
 * While the page is visible the thread is fetched again every
 * `poll-interval` ms (slower while nothing changes), so the business's
 * answer appears without a reload and is announced to screen readers.
 *
 * @summary A support ticket's messages and the client's reply box.
 *
 * @event portico-ticket-loaded - The thread was fetched (which marked it read). `detail: { ticket, messages }`.
 * @event portico-ticket-updated - Polling found new messages or a new status. `detail: { ticket, messages }`.
 * @event portico-ticket-reply - The client's reply was posted. `detail: { ticketId, message }`.
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart thread - The outermost box.
 * @csspart heading - The subject.
 * @csspart status - The status badge, with `status-open`, `status-pending` or `status-closed`.
 * @csspart messages - The list of messages.
 * @csspart entry - Each message, with `entry-client`, `entry-business` or `entry-system`.
 * @csspart message - Errors.
 * @csspart author - A message's author.
 * @csspart body - A message's text.
 * @csspart attachments - A message's attachments.
 * @csspart attachment - Each attachment link.
 * @csspart reply-form - The reply box and its button.
 * @csspart label - The reply box's label.
 * @csspart input - The reply box.
 * @csspart field-error - "Please write a reply first", under the box.
 * @csspart button - Every button; Send reply also has `button-primary`.
 * @csspart file-picker - The "Attach files" box (files can be dropped on it).
 * @csspart attach-button - Its "Attach files" control (also `button`).
 * @csspart chosen-files - The files chosen, each with its size and a `remove-file` button.
 *
 * @cssproperty --portico-link - Attachment links.
 * @cssproperty --portico-status-sent - Colour of the Open badge.
 * @cssproperty --portico-status-paid - Colour of the Answered badge.
 * @cssproperty --portico-status-draft - Colour of the Closed badge.
 */
export class PorticoTicketThread extends PorticoElement {
  static override readonly tag = 'portico-ticket-thread';
  static override styles = ticketThreadStyles;

  static override properties = {
    ticketId: { type: String, attribute: 'ticket-id' },
    pollInterval: { type: Number, attribute: 'poll-interval' },
    _busy: { state: true },
    _replyError: { state: true },
    _announcement: { state: true },
  };

  /** The ticket to show. */
  ticketId: string | null = null;
  /** Milliseconds before the thread is fetched again while the page is visible (growing while nothing changes); 0 turns polling off. */
  pollInterval: number = 5000;
  private _busy: boolean = false;
  private _replyError: string = '';
  private _announcement: string = '';

  readonly #thread = this.resource<TicketThreadResponse>({
    key: () => (this.ticketId ? [this.ticketId] : null),
    load: (signal) => this.api.ticket(this.ticketId!, { signal }),
    onStart: () => (this._replyError = ''),
    onValue: (thread) => emit<PorticoTicketLoadedDetail>(this, 'portico-ticket-loaded', thread),
  });
  #focusReply = false;

  readonly #poller = new Poller(this, {
    interval: () => this.pollInterval,
    maxInterval: 60_000,
    stopAfter: 15 * 60_000,
    poll: async (signal) => {
      const id = this.ticketId;
      if (!id || !this.#thread.value) return false;
      try {
        const thread = await this.api.ticket(id, { signal });
        return id === this.ticketId && this.#update(thread);
      } catch (error) {
        this.noticeError(error);
        if (endsPolling(error)) this.#poller.stop();
        throw error;
      }
    },
  });

  /** The thread on screen, or `null` while loading. */
  get thread(): TicketThreadResponse | null {
    return this.#thread.value;
  }

  /** Fetches the thread again (and marks it read). */
  reload(): Promise<void> {
    return this.#thread.reload();
  }

  /** Moves focus to the reply box. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#reply')?.focus(options);
  }

  /** Takes a fresh copy of the thread; true (and announced) when it changed. */
  #update(thread: TicketThreadResponse): boolean {
    const before = this.#thread.value;
    if (before && threadSignature(before) === threadSignature(thread)) return false;
    this.#thread.set(thread);
    const arrived = before ? newMessagesSince(before.messages, thread.messages).length : 0;
    if (arrived > 0) this._announcement = this.strings.newMessages(arrived);
    emit<PorticoTicketLoadedDetail>(this, 'portico-ticket-updated', thread);
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.#poller.stop();
    if (this.canLoad && this.ticketId && this.pollInterval > 0) this.#poller.start();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.#focusReply) {
      this.#focusReply = false;
      this.focus();
    }
  }

  /** The files to send with the reply. */
  readonly #files = new ChosenFiles(this);

  async #reply(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const id = this.ticketId;
    if (this._busy || !id) return;
    const strings = this.strings;
    const box = this.renderRoot.querySelector<HTMLTextAreaElement>('#reply')!;
    const text = box.value.trim();
    if (!text) {
      this._replyError = strings.replyRequired;
      this.#focusReply = true;
      return;
    }
    this._busy = true;
    this._replyError = '';
    try {
      const message = await this.api.replyToTicket(id, text, { files: this.#files.files });
      box.value = '';
      this.#files.clear();
      const shown = this.#thread.value;
      if (shown && this.ticketId === id) {
        // A reply reopens a closed ticket; the next poll brings the server's own status.
        const ticket = { ...shown.ticket, status: 'open' as const, lastMessageAt: message.createdAt, messageCount: shown.ticket.messageCount + 1 };
        this.#thread.set({ ticket, messages: [...shown.messages, message] });
      }
      this._announcement = strings.replySent;
      emit<PorticoTicketReplyDetail>(this, 'portico-ticket-reply', { ticketId: id, message });
      this.#poller.nudge();
    } catch (error) {
      this.noticeError(error);
      this._replyError = this.errorText(error);
      this.#focusReply = true;
    } finally {
      this._busy = false;
    }
  }

  #attachmentHandler(): ((attachment: TicketAttachmentWire, event: Event) => void) | undefined {
    if (this.api.mode !== 'bearer') return undefined;
    return (attachment, event) => {
      event.preventDefault();
      this.api.downloadAttachment(attachment).then(
        (file) => saveBlob(file.blob, file.filename),
        (error: unknown) => {
          this.noticeError(error);
          this._announcement = this.errorText(error);
        },
      );
    };
  }

  protected override render(): TemplateResult {
    return html`<section part="thread" class="thread" lang=${this.language} dir=${this.direction} aria-labelledby="heading" aria-busy=${this.#thread.state.kind === 'loading' ? 'true' : 'false'}>
      ${this.#renderBody()}
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    </section>`;
  }

  #renderBody(): TemplateResult {
    const strings = this.strings;
    const state = this.#thread.state;
    if (state.kind === 'error') {
      return html`<h2 id="heading" class="visually-hidden">${strings.tabSupport}</h2>
        ${renderRetry(this.errorText(state.error), strings, () => void this.reload())}`;
    }
    const thread = state.kind === 'ready' ? state.value : null;
    if (!thread) return html`<h2 id="heading" class="visually-hidden">${strings.tabSupport}</h2><p class="muted" role="status">${strings.threadLoading}</p>`;
    const { ticket, messages } = thread;
    const locale = this.locale;
    return html`<header class="thread-head">
        <h2 id="heading" part="heading" dir="auto">${ticket.subject}</h2>
        <div class="thread-meta">
          <span>${this.isolate(ticketNumber(ticket, strings, locale))}</span>
          ${renderTicketStatus(ticket.status, strings, 'client')}
          ${ticket.invoiceNumber ? html`<span>${strings.aboutInvoice(this.isolate(ticket.invoiceNumber))}</span>` : nothing}
        </div>
      </header>
      ${renderMessages(messages, {
        strings,
        locale,
        timeZone: this.timeZone,
        viewer: 'client',
        isolate: (text) => this.isolate(text),
        attachmentHref: (attachment) => this.api.attachmentUrl(attachment.url),
        onAttachment: this.#attachmentHandler(),
      })}
      <form part="reply-form" class="reply" novalidate @submit=${(event: SubmitEvent) => void this.#reply(event)}>
        ${ticket.status === 'closed' ? html`<p class="notice">${strings.closedTicketNotice}</p>` : nothing}
        ${renderReplyBox(strings.replyLabel, this._replyError, this._replyError ? 'reply-error' : undefined)}
        ${renderFilePicker(this.#files, this.viewContext, 'reply-files')}
        <div class="reply-actions">
          <button part="button button-primary" class="primary" type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>
            ${this._busy ? strings.sending : strings.sendReply}
          </button>
        </div>
      </form>`;
  }
}
