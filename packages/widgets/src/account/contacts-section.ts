import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AccountContactRequest, AccountContactWire, AccountResponse } from '@portico/wire';
import type { WidgetView } from '../shared/portico-element.js';
import { accountFieldLabel } from './account-labels.js';
import { invalidAttributes, renderNotice, type AccountNotice } from './account-notice.js';

export interface ContactsSectionOptions {
  account: AccountResponse;
  view: WidgetView;
  notice: AccountNotice | null;
  /** The contact being changed (`'add'` while one is added), or null. */
  busy: string | null;
  onToggle: (contact: AccountContactWire, receivesInvoices: boolean) => void;
  onRemove: (contact: AccountContactWire) => void;
  onAdd: (event: SubmitEvent) => void;
}

/**
 * The company's contacts: who receives invoice and estimate emails (the
 * email preference, a checkbox each, saved at once), removing a colleague
 * (not yourself), and adding one.
 */
export function renderContactsSection(options: ContactsSectionOptions): TemplateResult {
  const { account, view, notice } = options;
  const { strings } = view;
  const label = (id: string) => accountFieldLabel(strings, id);
  return html`<section part="section" class="section" aria-labelledby="contacts-heading">
      <h3 id="contacts-heading" tabindex="-1">${strings.accountContactsHeading}</h3>
      <p class="muted intro" id="contacts-intro">${strings.accountContactsIntro}</p>
      ${renderNotice(notice, 'contacts', view, label)}
      <ul part="contacts" class="contacts" aria-describedby="contacts-intro">
        ${account.contacts.map((contact) => renderContact(contact, options))}
      </ul>
    </section>
    <section part="section" class="section" aria-labelledby="add-heading">
      <h3 id="add-heading">${strings.accountAddContactHeading}</h3>
      ${renderNotice(notice, 'add', view, label)}
      <form part="form" class="grid" novalidate @submit=${options.onAdd}>
        ${addInput('new-name', 'name', 'text', 'off', options)} ${addInput('new-email', 'email', 'email', 'off', options)}
        <div class="field wide check">
          <input part="input" id="new-invoices" name="receivesInvoices" type="checkbox" checked />
          <label part="label" for="new-invoices">${strings.accountReceivesInvoices}</label>
        </div>
        <div class="actions">
          <button part="button button-primary" class="primary" type="submit" aria-disabled=${options.busy === 'add' ? 'true' : 'false'}>
            ${options.busy === 'add' ? strings.accountSaving : strings.accountAddContact}
          </button>
        </div>
      </form>
    </section>`;
}

function renderContact(contact: AccountContactWire, { view, busy, onToggle, onRemove }: ContactsSectionOptions): TemplateResult {
  const { strings, isolate } = view;
  const checkbox = `receives-${contact.id}`;
  return html`<li part="contact" class="contact" data-id=${contact.id}>
    <div class="who">
      <span class="contact-name">${contact.name}</span>
      ${contact.isYou ? html`<span class="tag">${strings.accountYou}</span>` : nothing}
      ${contact.isPrimary ? html`<span class="tag">${strings.accountPrimary}</span>` : nothing}
      <span class="muted contact-email">${contact.email}</span>
    </div>
    <div class="check">
      <input
        part="input"
        id=${checkbox}
        type="checkbox"
        .checked=${live(contact.receivesInvoices)}
        ?disabled=${busy === contact.id}
        aria-label=${strings.accountReceivesInvoicesFor(isolate(contact.name))}
        @change=${(event: Event) => onToggle(contact, (event.target as HTMLInputElement).checked)}
      />
      <label part="label" for=${checkbox} aria-hidden="true">${strings.accountReceivesInvoices}</label>
    </div>
    ${contact.isYou
      ? nothing
      : html`<button part="button remove-button" class="remove" type="button" aria-disabled=${busy === contact.id ? 'true' : 'false'} @click=${() => onRemove(contact)}>
          ${strings.accountRemoveContact(isolate(contact.name))}
        </button>`}
  </li>`;
}

function addInput(id: string, name: string, type: string, autocomplete: string, { view, notice }: ContactsSectionOptions): TemplateResult {
  const { invalid, describedBy } = invalidAttributes(notice, 'add', id);
  return html`<div class="field">
    <label part="label" for=${id}>${accountFieldLabel(view.strings, id)}</label>
    <input part="input" id=${id} name=${name} type=${type} autocomplete=${autocomplete} maxlength=${name === 'name' ? 200 : 254} required aria-invalid=${invalid} aria-describedby=${ifDefined(describedBy)} />
  </div>`;
}

/** The contact a submitted add form asks for. */
export function newContact(form: HTMLFormElement): AccountContactRequest {
  const data = new FormData(form);
  return { name: String(data.get('name') ?? '').trim(), email: String(data.get('email') ?? '').trim(), receivesInvoices: data.get('receivesInvoices') !== null };
}
