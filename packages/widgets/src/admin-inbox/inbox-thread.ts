import { html, nothing, type TemplateResult } from 'lit';
import type { AdminTicketThreadResponse, TicketMessageWire } from '@portico/wire';
import type { ResourceController } from '../shared/resource-controller.js';
import type { AdminWidgetStrings } from '../admin/i18n/index.js';
import type { WidgetView } from '../shared/portico-element.js';
import { renderMessages, renderReplyBox, renderRetry, renderTicketStatus, ticketNumber } from '../shared/ticket-view.js';
import { ChosenFiles, renderFilePicker } from '../shared/file-picker.js';
import { renderQuotedText } from './quoted-text.js';

/** What the inbox is doing: replying, closing or reopening, or settling a held mail (`held:<id>`). */
export type InboxBusy = 'reply' | 'status' | `held:${string}` | null;

/** What the thread pane reads of the inbox. */
export interface InboxThreadView extends WidgetView<AdminWidgetStrings> {
  busy: InboxBusy;
  /** The reply box writes an internal note. */
  internal: boolean;
  replyError: string;
  actionError: string;
  attachmentHref: (attachment: { url: string }) => string;
  setOpen: (open: boolean) => void;
  reply: (event: SubmitEvent) => void;
  /** The files chosen for the reply or note. */
  files: ChosenFiles;
  setInternal: (internal: boolean) => void;
}

/** Close or Reopen failed, or a held mail could not be settled. */
export function renderActionError(text: string): TemplateResult | typeof nothing {
  return text ? html`<p part="message" class="message error" role="alert">${text}</p>` : nothing;
}

/** The open ticket: its heading, the client's contacts, Close or Reopen, the messages, and the reply or internal-note form. */
export function renderInboxThread(ticketId: string | null, thread: ResourceController<AdminTicketThreadResponse>, view: InboxThreadView): TemplateResult {
  const { strings, locale, isolate, busy, internal, replyError } = view;
  if (!ticketId) return html`<p class="muted">${strings.inboxPickTicket}</p>`;
  const { state, value } = thread;
  if (state.kind === 'error') return renderRetry(view.errorText(state.error), strings, () => void thread.reload());
  if (!value) return html`<p class="muted" role="status">${strings.threadLoading}</p>`;
  const { ticket, messages, client } = value;
  const closed = ticket.status === 'closed';
  return html`<article class="thread" aria-labelledby="thread-heading">
    <header class="thread-head">
      <h3 id="thread-heading" tabindex="-1" dir="auto">${ticket.subject}</h3>
      <div class="thread-meta">
        <span>${isolate(ticketNumber(ticket, strings, locale))}</span>
        ${renderTicketStatus(ticket.status, strings, 'business')}
        <span class="client-name" dir="auto">${client.name}</span>
        ${ticket.invoiceNumber ? html`<span>${strings.aboutInvoice(isolate(ticket.invoiceNumber))}</span>` : nothing}
      </div>
      ${client.contacts.length > 0
        ? html`<ul part="contacts" class="contacts" aria-label=${strings.contactsLabel}>
            ${client.contacts.map((contact) => html`<li>${contact.name} <a href="mailto:${contact.email}">${contact.email}</a></li>`)}
          </ul>`
        : nothing}
      <div class="thread-actions">
        ${closed
          ? html`<button part="button reopen-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.setOpen(true)}>${strings.reopenTicket}</button>`
          : html`<button part="button close-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.setOpen(false)}>${strings.closeTicket}</button>`}
      </div>
      ${renderActionError(view.actionError)}
    </header>
    ${renderMessages(messages, {
      strings,
      locale,
      timeZone: view.timeZone,
      viewer: 'business',
      isolate,
      attachmentHref: view.attachmentHref,
      noteLabel: html`<span part="note-label" class="note-label">${lockIcon}${strings.internalNote}</span>`,
      quotedText: (message) => renderQuotedText(message.quotedText, strings),
      bounces: (message) => renderBounces(message, view),
    })}
    <form part="reply-form" class="reply ${internal ? 'note-mode' : ''}" novalidate @submit=${view.reply}>
      ${renderReplyBox(internal ? strings.internalNote : strings.replyLabel, replyError, replyError ? 'reply-error note-hint' : internal ? 'note-hint' : undefined)}
      ${internal ? html`<p class="hint" id="note-hint">${strings.internalNoteHint}</p>` : nothing}
      ${renderFilePicker(view.files, view, 'reply-files')}
      <div class="reply-actions">
        <label class="note-toggle">
          <input type="checkbox" name="internal" .checked=${internal} @change=${(event: Event) => view.setInternal((event.target as HTMLInputElement).checked)} />
          ${strings.internalNote}
        </label>
        <button part="button button-primary" class="primary" type="submit" aria-disabled=${busy === 'reply' ? 'true' : 'false'}>
          ${busy === 'reply' ? strings.sending : internal ? strings.addNote : strings.sendReply}
        </button>
      </div>
    </form>
  </article>`;
}

/** The business's own reply, where its email to a contact bounced: to whom, and the mail server's status and reason. */
function renderBounces(message: TicketMessageWire, { strings, isolate }: InboxThreadView): TemplateResult | typeof nothing {
  const bounces = message.emailBounces ?? [];
  if (bounces.length === 0) return nothing;
  return html`${bounces.map(
    (bounce) => html`<p part="bounce" class="bounce">
      ${strings.emailBounced(isolate(bounce.to))}
      ${bounce.status || bounce.reason ? html`<span class="meta" dir="auto">${[bounce.status, bounce.reason].filter(Boolean).join(' · ')}</span>` : nothing}
    </p>`,
  )}`;
}

const lockIcon = html`<svg viewBox="0 0 16 16" width="13" height="13" aria-hidden="true" focusable="false">
  <path d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2M3.5 7h9v6.5h-9z" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linejoin="round" />
</svg>`;
