/** Core's billing rows as the wire carries them: dates as ISO text, only what the client may see. */
import { taxNotesNeeded, taxSummary, type ClientInvoice, type InvoiceLine, type InvoiceListEntry, type InvoiceParties, type Statement } from '@portico/core';
import type { AdminInvoiceListItem, InvoiceDetailResponse, InvoiceLineWire, InvoiceListItem, StatementResponse, TaxNoteWire } from '@portico/wire';

/** A list row as the wire carries it (no client id: the client knows who they are). */
export function toInvoiceListItem(entry: Omit<InvoiceListEntry, 'clientId'>): InvoiceListItem {
  return {
    id: entry.id,
    number: entry.number,
    status: entry.status,
    displayStatus: entry.displayStatus,
    currency: entry.currency,
    issueDate: entry.issueDate,
    dueDate: entry.dueDate,
    total: entry.total,
    amountPaid: entry.amountPaid,
    balance: entry.balance,
    version: entry.version,
  };
}

/** A row of the business's list: the client's row plus whose it is. */
export function toAdminInvoiceListItem(invoice: Omit<InvoiceListEntry, 'clientId'> & { clientId: string }, clientName: string): AdminInvoiceListItem {
  return { ...toInvoiceListItem(invoice), clientId: invoice.clientId, clientName };
}

export function toStatementResponse(statement: Statement): StatementResponse {
  return {
    asOf: statement.asOf,
    currencies: statement.currencies.map((figures) => ({
      currency: figures.currency,
      paidToDate: figures.paidToDate,
      outstanding: figures.outstanding,
      overdue: figures.overdue,
      aging: { ...figures.aging },
      lastPayment: figures.lastPayment && {
        amount: figures.lastPayment.amount,
        receivedAt: figures.lastPayment.receivedAt.toISOString(),
        invoiceId: figures.lastPayment.invoiceId,
        invoiceNumber: figures.lastPayment.invoiceNumber,
      },
    })),
  };
}

export function toInvoiceDetail(invoice: ClientInvoice): Omit<InvoiceDetailResponse, 'business'> {
  return {
    ...toInvoiceListItem(invoice),
    subtotal: invoice.subtotal,
    discountTotal: invoice.discountTotal,
    taxTotal: invoice.taxTotal,
    notes: invoice.notes,
    lines: invoice.lines.map(toLineWire),
    payments: invoice.payments.map((payment) => ({
      id: payment.id,
      amount: payment.amount,
      refundedAmount: payment.refundedAmount,
      receivedAt: payment.receivedAt.toISOString(),
      method: payment.method,
    })),
    client: { name: invoice.clientName },
    parties: toPartiesWire(invoice.parties),
    taxSummary: taxSummary(invoice.lines),
    taxNotes: toTaxNotes(invoice.lines, invoice.parties),
  };
}

/** Seller and buyer for the client: everything an invoice prints, nothing of the business's internal notes. */
export function toPartiesWire({ seller, buyer }: InvoiceParties): InvoiceDetailResponse['parties'] {
  return {
    seller: {
      name: seller.name,
      legalName: seller.legalName,
      address: seller.address,
      vatId: seller.vatId,
      taxNumber: seller.taxNumber,
      registrationNumber: seller.registrationNumber,
      contactEmail: seller.contactEmail,
      contactPhone: seller.contactPhone,
      bankAccount: seller.bankAccount,
      paymentInstructions: seller.paymentInstructions,
      paymentTermsText: seller.paymentTermsText,
    },
    buyer: { name: buyer.name, address: buyer.address, vatId: buyer.vatId, taxNumber: buyer.taxNumber },
  };
}

/** The reverse-charge and exemption notes a document's lines call for, in the seller's words when it has its own. */
export function toTaxNotes(lines: readonly InvoiceLine[], parties: InvoiceParties): TaxNoteWire[] {
  const needed = taxNotesNeeded(lines);
  return [
    ...(needed.reverseCharge ? [{ kind: 'reverse_charge' as const, text: parties.seller.reverseChargeNote }] : []),
    ...(needed.exempt ? [{ kind: 'exempt' as const, text: parties.seller.taxExemptNote }] : []),
  ];
}

/** A line of an invoice or an estimate, as both previews show it. */
export function toLineWire(line: InvoiceLine): InvoiceLineWire {
  return {
    description: line.description,
    quantity: line.quantity,
    unitPrice: line.unitPrice,
    taxRate: line.taxRate,
    taxCategory: line.taxCategory,
    discountAmount: line.discountAmount,
    gross: line.gross,
    tax: line.tax,
    total: line.total,
  };
}
