import { html, nothing, type TemplateResult } from 'lit';
import type { InvoiceDetailResponse, PostalAddressWire, TaxCategoryWire, TaxNoteWire } from '@portico/wire';
import type { Strings } from '../i18n/index.js';
import { countryName, formatMoney, formatPercent } from '../shared/format.js';
import type { WidgetView } from '../shared/portico-element.js';

/**
 * What the PDF shows besides the lines: the seller ("From") and the buyer
 * ("Billed to") with their addresses and tax numbers, the tax summary per
 * VAT category and rate, the tax notes and the payment terms.
 */

type Party = InvoiceDetailResponse['parties']['seller'] | InvoiceDetailResponse['parties']['buyer'];

/** The seller's and the buyer's blocks, side by side (stacked when narrow); an estimate names its buyer "Prepared for". */
export function renderParties(doc: Pick<InvoiceDetailResponse, 'parties'>, view: WidgetView, buyerHeading: string = view.strings.billedTo): TemplateResult {
  const { seller, buyer } = doc.parties;
  const { strings } = view;
  return html`<div part="parties" class="parties">
    ${renderParty('seller', strings.invoiceFrom, seller, view, seller.legalName && seller.legalName !== seller.name ? seller.legalName : null)}
    ${renderParty('buyer', buyerHeading, buyer, view, null)}
  </div>`;
}

function renderParty(kind: 'seller' | 'buyer', heading: string, party: Party, view: WidgetView, legalName: string | null): TemplateResult {
  const { strings } = view;
  const ids: Array<[string, string | null]> = [
    [strings.vatId, party.vatId],
    [strings.taxNumber, party.taxNumber],
    [strings.registrationNumber, 'registrationNumber' in party ? party.registrationNumber : null],
  ];
  return html`<section part=${kind} class="party ${kind}" aria-labelledby="${kind}-heading">
    <h3 id="${kind}-heading">${heading}</h3>
    <p class="party-name">${party.name}</p>
    ${legalName ? html`<p class="legal-name">${legalName}</p>` : nothing}
    ${party.address ? html`<address>${addressLines(party.address, view.locale).map((line) => html`<span>${line}</span>`)}</address>` : nothing}
    <dl class="party-ids">
      ${ids.map(([label, value]) => (value ? html`<div><dt>${label}</dt><dd translate="no">${value}</dd></div>` : nothing))}
    </dl>
  </section>`;
}

/**
 * An address as its country writes it: the street lines, then the city with
 * its postcode (after it in the US, Canada and Australia, on a line of its
 * own in the UK and Ireland, first with 〒 in Japan, before it elsewhere),
 * then the country's name in the reader's language.
 */
export function addressLines(address: PostalAddressWire, locale: string): string[] {
  const { lines, postalCode, city, region, countryCode } = address;
  const code = countryCode.toUpperCase();
  const join = (...parts: Array<string | null>): string => parts.filter(Boolean).join(' ');
  let place: string[];
  switch (code) {
    case 'US':
    case 'CA':
    case 'AU':
      place = [join(region ? `${city},` : city, region, postalCode)];
      break;
    case 'GB':
    case 'IE':
      place = [city, region, postalCode].filter((part): part is string => !!part);
      break;
    case 'JP':
      return [...(postalCode ? [`〒${postalCode}`] : []), join(region, city), ...lines, countryName(code, locale)];
    default:
      place = [join(postalCode, city, region)];
  }
  return [...lines, ...place, countryName(code, locale)];
}

const categoryWord: Record<TaxCategoryWire, (strings: Strings) => string> = {
  standard: (s) => s.taxCategoryStandard,
  zero: (s) => s.taxCategoryZero,
  exempt: (s) => s.taxCategoryExempt,
  reverse_charge: (s) => s.taxCategoryReverseCharge,
};

/** One row per VAT category and rate: the taxable amount and the tax. */
export function renderTaxSummary(invoice: Pick<InvoiceDetailResponse, 'taxSummary' | 'currency'>, view: WidgetView): TemplateResult | typeof nothing {
  if (invoice.taxSummary.length === 0) return nothing;
  const { strings, locale } = view;
  const m = (amount: number): string => formatMoney(amount, invoice.currency, locale);
  return html`<table part="tax-summary" class="tax-summary">
    <caption>${strings.taxSummaryHeading}</caption>
    <thead>
      <tr>
        <th scope="col">${strings.taxSummaryRate}</th>
        <th scope="col" class="num">${strings.taxableAmount}</th>
        <th scope="col" class="num">${strings.taxAmount}</th>
      </tr>
    </thead>
    <tbody>
      ${invoice.taxSummary.map(
        (row) => html`<tr>
          <th scope="row">${categoryWord[row.category](strings)} ${formatPercent(row.rate, locale)}</th>
          <td class="num">${m(row.taxableAmount)}</td>
          <td class="num">${m(row.taxAmount)}</td>
        </tr>`,
      )}
    </tbody>
  </table>`;
}

function noteText(note: TaxNoteWire, strings: Strings): string {
  return note.text ?? (note.kind === 'reverse_charge' ? strings.taxNoteReverseCharge : strings.taxNoteExempt);
}

/** The reverse-charge and exemption notes, then the payment terms (an estimate, which asks for no payment, leaves them out). */
export function renderTerms(invoice: Pick<InvoiceDetailResponse, 'parties' | 'taxNotes'>, view: WidgetView, withPaymentTerms = true): TemplateResult | typeof nothing {
  const terms = withPaymentTerms ? invoice.parties.seller.paymentTermsText : null;
  if (invoice.taxNotes.length === 0 && !terms) return nothing;
  const { strings } = view;
  return html`<div part="terms" class="terms">
    ${invoice.taxNotes.map((note) => html`<p class="tax-note">${noteText(note, strings)}</p>`)}
    ${terms
      ? html`<section aria-labelledby="terms-heading">
          <h3 id="terms-heading">${strings.paymentTermsHeading}</h3>
          <p>${terms}</p>
        </section>`
      : nothing}
  </div>`;
}
