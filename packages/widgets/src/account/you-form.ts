import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AccountResponse, AccountUpdateRequest } from '@portico/wire';
import { locales } from '../i18n/index.js';
import type { WidgetView } from '../shared/portico-element.js';
import { accountFieldLabel } from './account-labels.js';
import { invalidAttributes, renderNotice, type AccountNotice } from './account-notice.js';

export interface YouFormOptions {
  account: AccountResponse;
  view: WidgetView;
  notice: AccountNotice | null;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
}

/** The signed-in contact's own name, and the language and time zone the client chose (the language switcher). */
export function renderYouForm({ account, view, notice, busy, onSubmit }: YouFormOptions): TemplateResult {
  const { strings } = view;
  const you = account.contacts.find((contact) => contact.isYou);
  const name = invalidAttributes(notice, 'you', 'your-name');
  const language = invalidAttributes(notice, 'you', 'language');
  const zone = invalidAttributes(notice, 'you', 'time-zone');
  return html`<section part="section" class="section" aria-labelledby="you-heading">
    <h3 id="you-heading">${strings.accountYouHeading}</h3>
    ${renderNotice(notice, 'you', view, (id) => accountFieldLabel(strings, id))}
    <form part="form" class="grid" novalidate @submit=${onSubmit}>
      <div class="field">
        <label part="label" for="your-name">${strings.accountYourName}</label>
        <input
          part="input"
          id="your-name"
          name="contactName"
          type="text"
          autocomplete="name"
          maxlength="200"
          .value=${live(you?.name ?? '')}
          aria-invalid=${name.invalid}
          aria-describedby=${ifDefined(name.describedBy)}
        />
      </div>
      <div class="field">
        <label part="label" for="language">${strings.accountLanguage}</label>
        <select part="input" id="language" name="language" aria-invalid=${language.invalid} aria-describedby=${['language-hint', language.describedBy].filter(Boolean).join(' ')}>
          <option value="" ?selected=${account.language === null}>${strings.accountLanguageBusiness}</option>
          ${locales.map(
            (code) => html`<option value=${code} lang=${code} ?selected=${account.language === code}>${languageName(code)}</option>`,
          )}
        </select>
        <p class="hint muted" id="language-hint">${strings.accountLanguageIntro}</p>
      </div>
      <div class="field">
        <label part="label" for="time-zone">${strings.accountTimeZone}</label>
        <select part="input" id="time-zone" name="timeZone" aria-invalid=${zone.invalid} aria-describedby=${['time-zone-hint', zone.describedBy].filter(Boolean).join(' ')}>
          <option value="" ?selected=${account.timeZone === null}>${strings.accountTimeZoneBusiness({ zone: account.businessTimeZone })}</option>
          ${timeZoneChoices(account.timeZone).map((zoneId) => html`<option value=${zoneId} ?selected=${account.timeZone === zoneId}>${zoneId.replaceAll('_', ' ')}</option>`)}
        </select>
        <p class="hint muted" id="time-zone-hint">${strings.accountTimeZoneIntro}</p>
      </div>
      <div class="actions">
        <button part="button button-primary" class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>${busy ? strings.accountSaving : strings.accountSave}</button>
      </div>
    </form>
  </section>`;
}

/** A language named in itself (Deutsch, 日本語, العربية), as a switcher lists them for whoever reads them. */
function languageName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/**
 * Every zone the browser knows (IANA ids, `Europe/Berlin`), and the one
 * chosen even if this browser does not list it (`UTC` is missing in some).
 */
function timeZoneChoices(chosen: string | null): string[] {
  knownZones ??= typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return chosen === null || knownZones.includes(chosen) ? knownZones : [chosen, ...knownZones];
}

/** The browser's zones, asked once: the list is some 400 long, and the form renders again at every save and notice. */
let knownZones: string[] | undefined;

/** The change the form asks for: the contact's name, the language and the time zone (`null`: the business's). */
export function youPatch(form: HTMLFormElement): AccountUpdateRequest {
  const data = new FormData(form);
  const choice = (name: string): string | null => String(data.get(name) ?? '') || null;
  return { contactName: String(data.get('contactName') ?? '').trim(), language: choice('language'), timeZone: choice('timeZone') };
}
