/**
 * Every failure a caller can cause carries a stable machine-readable `code`,
 * a human message, and the HTTP status the server answers with. Callers
 * branch on `code`; the message may be reworded at any time.
 */
export type PorticoErrorCode =
  | 'invalid_input'
  | 'invalid_encoding'
  | 'unknown_currency'
  | 'invalid_amount'
  | 'amount_overflow'
  | 'invalid_quantity'
  | 'invalid_tax_rate'
  | 'invalid_discount'
  | 'invalid_date'
  | 'due_before_issue'
  | 'invalid_email'
  | 'invalid_country'
  | 'invalid_iban'
  | 'invalid_bic'
  | 'invalid_vat_id'
  | 'invalid_tax_category'
  | 'not_found'
  | 'business_not_found'
  | 'client_not_found'
  | 'contact_not_found'
  | 'invoice_not_found'
  | 'payment_not_found'
  | 'duplicate'
  | 'invalid_status_transition'
  | 'invoice_not_editable'
  | 'invoice_has_no_lines'
  | 'invoice_has_payments'
  | 'invoice_not_payable'
  | 'currency_mismatch'
  | 'overpayment'
  | 'link_invalid'
  | 'link_expired'
  | 'unauthenticated'
  | 'forbidden_origin'
  | 'rate_limited'
  | 'stripe_not_configured'
  | 'payment_provider_error'
  | 'invalid_signature'
  | 'ticket_not_found'
  | 'attachment_not_found'
  | 'attachment_too_large'
  | 'attachment_type_not_allowed'
  | 'message_too_large'
  | 'inbound_email_not_found'
  | 'inbound_not_configured'
  | 'inbound_fetch_failed'
  | 'estimate_not_found'
  | 'estimate_not_editable'
  | 'estimate_has_no_lines'
  | 'estimate_not_acceptable'
  | 'estimate_expired'
  | 'field_locked'
  | 'last_invoice_recipient'
  | 'cannot_remove_self'
  | 'event_not_found'
  | 'webhook_endpoint_not_found'
  | 'webhook_delivery_not_found'
  | 'webhook_url_not_allowed';

const statusByCode: Partial<Record<PorticoErrorCode, number>> = {
  not_found: 404,
  business_not_found: 404,
  client_not_found: 404,
  contact_not_found: 404,
  invoice_not_found: 404,
  payment_not_found: 404,
  duplicate: 409,
  invalid_status_transition: 409,
  invoice_not_editable: 409,
  invoice_has_payments: 409,
  invoice_not_payable: 409,
  link_invalid: 400,
  link_expired: 410,
  unauthenticated: 401,
  forbidden_origin: 403,
  rate_limited: 429,
  stripe_not_configured: 409,
  payment_provider_error: 502,
  ticket_not_found: 404,
  attachment_not_found: 404,
  attachment_too_large: 413,
  attachment_type_not_allowed: 415,
  message_too_large: 413,
  inbound_email_not_found: 404,
  inbound_not_configured: 409,
  inbound_fetch_failed: 502,
  estimate_not_found: 404,
  estimate_not_editable: 409,
  estimate_has_no_lines: 409,
  estimate_not_acceptable: 409,
  estimate_expired: 409,
  field_locked: 403,
  last_invoice_recipient: 409,
  cannot_remove_self: 409,
  event_not_found: 404,
  webhook_endpoint_not_found: 404,
  webhook_delivery_not_found: 404,
  webhook_url_not_allowed: 400,
};

export class PorticoError extends Error {
  override readonly name = 'PorticoError';
  readonly code: PorticoErrorCode;
  /** The input field the error is about, as a dotted path (`lines.2.quantity`). */
  readonly field: string | undefined;
  readonly status: number;

  constructor(code: PorticoErrorCode, message: string, options: { field?: string } = {}) {
    super(message);
    this.code = code;
    this.field = options.field;
    this.status = statusByCode[code] ?? 400;
  }

  toJSON(): { code: PorticoErrorCode; message: string; field?: string } {
    return this.field === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, field: this.field };
  }
}

export function isPorticoError(error: unknown): error is PorticoError {
  return error instanceof PorticoError;
}
