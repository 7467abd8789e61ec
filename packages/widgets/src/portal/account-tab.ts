import { html, nothing, type TemplateResult } from 'lit';
import type { PorticoAccountSavedDetail } from '../account/account.component.js';
import { formatDateTime } from '../shared/format.js';
import type { PortalTabContext } from './portal-tabs.js';

/**
 * The Account tab: who is signed in and until when, then the client's own
 * details to edit (`<portico-account>`, registered by `portal.ts`); a saved
 * change (a new name, a new language) reaches the portal's header and
 * language at once.
 */
export function renderAccountTab(context: PortalTabContext): TemplateResult {
  const { session, strings, locale, client } = context;
  const formatted = formatDateTime(session.expiresAt, locale, session.timeZone);
  const onSaved = (event: CustomEvent<PorticoAccountSavedDetail>): void => context.accountSaved(event.detail.account);
  return html`
    <h2 class="panel-heading">${strings.accountHeading}</h2>
    <dl class="facts" part="account">
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
    <portico-account .client=${client} lang=${locale} @portico-account-saved=${onSaved} @portico-auth-required=${context.sessionEnded}></portico-account>
  `;
}
