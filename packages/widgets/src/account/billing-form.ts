import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { AccountResponse, AccountUpdateRequest, LockableClientFieldWire } from '@portico/wire';
import type { WidgetView } from '../shared/portico-element.js';
import { accountFieldLabel } from './account-labels.js';
import { invalidAttributes, renderNotice, type AccountNotice } from './account-notice.js';

export interface BillingFormOptions {
  account: AccountResponse;
  view: WidgetView;
  notice: AccountNotice | null;
  busy: boolean;
  onSubmit: (event: SubmitEvent) => void;
}

interface BillingInput {
  id: string;
  /** The form field's name, and the locked field it belongs to. */
  name: string;
  lock: LockableClientFieldWire;
  value: string;
  autocomplete: string;
  hint?: string;
  maxlength?: number;
}

/** Billing details: the name, address and tax numbers invoices print; a field the business locked is read-only with a note. */
export function renderBillingForm({ account, view, notice, busy, onSubmit }: BillingFormOptions): TemplateResult {
  const { strings } = view;
  const address = account.billingAddress;
  const inputs: BillingInput[] = [
    { id: 'billing-name', name: 'name', lock: 'name', value: account.name, autocomplete: 'organization', maxlength: 200 },
    { id: 'line1', name: 'line1', lock: 'billingAddress', value: address?.lines[0] ?? '', autocomplete: 'address-line1' },
    { id: 'line2', name: 'line2', lock: 'billingAddress', value: address?.lines.slice(1).join(', ') ?? '', autocomplete: 'address-line2' },
    { id: 'postal-code', name: 'postalCode', lock: 'billingAddress', value: address?.postalCode ?? '', autocomplete: 'postal-code' },
    { id: 'city', name: 'city', lock: 'billingAddress', value: address?.city ?? '', autocomplete: 'address-level2' },
    { id: 'region', name: 'region', lock: 'billingAddress', value: address?.region ?? '', autocomplete: 'address-level1' },
    { id: 'country', name: 'countryCode', lock: 'billingAddress', value: address?.countryCode ?? '', autocomplete: 'country', hint: strings.accountCountryHint, maxlength: 2 },
    { id: 'vat-id', name: 'vatId', lock: 'vatId', value: account.vatId ?? '', autocomplete: 'off', hint: strings.accountVatIdHint },
    { id: 'tax-number', name: 'taxNumber', lock: 'taxNumber', value: account.taxNumber ?? '', autocomplete: 'off' },
  ];
  const everyFieldLocked = inputs.every((input) => account.lockedFields.includes(input.lock));
  return html`<section part="section" class="section" aria-labelledby="billing-heading">
    <h3 id="billing-heading">${strings.accountBillingHeading}</h3>
    <p class="muted intro">${strings.accountBillingIntro}</p>
    ${renderNotice(notice, 'billing', view, (id) => accountFieldLabel(strings, id))}
    <form part="form" class="grid" novalidate @submit=${onSubmit}>
      ${inputs.map((input) => renderInput(input, account, view, notice))}
      ${everyFieldLocked
        ? nothing
        : html`<div class="actions">
            <button part="button button-primary" class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
              ${busy ? strings.accountSaving : strings.accountSave}
            </button>
          </div>`}
    </form>
  </section>`;
}

function renderInput(input: BillingInput, account: AccountResponse, view: WidgetView, notice: AccountNotice | null): TemplateResult {
  const locked = account.lockedFields.includes(input.lock);
  const { invalid, describedBy } = invalidAttributes(notice, 'billing', input.id);
  const described = [describedBy, input.hint ? `${input.id}-hint` : undefined, locked ? `${input.id}-locked` : undefined].filter(Boolean).join(' ');
  return html`<div class="field ${input.id === 'billing-name' || input.id === 'line1' || input.id === 'line2' ? 'wide' : ''}">
    <label part="label" for=${input.id}>${accountFieldLabel(view.strings, input.id)}</label>
    <input
      part=${locked ? 'input input-locked' : 'input'}
      id=${input.id}
      name=${input.name}
      type="text"
      .value=${live(input.value)}
      autocomplete=${input.autocomplete}
      maxlength=${ifDefined(input.maxlength)}
      ?readonly=${locked}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(described || undefined)}
    />
    ${input.hint ? html`<p class="hint muted" id="${input.id}-hint">${input.hint}</p>` : nothing}
    ${locked ? html`<p part="locked-note" class="hint locked" id="${input.id}-locked">${view.strings.accountLocked}</p>` : nothing}
  </div>`;
}

/**
 * The change a submitted billing form asks for: every field not locked, the
 * address whole (or `null` when all its inputs are empty). The server checks
 * them; what did not change is not written.
 */
export function billingPatch(form: HTMLFormElement, locked: readonly LockableClientFieldWire[]): AccountUpdateRequest {
  const data = new FormData(form);
  const text = (name: string): string => String(data.get(name) ?? '').trim();
  const patch: AccountUpdateRequest = {};
  if (!locked.includes('name')) patch.name = text('name');
  if (!locked.includes('vatId')) patch.vatId = text('vatId') || null;
  if (!locked.includes('taxNumber')) patch.taxNumber = text('taxNumber') || null;
  if (!locked.includes('billingAddress')) {
    const lines = [text('line1'), text('line2')].filter(Boolean);
    const [postalCode, city, region, countryCode] = [text('postalCode'), text('city'), text('region'), text('countryCode').toUpperCase()];
    patch.billingAddress =
      lines.length === 0 && !postalCode && !city && !region && !countryCode ? null : { lines, postalCode: postalCode || null, city, region: region || null, countryCode };
  }
  return patch;
}
