import type { MailboxEmail } from '@portico/core';
import { html } from 'hono/html';
import { formatDateTime } from '../format.js';
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
export function mailboxEmailPage({ email, timeZone }: { email: MailboxEmail; timeZone: string }): Html {
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
        </div>
      </section>`,
  });
}
