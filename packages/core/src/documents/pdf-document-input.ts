import { renderEstimatePdf, type EstimateDocumentInput } from './estimate-pdf.js';
import { renderInvoicePdf, type InvoiceDocumentInput } from './invoice-pdf.js';
import { renderReceiptPdf, type ReceiptDocumentInput } from './receipt-pdf.js';
import { renderStatementPdf, type StatementDocumentInput } from './statement-pdf.js';

/** Any document the PDF thread renders, told apart by what it carries: an invoice, an estimate, a receipt or a statement. */
export type PdfDocumentInput = InvoiceDocumentInput | EstimateDocumentInput | ReceiptDocumentInput | StatementDocumentInput;

export function isEstimateInput(input: PdfDocumentInput): input is EstimateDocumentInput {
  return 'estimate' in input;
}

/** The PDF of any document, each in its own words on the one frame (pdf-page.ts). */
export function renderPdfDocument(input: PdfDocumentInput): Uint8Array {
  if ('receipt' in input) return renderReceiptPdf(input);
  if ('statement' in input) return renderStatementPdf(input);
  return isEstimateInput(input) ? renderEstimatePdf(input) : renderInvoicePdf(input);
}
