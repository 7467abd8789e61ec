import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { TicketAttachmentWire, TicketMessageWire, TicketStatusWire, TicketSummaryWire } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { formatBytes, formatDateTime } from './format.js';

/**
 * What the ticket widgets share: the status badge, the messages of a thread
 * and a message box. The client's thread and the business's inbox render
 * the same messages; only the business ever receives internal notes, and
 * they are drawn unlike any message a client can see.
 */

/**
 * A failed poll that no retry can mend: signed out (401), not allowed (403),
 * or no such ticket or route (404, a server without tickets). Polling stops.
 */
export function endsPolling(error: unknown): boolean {
  return error instanceof PorticoApiError && (error.status === 401 || error.status === 403 || error.status === 404);
}

/** Whose screen the thread is on: the client's own messages say "You" there. */
export type TicketViewer = 'client' | 'business';

export function ticketStatusLabel(status: TicketStatusWire, strings: Strings, viewer: TicketViewer): string {
  if (status === 'closed') return strings.ticketStatusClosed;
  if (status === 'pending') return viewer === 'business' ? strings.filterPending : strings.ticketStatusPending;
  return strings.ticketStatusOpen;
}

export function renderTicketStatus(status: TicketStatusWire, strings: Strings, viewer: TicketViewer): TemplateResult {
  return html`<span part="status status-${status}" class="status ticket-${status}">${ticketStatusLabel(status, strings, viewer)}</span>`;
}

/** "#12", the number written the language's way. */
export function ticketNumber(ticket: Pick<TicketSummaryWire, 'number'>, strings: Strings, locale: string): string {
  return strings.ticketNumber(new Intl.NumberFormat(locale, { useGrouping: false }).format(ticket.number));
}

/** An instant as a `<time>`, in the locale and the zone times are shown in. */
export function renderTime(iso: string, locale: string, timeZone: string | undefined): TemplateResult {
  return html`<time datetime=${iso}>${formatDateTime(iso, locale, timeZone)}</time>`;
}

/** The dot of an unread ticket, with its word for screen readers. */
export function renderUnreadMark(strings: Strings): TemplateResult {
  return html`<span part="unread" class="unread-dot"><span class="visually-hidden">${strings.ticketUnread}</span></span>`;
}

export interface TicketRowOptions {
  strings: Strings;
  locale: string;
  timeZone: string | undefined;
  viewer: TicketViewer;
  /** The ticket shown beside the list. */
  selected: boolean;
  /** Wraps a name or number for right-to-left text. */
  isolate: (text: string) => string;
  /** The first words of the last message, under the rest. */
  preview: boolean;
  onOpen: () => void;
}

/** A ticket in a list: a button with the unread dot, subject, status and a line of details. */
export function renderTicketRow(ticket: TicketSummaryWire & { clientName?: string }, options: TicketRowOptions): TemplateResult {
  const { strings, locale, timeZone, selected, isolate } = options;
  const parts = ['ticket', ticket.unread ? 'ticket-unread' : '', selected ? 'ticket-selected' : ''].filter(Boolean).join(' ');
  return html`<li>
    <button part=${parts} class="ticket ${ticket.unread ? 'unread' : ''}" type="button" data-id=${ticket.id} aria-current=${selected ? 'true' : 'false'} @click=${options.onOpen}>
      ${ticket.unread ? renderUnreadMark(strings) : nothing}
      <span class="subject" dir="auto">${ticket.subject}</span>
      ${renderTicketStatus(ticket.status, strings, options.viewer)}
      <span class="ticket-meta">
        <span>${isolate(ticketNumber(ticket, strings, locale))}</span>
        ${ticket.clientName ? html`<span class="client-name" dir="auto">${ticket.clientName}</span>` : nothing}
        <time datetime=${ticket.lastMessageAt}>${strings.lastActivity(formatDateTime(ticket.lastMessageAt, locale, timeZone))}</time>
        ${ticket.invoiceNumber ? html`<span>${strings.aboutInvoice(isolate(ticket.invoiceNumber))}</span>` : nothing}
        ${options.preview && ticket.preview ? html`<span class="preview" dir="auto">${ticket.preview}</span>` : nothing}
      </span>
    </button>
  </li>`;
}

/** An error with a Try again button. */
export function renderRetry(text: string, strings: Strings, retry: () => void): TemplateResult {
  return html`<div part="message" class="message error" role="alert">
    <span>${text}</span>
    <button part="button retry" type="button" @click=${retry}>${strings.retry}</button>
  </div>`;
}

export interface MessagesOptions {
  strings: Strings;
  locale: string;
  timeZone: string | undefined;
  viewer: TicketViewer;
  /** The address of an attachment (the server's base joined to its wire `url`). */
  attachmentHref: (attachment: TicketAttachmentWire) => string;
  /** Wraps a name for right-to-left text (a file name keeps its dots and dashes in place). */
  isolate: (text: string) => string;
  /** Set when a plain link cannot carry the credentials (bearer mode): the click is handled instead. */
  onAttachment?: ((attachment: TicketAttachmentWire, event: Event) => void) | undefined;
  /**
   * The business's screen only (the inbox's, admin-inbox/inbox-thread.ts):
   * the label of an internal note, under an email reply what the stripper
   * removed from it, and under a message its bounced emails.
   */
  noteLabel?: TemplateResult;
  quotedText?: (message: TicketMessageWire) => TemplateResult | typeof nothing;
  bounces?: (message: TicketMessageWire) => TemplateResult | typeof nothing;
}

/** A thread's messages, oldest first. */
export function renderMessages(messages: readonly TicketMessageWire[], options: MessagesOptions): TemplateResult {
  return html`<ol part="messages" class="messages">
    ${messages.map((message) => renderMessage(message, options))}
  </ol>`;
}

function messageKind(message: TicketMessageWire): 'note' | 'client' | 'business' | 'system' {
  if (message.internal) return 'note';
  return message.authorKind;
}

function renderMessage(message: TicketMessageWire, options: MessagesOptions): TemplateResult {
  const { strings, locale, timeZone, viewer } = options;
  const kind = messageKind(message);
  const own = (viewer === 'client' && kind === 'client') || (viewer === 'business' && (kind === 'business' || kind === 'note'));
  const author = viewer === 'client' && kind === 'client' ? strings.you : message.authorName;
  return html`<li part="entry entry-${kind}" class="message-item ${kind} ${own ? 'own' : 'other'}" data-id=${message.id}>
    <div class="message-head">
      ${kind === 'note' ? (options.noteLabel ?? nothing) : nothing}
      <span part="author" class="author" dir="auto">${author}</span>
      <span class="meta">${renderTime(message.createdAt, locale, timeZone)}</span>
      ${message.source === 'email' ? html`<span class="meta">${strings.viaEmail}</span>` : nothing}
    </div>
    <div part="body" class="body" dir="auto">${message.body}</div>
    ${options.quotedText ? options.quotedText(message) : nothing}
    ${options.bounces ? options.bounces(message) : nothing}
    ${message.attachments.length > 0
      ? html`<ul part="attachments" class="attachments" aria-label=${strings.attachments}>
          ${message.attachments.map(
            (attachment) => html`<li>
              <a
                part="attachment"
                href=${options.attachmentHref(attachment)}
                download=${attachment.filename}
                @click=${options.onAttachment ? (event: Event) => options.onAttachment!(attachment, event) : nothing}
                >${clipIcon}${strings.attachmentLink(options.isolate(attachment.filename), formatBytes(attachment.size, locale))}</a
              >
            </li>`,
          )}
        </ul>`
      : nothing}
  </li>`;
}

/** Ctrl+Enter (⌘+Enter) in a message box sends its form; Enter alone starts a new line. */
export function sendOnCtrlEnter(event: KeyboardEvent): void {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  (event.currentTarget as HTMLTextAreaElement).form?.requestSubmit();
}

/** A reply's message box (`#reply`: Ctrl+Enter sends), its label and the message under it when it is wrong; `describedBy` names what describes it. */
export function renderReplyBox(label: string, error: string, describedBy: string | undefined): TemplateResult {
  return html`<label part="label" for="reply">${label}</label>
    <textarea part="input" id="reply" name="reply" rows="4" @keydown=${sendOnCtrlEnter} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}></textarea>
    ${error ? html`<p part="field-error" class="field-error" id="reply-error">${error}</p>` : nothing}`;
}

/** Saves a downloaded file through a temporary `<a download>` (bearer mode, where a plain link carries no token). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A short fingerprint of a thread: it changes when a message arrives or the status moves. */
export function threadSignature(thread: { ticket: TicketSummaryWire; messages: readonly TicketMessageWire[] }): string {
  return `${thread.ticket.status}|${thread.messages.length}|${thread.messages.at(-1)?.id ?? ''}`;
}

/** Messages of `next` that `previous` did not have. */
export function newMessagesSince(previous: readonly TicketMessageWire[], next: readonly TicketMessageWire[]): TicketMessageWire[] {
  const seen = new Set(previous.map((message) => message.id));
  return next.filter((message) => !seen.has(message.id));
}

export const backIcon = html`<svg class="back-icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M10 3 5 8l5 5" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

const clipIcon = html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
  <path d="M13 7.5 8 12.5a3 3 0 0 1-4.2-4.2l5.3-5.3a2 2 0 0 1 2.8 2.8L6.6 11a1 1 0 0 1-1.4-1.4L9.8 5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" />
</svg>`;
