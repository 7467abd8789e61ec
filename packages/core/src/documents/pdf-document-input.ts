import { renderEstimatePdf, type EstimateDocumentInput } from './estimate-pdf.js';
import { renderInvoicePdf, type InvoiceDocumentInput } from './invoice-pdf.js';

/** Any document the PDF thread renders: an invoice's input or an estimate's, told apart by which one it carries. */
export type PdfDocumentInput = InvoiceDocumentInput | EstimateDocumentInput;

export function isEstimateInput(input: PdfDocumentInput): input is EstimateDocumentInput {
  return 'estimate' in input;
}

/** The PDF of an invoice or an estimate, each in its own words on the one layout. */
export function renderPdfDocument(input: PdfDocumentInput): Uint8Array {
  return isEstimateInput(input) ? renderEstimatePdf(input) : renderInvoicePdf(input);
}
