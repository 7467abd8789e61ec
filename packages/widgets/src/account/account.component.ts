import { html, type TemplateResult } from 'lit';
import type { AccountContactWire, AccountResponse, AccountUpdateRequest } from '@portico/wire';
import { emit } from '../shared/events.js';
import { PorticoElement } from '../shared/portico-element.js';
import { errorInput, type AccountNotice, type AccountSection } from './account-notice.js';
import { accountStyles } from './account.styles.js';
import { billingPatch, renderBillingForm } from './billing-form.js';
import { newContact, renderContactsSection } from './contacts-section.js';
import { renderYouForm, youPatch } from './you-form.js';

/** Detail of `portico-account-saved`: the account as it now is. */
export interface PorticoAccountSavedDetail {
  account: AccountResponse;
}

/**
 * The signed-in client's own details, editable: the billing name, address
 * and tax numbers new invoices print (a field the business locked shows
 * read-only, with a note), the contact's own name and the client's
 * language, and the company's contacts: who receives invoice and estimate
 * emails, adding and removing colleagues. Each part saves on its own and
 * says how it went; every change is in the business's audit log.
 * `<portico-portal>` shows it in its Account tab.
 *
 * @summary The client's billing details, name, language and company contacts, editable.
 *
 * @event portico-account-saved - A change was saved (the language included). `detail: { account }`.
 * @event portico-auth-required - A request answered 401: the session ended. `detail: { error }`.
 *
 * @csspart account - The outermost box.
 * @csspart section - Each part: billing details, you, contacts, add a contact.
 * @csspart form - Each form.
 * @csspart label - Labels.
 * @csspart input - Inputs; a locked one also has `input-locked`.
 * @csspart locked-note - "Only the business can change this." under a locked field.
 * @csspart contacts - The list of contacts.
 * @csspart contact - One contact.
 * @csspart button - Every button; Save and Add also have `button-primary`, Remove has `remove-button`.
 * @csspart message - Confirmations and errors.
 */
export class PorticoAccount extends PorticoElement {
  static override readonly tag = 'portico-account';
  static override styles = accountStyles;

  static override properties = {
    _notice: { state: true },
    _busy: { state: true },
  };

  private _notice: AccountNotice | null = null;
  /** What is being saved: a section, a contact's id, or nothing. */
  private _busy: string | null = null;

  readonly #account = this.resource<AccountResponse>({ load: (signal) => this.api.account({ signal }), keep: () => true });

  /** The account as last loaded or saved. */
  get account(): AccountResponse | null {
    return this.#account.value;
  }

  protected override render(): TemplateResult {
    const state = this.#account.state;
    const view = this.viewContext;
    const body = (): unknown => {
      if (state.kind === 'loading') return html`<p class="muted" role="status">${view.strings.loading}</p>`;
      if (state.kind === 'error') {
        return html`<div part="message" class="message error" role="alert">
          <span>${view.errorText(state.error)}</span>
          <button part="button" type="button" @click=${() => void this.#account.reload()}>${view.strings.retry}</button>
        </div>`;
      }
      const account = state.value;
      const notice = this._notice;
      return html`${renderBillingForm({ account, view, notice, busy: this._busy === 'billing', onSubmit: (e) => this.#submit(e, 'billing', billingPatch(form(e), account.lockedFields)) })}
      ${renderYouForm({ account, view, notice, busy: this._busy === 'you', onSubmit: (e) => this.#submit(e, 'you', youPatch(form(e))) })}
      ${renderContactsSection({
        account,
        view,
        notice,
        busy: this._busy,
        onToggle: (contact, receivesInvoices) => void this.#changeContact(contact, receivesInvoices),
        onRemove: (contact) => void this.#removeContact(contact),
        onAdd: (e) => void this.#addContact(e),
      })}`;
    };
    return html`<div part="account" class="root" lang=${this.language} dir=${this.direction} aria-busy=${state.kind === 'loading' ? 'true' : 'false'}>${body()}</div>`;
  }

  #submit(event: SubmitEvent, section: AccountSection, patch: AccountUpdateRequest): void {
    event.preventDefault();
    void this.#save(section, section, () => this.api.updateAccount(patch), { section, kind: 'saved' });
  }

  async #changeContact(contact: AccountContactWire, receivesInvoices: boolean): Promise<void> {
    await this.#save(contact.id, 'contacts', () => this.api.updateAccountContact(contact.id, { receivesInvoices }), { section: 'contacts', kind: 'saved' });
  }

  async #removeContact(contact: AccountContactWire): Promise<void> {
    // The Remove button goes with its row: focus goes to the list's heading.
    await this.#save(contact.id, 'contacts', () => this.api.removeAccountContact(contact.id), { section: 'contacts', kind: 'removed', name: contact.name }, '#contacts-heading');
  }

  async #addContact(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const target = form(event);
    const contact = newContact(target);
    if (await this.#save('add', 'add', () => this.api.addAccountContact(contact), { section: 'add', kind: 'added', name: contact.name })) target.reset();
  }

  /**
   * Runs one change (one at a time), shows the account the server answers
   * and tells the page (focus to `focusWhenDone`, if given); a failure keeps what is on screen (a checkbox flips
   * back) and says why, focus on the input it is about.
   */
  async #save(busy: string, section: AccountSection, change: () => Promise<AccountResponse>, done: AccountNotice, focusWhenDone?: string): Promise<boolean> {
    if (this._busy !== null) return false;
    this._busy = busy;
    this._notice = null;
    try {
      const account = await change();
      if (focusWhenDone) this.focusAfterUpdate(focusWhenDone);
      this.#account.set(account);
      this._notice = done;
      emit<PorticoAccountSavedDetail>(this, 'portico-account-saved', { account });
      return true;
    } catch (error) {
      this.noticeError(error);
      this._notice = { section, kind: 'error', error };
      const input = errorInput(this._notice, section);
      this.focusAfterUpdate(input ? `#${input}` : `#${section}-message`);
      this.requestUpdate();
      return false;
    } finally {
      this._busy = null;
    }
  }
}

function form(event: SubmitEvent): HTMLFormElement {
  return event.currentTarget as HTMLFormElement;
}
