import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { OpenTicketRequest, TicketThreadResponse } from '@portico/wire';
import { PorticoApiError } from '../client/portico-client.js';
import { PorticoElement } from '../shared/portico-element.js';
import { sendOnCtrlEnter, ticketNumber } from '../shared/ticket-view.js';
import { newTicketStyles } from './new-ticket.styles.js';
import { emit } from '../shared/events.js';
import { ChosenFiles, renderFilePicker } from '../shared/file-picker.js';

/** Detail of `portico-ticket-created`: the new ticket and its first message, as `POST /api/tickets` answered. */
export type PorticoTicketCreatedDetail = TicketThreadResponse;

type Field = 'subject' | 'message' | 'invoiceId';

interface InvoiceChoice {
  id: string;
  label: string;
}

const SUBJECT_MAX = 200;

/**
 * The form a client opens a support ticket with: subject, message and,
 * optionally, the invoice it is about (`invoice-id` presets it; the choices
 * are the client's invoices). Empty fields are named under the field and
 * focused; the server's own refusals show the same way. Sending POSTs
 * `/api/tickets` and emits `portico-ticket-created` with the new ticket.
 *
 * @summary Open a support ticket: subject, message, optional invoice.
 *
 * @event portico-ticket-created - The ticket was opened. `detail: { ticket, messages }`.
 * @event portico-ticket-cancel - Cancel was pressed (the form is cleared).
 * @event portico-auth-required - A request answered 401: nobody is signed in, or the session ended. `detail: { error }`.
 *
 * @csspart form - The outermost box (a form).
 * @csspart heading - The heading.
 * @csspart label - Each label.
 * @csspart input - The subject input, the message box and the invoice select.
 * @csspart field-error - The message under a field that needs attention.
 * @csspart button - Every button; Send also has `button-primary`.
 * @csspart file-picker - The "Attach files" box (files can be dropped on it).
 * @csspart attach-button - Its "Attach files" control (also `button`).
 * @csspart chosen-files - The files chosen, each with its size and a `remove-file` button.
 * @csspart message - An error about the whole form.
 */
export class PorticoNewTicket extends PorticoElement {
  static override readonly tag = 'portico-new-ticket';
  static override styles = newTicketStyles;

  static override properties = {
    invoiceId: { type: String, attribute: 'invoice-id' },
    _errors: { state: true },
    _formError: { state: true },
    _busy: { state: true },
    _announcement: { state: true },
  };

  /** The invoice the ticket is about, chosen in advance (the client can change it). */
  invoiceId: string | null = null;
  private _errors: Partial<Record<Field, string>> = {};
  private _formError: string = '';
  private _busy: boolean = false;
  private _announcement: string = '';

  /** The client's invoices to choose from (the latest hundred); without them the choice is just the preset one. */
  readonly #invoices = this.resource<readonly InvoiceChoice[]>({
    load: async (signal) => {
      const page = await this.api.listInvoices({ limit: 100, sort: 'issueDate', order: 'desc' }, { signal });
      return page.invoices.filter((invoice) => invoice.number !== null).map((invoice) => ({ id: invoice.id, label: invoice.number! }));
    },
    keep: () => true,
  });

  /** The files to send with the first message. */
  readonly #files = new ChosenFiles(this);

  /** Moves focus to the subject field. */
  override focus(options?: FocusOptions): void {
    this.renderRoot.querySelector<HTMLElement>('#subject')?.focus(options);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('invoiceId') && this._errors.invoiceId) this._errors = { ...this._errors, invoiceId: undefined };
  }

  async #submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this._busy) return;
    const strings = this.strings;
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const subject = String(data.get('subject') ?? '').trim();
    const message = String(data.get('message') ?? '').trim();
    const invoiceId = String(data.get('invoiceId') ?? '');
    const errors: Partial<Record<Field, string>> = {};
    if (!subject) errors.subject = strings.subjectRequired;
    if (!message) errors.message = strings.messageRequired;
    this._errors = errors;
    this._formError = '';
    if (errors.subject || errors.message) {
      this.focusAfterUpdate(errors.subject ? '#subject' : '#message');
      return;
    }
    const body: OpenTicketRequest = invoiceId ? { subject, message, invoiceId } : { subject, message };
    this._busy = true;
    try {
      const created = await this.api.openTicket(body, { files: this.#files.files });
      form.reset();
      this.#files.clear();
      this._announcement = strings.ticketOpened(this.isolate(ticketNumber(created.ticket, strings, this.locale)));
      emit<PorticoTicketCreatedDetail>(this, 'portico-ticket-created', created);
    } catch (error) {
      this.noticeError(error);
      const field = error instanceof PorticoApiError ? fieldOf(error.field) : null;
      if (field) {
        this._errors = { [field]: this.errorText(error) };
        this.focusAfterUpdate(field === 'invoiceId' ? '#invoice' : `#${field}`);
      } else {
        this._formError = this.errorText(error);
      }
    } finally {
      this._busy = false;
    }
  }

  #cancel(): void {
    this.renderRoot.querySelector('form')?.reset();
    this.#files.clear();
    this._errors = {};
    this._formError = '';
    emit(this, 'portico-ticket-cancel');
  }

  protected override render(): TemplateResult {
    const strings = this.strings;
    const errors = this._errors;
    const preset = this.invoiceId;
    const invoices = this.#invoices.value ?? [];
    const choices = preset && !invoices.some((invoice) => invoice.id === preset) ? [{ id: preset, label: preset }, ...invoices] : invoices;
    return html`<form part="form" class="root" lang=${this.language} dir=${this.direction} aria-labelledby="heading" novalidate @submit=${(event: SubmitEvent) => void this.#submit(event)}>
      <h2 id="heading" part="heading">${strings.newTicketHeading}</h2>
      ${this._formError ? html`<p part="message" class="message error" role="alert">${this._formError}</p>` : nothing}
      <div class="field">
        <label part="label" for="subject">${strings.subjectLabel}</label>
        <input
          part="input"
          id="subject"
          name="subject"
          type="text"
          maxlength=${SUBJECT_MAX}
          autocomplete="off"
          required
          aria-invalid=${errors.subject ? 'true' : 'false'}
          aria-describedby=${ifDefined(errors.subject ? 'subject-error' : undefined)}
        />
        ${this.#fieldError('subject')}
      </div>
      <div class="field">
        <label part="label" for="message">${strings.messageLabel}</label>
        <textarea
          part="input"
          id="message"
          name="message"
          rows="8"
          required
          @keydown=${sendOnCtrlEnter}
          aria-invalid=${errors.message ? 'true' : 'false'}
          aria-describedby=${ifDefined(errors.message ? 'message-error' : undefined)}
        ></textarea>
        ${this.#fieldError('message')}
      </div>
      ${renderFilePicker(this.#files, this.viewContext)}
      ${choices.length > 0
        ? html`<div class="field">
            <label part="label" for="invoice">${strings.invoiceLabel}</label>
            <select
              part="input"
              id="invoice"
              name="invoiceId"
              aria-invalid=${errors.invoiceId ? 'true' : 'false'}
              aria-describedby=${ifDefined(errors.invoiceId ? 'invoiceId-error' : undefined)}
            >
              <option value="" ?selected=${!preset}>${strings.invoiceNone}</option>
              ${choices.map((invoice) => html`<option value=${invoice.id} ?selected=${invoice.id === preset}>${invoice.label}</option>`)}
            </select>
            ${this.#fieldError('invoiceId')}
          </div>`
        : nothing}
      <div class="actions">
        <button part="button button-primary" class="primary" type="submit" aria-disabled=${this._busy ? 'true' : 'false'}>
          ${this._busy ? strings.sending : strings.submitTicket}
        </button>
        <button part="button" type="button" @click=${this.#cancel}>${strings.cancel}</button>
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${this._announcement}</div>
    </form>`;
  }

  #fieldError(field: Field): TemplateResult | typeof nothing {
    const error = this._errors[field];
    return error ? html`<p part="field-error" class="field-error" id="${field}-error">${error}</p>` : nothing;
  }
}

function fieldOf(field: string | undefined): Field | null {
  return field === 'subject' || field === 'message' || field === 'invoiceId' ? field : null;
}
