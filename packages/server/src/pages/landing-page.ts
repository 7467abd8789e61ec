import { textColorOn, type Business, type Locale } from '@portico/core';
import { html } from 'hono/html';
import { pageShell } from './page-shell.js';
import type { HtmlEscapedString } from 'hono/utils/html';
import { pageStrings, type PageStrings } from './page-strings.js';

export type LandingState =
  | { kind: 'continue' }
  | { kind: 'expired' | 'used' }
  | { kind: 'invalid_email' }
  | { kind: 'sent'; email: string; minutes: number }
  | { kind: 'too_many'; minutes: number };

export interface LandingPageInput {
  business: Pick<Business, 'name' | 'brandColor' | 'logoUrl' | 'slug'>;
  locale: Locale;
  state: LandingState;
  /** Where "email me a new link" posts (a path on the portal). */
  requestLinkAction: string;
}

/**
 * The page a magic link opens: the business's brand and one button. It works
 * without JavaScript (a plain form POST), loads nothing from elsewhere, and
 * consumes nothing by being opened.
 */
export function renderLandingPage({ business, locale, state, requestLinkAction }: LandingPageInput): Promise<string> | HtmlEscapedString {
  const t = pageStrings[locale];
  return pageShell({
    locale,
    title: `${business.name} · ${t.title}`,
    css: styles(business.brandColor),
    body: html`<main class="card">
  <header>
    ${business.logoUrl ? html`<img class="logo" src="${business.logoUrl}" alt="" width="48" height="48">` : ''}
    <p class="brand">${business.name}</p>
  </header>
  ${body(t, state, requestLinkAction)}
  <footer>${t.poweredBy}</footer>
</main>`,
  });
}

function body(t: PageStrings, state: LandingState, requestLinkAction: string) {
  switch (state.kind) {
    case 'continue':
      return html`<h1>${t.continueHeading}</h1>
  <p>${t.continueBody}</p>
  <form method="post"><button type="submit" autofocus>${t.continueButton}</button></form>`;
    case 'expired':
    case 'used':
      return html`<h1>${state.kind === 'expired' ? t.expiredHeading : t.usedHeading}</h1>
  <p>${t.newLinkBody}</p>
  ${requestForm(t, requestLinkAction)}`;
    case 'invalid_email':
      return html`<h1>${t.newLinkButton}</h1>
  <p role="alert">${t.invalidEmail}</p>
  ${requestForm(t, requestLinkAction)}`;
    case 'sent':
      return html`<h1>${t.sentHeading}</h1>
  <p>${t.sentBody(state.email, state.minutes)}</p>`;
    case 'too_many':
      return html`<h1>${t.tooManyHeading}</h1>
  <p>${t.tooManyBody(state.minutes)}</p>`;
  }
}

function requestForm(t: PageStrings, action: string) {
  return html`<form method="post" action="${action}">
    <label for="email">${t.emailLabel}</label>
    <input id="email" name="email" type="email" autocomplete="email" required>
    <button type="submit">${t.newLinkButton}</button>
  </form>`;
}

function styles(brand: string): string {
  // brand is validated as #rrggbb when stored, so it is safe inside CSS.
  return `
:root { color-scheme: light dark; --brand: ${brand}; --on-brand: ${textColorOn(brand)}; }
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: grid; place-items: center; padding: 24px;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif;
  background: Canvas; color: CanvasText; }
.card { width: 100%; max-width: 440px; padding: 32px; border-radius: 16px;
  border: 1px solid color-mix(in srgb, CanvasText 12%, transparent);
  box-shadow: 0 10px 30px color-mix(in srgb, CanvasText 8%, transparent); }
header { display: flex; align-items: center; gap: 12px; margin-bottom: 16px; }
.logo { border-radius: 8px; object-fit: contain; }
.brand { font-weight: 600; margin: 0; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 8px; }
p { margin: 0 0 20px; }
label { display: block; font-weight: 600; margin-bottom: 6px; }
input { width: 100%; padding: 12px; font: inherit; border-radius: 10px; margin-bottom: 12px;
  border: 1px solid color-mix(in srgb, CanvasText 30%, transparent); background: Field; color: FieldText; }
button { width: 100%; padding: 14px 20px; font: inherit; font-weight: 600; border: 0; border-radius: 10px;
  background: var(--brand); color: var(--on-brand); cursor: pointer; }
button:focus-visible, input:focus-visible { outline: 3px solid color-mix(in srgb, var(--brand) 60%, CanvasText); outline-offset: 2px; }
footer { margin-top: 24px; font-size: 0.85rem; opacity: 0.7; }
`;
}
