import { html, nothing, type TemplateResult } from 'lit';
import { PorticoApiError } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import type { WidgetView } from '../shared/portico-element.js';

/** The parts of the Account forms, each with its own confirmation or error. */
export type AccountSection = 'billing' | 'you' | 'contacts' | 'add';

/** What the last action of a section came to: shown under its heading until the next one. */
export type AccountNotice =
  | { section: AccountSection; kind: 'saved' }
  | { section: AccountSection; kind: 'added' | 'removed'; name: string }
  | { section: AccountSection; kind: 'error'; error: unknown };

/** The inputs the server's `field` names, by their id in the forms. */
const inputOfField: Record<string, string> = {
  name: 'billing-name',
  billingAddress: 'line1',
  'billingAddress.lines': 'line1',
  'billingAddress.lines.0': 'line1',
  'billingAddress.lines.1': 'line2',
  'billingAddress.postalCode': 'postal-code',
  'billingAddress.city': 'city',
  'billingAddress.region': 'region',
  'billingAddress.countryCode': 'country',
  vatId: 'vat-id',
  taxNumber: 'tax-number',
  contactName: 'your-name',
  language: 'language',
  timeZone: 'time-zone',
  'contact.name': 'new-name',
  'contact.email': 'new-email',
  email: 'new-email',
};

/** The id of the input an error is about, in the section it came from (`null`: the section as a whole). */
export function errorInput(notice: AccountNotice | null, section: AccountSection): string | null {
  if (!notice || notice.section !== section || notice.kind !== 'error' || !(notice.error instanceof PorticoApiError)) return null;
  const field = notice.error.field;
  return field === undefined ? null : (inputOfField[field] ?? null);
}

/** `aria-invalid` and `aria-describedby` of an input: pointing at the section's error when it is about this input. */
export function invalidAttributes(notice: AccountNotice | null, section: AccountSection, inputId: string): { invalid: 'true' | 'false'; describedBy: string | undefined } {
  const invalid = errorInput(notice, section) === inputId;
  return { invalid: invalid ? 'true' : 'false', describedBy: invalid ? `${section}-message` : undefined };
}

/** The section's confirmation (a polite status) or error (an alert), in the widget's language. */
export function renderNotice(notice: AccountNotice | null, section: AccountSection, view: WidgetView, labelOf: (inputId: string) => string): TemplateResult | typeof nothing {
  if (!notice || notice.section !== section) return nothing;
  if (notice.kind === 'error') {
    return html`<p part="message" class="message error" id="${section}-message" role="alert">${accountErrorText(notice, view, labelOf)}</p>`;
  }
  const { strings, isolate } = view;
  const text = notice.kind === 'saved' ? strings.accountSaved : notice.kind === 'added' ? strings.accountContactAdded(isolate(notice.name)) : strings.accountContactRemoved(isolate(notice.name));
  return html`<p part="message" class="message" id="${section}-message" role="status">${text}</p>`;
}

function accountErrorText(notice: Extract<AccountNotice, { kind: 'error' }>, view: WidgetView, labelOf: (inputId: string) => string): string {
  const { error } = notice;
  const strings: Strings = view.strings;
  if (!(error instanceof PorticoApiError)) return view.errorText(error);
  switch (error.code) {
    case 'field_locked':
      return strings.accountLocked;
    case 'last_invoice_recipient':
      return strings.accountErrorLastRecipient;
    case 'cannot_remove_self':
      return strings.accountErrorSelf;
    case 'duplicate':
      return strings.accountErrorDuplicate;
    case 'invalid_email':
      return strings.invalidEmail;
  }
  const input = errorInput(notice, notice.section);
  return input && error.status === 400 ? strings.accountErrorInvalid(labelOf(input)) : view.errorText(error);
}
