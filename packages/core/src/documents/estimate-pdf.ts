import { formatCalendarDate, formatInstantDate } from '../email/templates/formatting.js';
import type { Estimate } from '../estimates/estimate-model.js';
import type { EstimateDisplayStatus } from '../estimates/estimate-status.js';
import type { InvoiceParties } from '../invoices/invoice-parties.js';
import type { Locale } from '../shared/locales.js';
import { renderDocumentPdf, type PdfDocumentModel, type StatusTone } from './document-pdf.js';
import { documentStrings } from './document-strings.js';
import { documentFileId } from './invoice-pdf.js';

/** What an estimate PDF shows besides the estimate itself. */
export interface EstimateDocumentInput {
  estimate: Estimate;
  /** `timeZone` dates the acceptance where the business is (default UTC). */
  business: { id: string; name: string; brandColor: string; logoUrl?: string | null; timeZone?: string };
  client: { name: string };
  /** Seller and buyer details as they are now (an estimate freezes none); without them the PDF shows names only. */
  parties?: InvoiceParties;
  locale: Locale;
}

/** Characters of the accepted version's SHA-256 printed on the PDF: enough to tell versions apart at a glance. */
export const PRINTED_HASH_LENGTH = 12;

const statusTones: Record<EstimateDisplayStatus, StatusTone> = {
  draft: 'neutral',
  sent: 'info',
  expired: 'warning',
  accepted: 'success',
  converted: 'success',
  declined: 'danger',
  void: 'danger',
};

/**
 * An estimate as an A4 PDF, in the invoice's layout (document-pdf.ts): number,
 * issue date and valid-until, buyer, lines, totals, tax summary and notes; no
 * payments and no payment details. An accepted estimate says who accepted
 * it, when, and the start of the hash of the version they accepted.
 */
export function renderEstimatePdf(input: EstimateDocumentInput): Uint8Array {
  return renderDocumentPdf(estimatePdfModel(input));
}

function estimatePdfModel(input: EstimateDocumentInput): PdfDocumentModel {
  const { estimate, locale } = input;
  const s = documentStrings[locale];
  const acceptance = estimate.acceptance;
  return {
    locale,
    fileId: documentFileId(input.business.id, estimate.id, estimate.version, locale),
    fileTitle: `Estimate ${estimate.number}`,
    createdAt: estimate.createdAt,
    business: input.business,
    clientName: input.client.name,
    ...(input.parties ? { parties: input.parties } : {}),
    heading: estimate.status === 'draft' ? s.draftEstimateTitle : s.estimateTitle,
    numberLine: `${s.estimateNumber} ${estimate.number}`,
    recipientLabel: s.preparedFor,
    dates: [
      [s.issueDate, formatCalendarDate(estimate.issueDate, locale)],
      [s.validUntil, formatCalendarDate(estimate.validUntil, locale)],
    ],
    status: { text: s.estimateStatus[estimate.displayStatus], tone: statusTones[estimate.displayStatus] },
    currency: estimate.currency,
    lines: estimate.lines,
    subtotal: estimate.subtotal,
    discountTotal: estimate.discountTotal,
    taxTotal: estimate.taxTotal,
    total: estimate.total,
    afterTotal: [],
    band: null,
    statement: acceptance
      ? s.acceptedBy({
          name: acceptance.name,
          date: formatInstantDate(acceptance.at, locale, input.business.timeZone ?? 'UTC'),
          version: acceptance.versionHash.slice(0, PRINTED_HASH_LENGTH),
        })
      : null,
    payment: null,
    notes: estimate.notes,
  };
}
