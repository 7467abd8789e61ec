import { html, nothing, type TemplateResult } from 'lit';
import type { InvoiceDetailResponse } from '@portico/wire';
import type { WidgetView } from '../shared/portico-element.js';
import { isOpen } from './document-parts.js';

/**
 * "How to pay" of an open invoice: the bank transfer details (each with a
 * Copy button), the seller's own instructions, or, with neither card
 * payments nor a bank account, whom to contact. The Pay now button is the
 * component's (it stays in place when the invoice becomes paid).
 */
export interface HowToPayView extends WidgetView {
  /** The business takes card payments: `undefined` while not known yet. */
  onlinePayments: boolean | undefined;
  /** The field last copied (its label), shown as "Copied" for a moment. */
  copied: string | null;
  copy: (label: string, value: string) => void;
}

/** `DE89370400440532013000` → `DE89 3704 0044 0532 0130 00`, for reading. */
export function groupIban(iban: string): string {
  return iban.replace(/\s+/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

/**
 * Under the totals: the pay button, always in the same place (it shows
 * "Paid" once paid), and for an open invoice the "How to pay" around it,
 * with a live region that announces a copy.
 */
export function renderHowToPay(invoice: InvoiceDetailResponse, view: HowToPayView, payButton: TemplateResult): TemplateResult {
  const open = isOpen(invoice);
  return html`<div part=${open ? 'how-to-pay' : nothing} class="how-to-pay" role=${open ? 'region' : nothing} aria-labelledby=${open ? 'how-to-pay-heading' : nothing}>
    ${open ? html`<h3 id="how-to-pay-heading">${view.strings.howToPayHeading}</h3>` : nothing} ${payButton} ${open ? renderWays(invoice, view) : nothing}
    <span class="visually-hidden" role="status" aria-live="polite">${view.copied ? view.strings.copiedAnnouncement(view.copied) : ''}</span>
  </div>`;
}

/** What follows the Pay now button. */
function renderWays(invoice: InvoiceDetailResponse, view: HowToPayView): TemplateResult {
  const { strings } = view;
  const seller = invoice.parties.seller;
  const bank = seller.bankAccount;
  const iban = bank?.iban?.replace(/\s+/g, '') ?? null;
  const rows: Array<[string, string | null, string | null]> = bank
    ? [
        [strings.accountHolder, bank.accountHolder, bank.accountHolder],
        [strings.bankName, bank.bankName, null],
        [strings.iban, iban && groupIban(iban), iban],
        [strings.bic, bank.bic, bank.bic],
        [strings.accountNumber, bank.accountNumber, bank.accountNumber],
        [strings.routingNumber, bank.routingNumber, bank.routingNumber],
        [strings.paymentReference, invoice.number, invoice.number],
      ]
    : [];
  return html`${bank
      ? html`<section part="bank-transfer" class="bank-transfer" aria-labelledby="bank-heading">
          <h4 id="bank-heading">${strings.bankTransferHeading}</h4>
          <dl>
            ${rows.map(([label, shown, copied]) =>
              shown
                ? html`<div>
                    <dt>${label}</dt>
                    <dd><span class="value" dir="ltr" translate="no">${shown}</span>${copied ? renderCopy(label, copied, view) : nothing}</dd>
                  </div>`
                : nothing,
            )}
          </dl>
        </section>`
      : nothing}
    ${seller.paymentInstructions ? html`<p part="payment-instructions" class="payment-instructions">${seller.paymentInstructions}</p>` : nothing}
    ${!bank && view.onlinePayments === false ? renderContact(seller, view) : nothing}`;
}

function renderCopy(label: string, value: string, view: HowToPayView): TemplateResult {
  const done = view.copied === label;
  return html`<button part="button copy-button" type="button" class="copy" aria-label=${done ? nothing : view.strings.copyValue(label)} @click=${() => view.copy(label, value)}>
    ${done ? view.strings.copied : view.strings.copy}
  </button>`;
}

function renderContact(seller: InvoiceDetailResponse['parties']['seller'], view: HowToPayView): TemplateResult {
  const { strings } = view;
  return html`<p part="contact" class="contact">
    ${strings.payContact(view.isolate(seller.name))}
    ${seller.contactEmail ? html`<a href="mailto:${seller.contactEmail}" dir="ltr">${seller.contactEmail}</a>` : nothing}
    ${seller.contactPhone ? html`<a href="tel:${seller.contactPhone.replace(/[^+\d]/g, '')}" dir="ltr">${seller.contactPhone}</a>` : nothing}
  </p>`;
}
