import type { MailboxAttachment, MailboxEmail } from '@portico/core';
import { html } from 'hono/html';
import { formatDateTime, formatKilobytes } from '../format.js';
import { layout, type Html } from '../layout.js';

const mailboxNote = html`<p class="portal-note">
  The demo sends email to this development mailbox instead of the world. Open a message and press its button as a client would.
</p>`;

/** Every email the demo "sent", newest first. */
export function mailboxPage({ emails, timeZone }: { emails: MailboxEmail[]; timeZone: string }): Html {
  return layout({
    title: 'Mailbox',
    path: '/mailbox',
    body: html`
      <section class="section">
        <div class="wrap">
          <p class="eyebrow">Development mailbox</p>
          <h1>Mailbox</h1>
          ${mailboxNote}
          ${emails.length === 0
            ? html`<p>No mail yet. Send an invoice from the <a href="/admin#invoices">dashboard</a>.</p>`
            : html`<ul class="mail-list" aria-label="Emails">
                ${emails.map(
                  (email) => html`<li>
                    <a href="/mailbox/${email.id}">
                      <span class="mail-subject">${email.subject}</span>
                      <span class="mail-meta">To ${email.to} · ${formatDateTime(email.deliveredAt, timeZone)}</span>
                    </a>
                  </li>`,
                )}
              </ul>`}
        </div>
      </section>`,
  });
}

/**
 * One email: its HTML as a mail client shows it (sandboxed; its links open a
 * new tab, as from webmail), and the plain-text part.
 */
export function mailboxEmailPage({
  email,
  attachments,
  timeZone,
  replyOutcome,
}: {
  email: MailboxEmail;
  attachments: MailboxAttachment[];
  timeZone: string;
  replyOutcome?: string | undefined;
}): Html {
  return layout({
    title: email.subject,
    path: '/mailbox',
    body: html`
      <section class="section">
        <div class="wrap">
          <p class="eyebrow"><a href="/mailbox">Mailbox</a></p>
          <h1 class="mail-title">${email.subject}</h1>
          <dl class="mail-headers">
            <dt>From</dt><dd>${email.from}</dd>
            <dt>To</dt><dd>${email.to}</dd>
            <dt>Sent</dt><dd>${formatDateTime(email.deliveredAt, timeZone)}</dd>
            ${attachments.length > 0
              ? html`<dt>Attached</dt>
                  <dd>
                    <ul class="mail-attachments">
                      ${attachments.map(
                        (file) => html`<li><a href="/mailbox/${email.id}/attachments/${file.id}" download="${file.filename}">${file.filename}</a> (${formatKilobytes(file.size)})</li>`,
                      )}
                    </ul>
                  </dd>`
              : ''}
          </dl>
          <iframe
            class="mail-frame"
            title="The email as a mail client shows it"
            sandbox="allow-popups allow-popups-to-escape-sandbox"
            srcdoc="${email.html}"
          ></iframe>
          <details class="mail-text">
            <summary>Plain-text version</summary>
            <pre>${email.text}</pre>
          </details>
          ${email.replyTo ? replyForm(email, replyOutcome) : ''}
        </div>
      </section>`,
  });
}

const replyOutcomes: Record<string, string> = {
  appended: 'Your reply reached the ticket: the studio sees it in its inbox, without the quoted email.',
  opened: 'Your email opened a new ticket.',
  held: 'Your reply was held for the studio to review (it did not come from the address the email went to).',
  ignored: 'Portico took your email for an automatic answer and left the ticket alone.',
  duplicate: 'That email had arrived before; nothing changed.',
  empty: 'Write something first.',
  failed: 'Portico refused the email.',
};

/** "Reply" as the recipient's mail program would send it: to the Reply-To address, with the email quoted below. */
function replyForm(email: MailboxEmail, outcome: string | undefined): Html {
  const notice = outcome === undefined ? undefined : (replyOutcomes[outcome] ?? replyOutcomes['failed']);
  return html`<form class="mail-reply" method="post" action="/mailbox/${email.id}/reply">
    <h2>Reply by email</h2>
    ${notice ? html`<p class="portal-note" role="status">${notice}</p>` : ''}
    <p class="mail-meta">From ${email.to} to ${email.replyTo}. The original is quoted below your text, as a mail program does.</p>
    <label for="reply-text">Your reply</label>
    <textarea id="reply-text" name="text" rows="5" required></textarea>
    <button class="button" type="submit">Send reply</button>
  </form>`;
}
