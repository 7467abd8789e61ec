import { html, nothing, type TemplateResult } from 'lit';
import type { InvoiceDetailResponse } from '@portico/wire';
import { formatDate, formatMoney } from '../shared/format.js';
import type { WidgetView } from '../shared/portico-element.js';

/** What the payments list needs of the preview besides its language: each payment's receipt link and how a click on it downloads. */
export interface PaymentsView extends WidgetView {
  receiptUrl: (paymentId: string) => string;
  /** In bearer mode, fetches the receipt with the token (a plain link carries none). */
  receiptClick: (paymentId: string) => (event: MouseEvent) => void;
}

/** The payments received, oldest first, each with its date, method, amount (and refund) and a link to its receipt. */
export function renderPayments(invoice: InvoiceDetailResponse, view: PaymentsView): TemplateResult | typeof nothing {
  if (invoice.payments.length === 0) return nothing;
  const { strings, locale } = view;
  const m = (amount: number): string => formatMoney(amount, invoice.currency, locale);
  return html`<section part="payments" class="payments" aria-labelledby="payments-heading">
    <h3 id="payments-heading">${strings.paymentsHeading}</h3>
    <ul>
      ${invoice.payments.map((payment) => {
        const date = formatDate(payment.receivedAt, locale, 'medium', view.timeZone);
        return html`<li>
          <span><time datetime=${payment.receivedAt}>${strings.paymentOn(date)}</time> · ${strings.paymentMethod(payment.method)}</span>
          <span class="amount">${m(payment.amount)}${payment.refundedAmount > 0 ? html` <span class="refunded">(−${m(payment.refundedAmount)})</span>` : nothing}</span>
          <a
            part="receipt-link"
            class="receipt-link"
            href=${view.receiptUrl(payment.id)}
            download
            aria-label=${strings.paymentReceiptLabel(date, m(payment.amount))}
            @click=${view.receiptClick(payment.id)}
            >${strings.paymentReceipt}</a
          >
        </li>`;
      })}
    </ul>
  </section>`;
}
