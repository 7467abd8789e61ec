import type { CheckoutResponse, CheckoutStatusResponse, InvoiceListItem } from '@portico/wire';

/** The invoice fields the button reads: a list row or a whole invoice will do. */
export type PayableInvoice = Pick<InvoiceListItem, 'id' | 'number' | 'status' | 'displayStatus' | 'currency' | 'total' | 'amountPaid' | 'balance' | 'version'>;

/** Where a payment stands. */
export type Phase =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'open'; checkout: CheckoutResponse; inPlace: boolean }
  | { kind: 'confirming' }
  | { kind: 'paid' }
  | { kind: 'processing' }
  | { kind: 'message'; tone: 'error' | 'info'; text: string };

/** What the button shows; reflected as its `state` attribute. */
export type PayButtonState = 'hidden' | 'ready' | 'starting' | 'open' | 'confirming' | 'paid' | 'processing' | 'message';

/** The `state` for a phase: before a payment, `ready` when the invoice can be paid here, else `hidden`. */
export function payButtonState(phase: Phase, payable: boolean): PayButtonState {
  if (phase.kind === 'idle') return payable ? 'ready' : 'hidden';
  return phase.kind;
}

/** Detail of `portico-invoice-paid`. */
export interface PorticoInvoicePaidDetail {
  invoiceId: string;
  /** The invoice as it now stands (status, display status, amount paid, balance, version). */
  invoice: CheckoutStatusResponse['invoice'];
}

/** Detail of `portico-checkout-open`. */
export interface PorticoCheckoutOpenDetail {
  invoiceId: string;
  sessionId: string;
}

/** Detail of `portico-checkout-close`: why Stripe's form went away. */
export interface PorticoCheckoutCloseDetail {
  invoiceId: string;
  reason: 'cancelled' | 'completed' | 'paid-elsewhere' | 'failed';
}
