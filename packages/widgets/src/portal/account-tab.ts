import { html, nothing, type TemplateResult } from 'lit';
import { formatDateTime } from '../shared/format.js';
import type { PortalTabContext } from './portal-tabs.js';

/** The Account tab: who is signed in, for which client, and until when. */
export function renderAccountTab({ session, strings, locale }: PortalTabContext): TemplateResult {
  const formatted = formatDateTime(session.expiresAt, locale, session.timeZone);
  return html`
    <h2 class="panel-heading">${strings.accountHeading}</h2>
    <dl class="facts" part="account">
      <div class="fact">
        <dt>${strings.accountClient}</dt>
        <dd>${session.client.name}</dd>
      </div>
      <div class="fact">
        <dt>${strings.accountContact}</dt>
        <dd>${session.contact ? session.contact.name : strings.accountNoContact}</dd>
      </div>
      ${session.contact
        ? html`<div class="fact">
            <dt>${strings.accountEmail}</dt>
            <dd>${session.contact.email}</dd>
          </div>`
        : nothing}
      <div class="fact">
        <dt>${strings.accountSessionEnds}</dt>
        <dd><time datetime=${session.expiresAt}>${formatted}</time></dd>
      </div>
    </dl>
  `;
}
