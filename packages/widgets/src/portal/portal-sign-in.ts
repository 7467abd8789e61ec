import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Strings } from '../i18n/index.js';
import type { Brand, PortalSession } from './portal-session.js';

/** The portal's top bar: the business's logo and name, and what goes beside them (who is signed in, sign-out). */
export function renderBrandHeader(brand: Brand | null, name: string | null, strings: Strings, extra: TemplateResult | typeof nothing = nothing): TemplateResult {
  const logo = brand?.logoUrl;
  return html`
    <header part="header" class="header">
      <div part="brand" class="brand">
        ${logo ? html`<img part="logo" class="logo" src=${logo} alt="" />` : nothing}
        <span class="business-name">${name ?? strings.portalTitle}</span>
      </div>
      ${extra}
    </header>
  `;
}

/** The session's confirmation or error, if there is one. */
export function renderSessionMessage(session: PortalSession): TemplateResult | typeof nothing {
  const { message } = session;
  if (!message) return nothing;
  return html`<p id="message" part="message" class="message ${message.tone}" role=${message.tone === 'error' ? 'alert' : 'status'}>
    ${message.text}
  </p>`;
}

/** Every view but the signed-in one: finding out, "Continue" with a link, and the email form. */
export function renderSignIn(session: PortalSession, strings: Strings, name: string | null): TemplateResult {
  const header = renderBrandHeader(session.brand, name, strings);
  const { view } = session;
  if (view.kind === 'continue') {
    return html`${header}
      <div part="panel" class="panel narrow">
        <h2 class="panel-heading">${strings.continueHeading}</h2>
        <p>${strings.continueBody}</p>
        <button part="button button-primary" class="primary" type="button" ?disabled=${session.busy} @click=${() => void session.continue()}>
          ${session.busy ? strings.signingIn : strings.continueButton}
        </button>
        ${renderSessionMessage(session)}
      </div>`;
  }
  if (view.kind !== 'signed-out') {
    return html`${header}
      <div part="panel" class="panel"><p class="loading" role="status">${strings.loading}</p></div>`;
  }
  if (session.formState === 'sent') {
    return html`${header}
      <div part="panel" class="panel narrow">
        <div part="message" class="message sent" role="status">
          <h2 id="sent-heading" class="panel-heading" tabindex="-1">${strings.linkSentHeading}</h2>
          <p>${strings.linkSentBody}</p>
        </div>
        <button part="button" type="button" @click=${session.resetForm}>${strings.sendAnotherLink}</button>
      </div>`;
  }
  const sending = session.formState === 'sending';
  const invalid = session.message?.field === 'email';
  return html`${header}
    <div part="panel" class="panel narrow">
      <h2 class="panel-heading">${strings.signInHeading(name ?? strings.portalTitle)}</h2>
      ${renderSessionMessage(session)}
      <p>${strings.signInIntro}</p>
      <form part="form" class="form" novalidate @submit=${(event: SubmitEvent) => void session.requestLink(event)}>
        <label part="label" for="email">${strings.emailLabel}</label>
        <input
          part="input"
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          inputmode="email"
          spellcheck="false"
          required
          placeholder=${strings.emailPlaceholder}
          aria-invalid=${invalid ? 'true' : 'false'}
          aria-describedby=${ifDefined(invalid ? 'message' : undefined)}
          ?disabled=${sending}
        />
        <button part="button button-primary" class="primary" type="submit" ?disabled=${sending}>
          ${sending ? strings.requestingLink : strings.requestLinkButton}
        </button>
      </form>
    </div>`;
}
