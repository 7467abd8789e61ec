/** Core's estimates as the wire carries them: instants as ISO text, only what each side may see. */
import type { ClientEstimate, Estimate, EstimateAcceptance, EstimateSummary } from '@portico/core';
import type { AdminEstimateDetailResponse, AdminEstimateListItem, EstimateAcceptanceWire, EstimateContentWire, EstimateDetailResponse, EstimateListItem } from '@portico/wire';
import { taxSummary } from '@portico/core';
import { toLineWire, toPartiesWire, toTaxNotes } from './billing.js';

export function toEstimateListItem(estimate: EstimateSummary): EstimateListItem {
  return {
    id: estimate.id,
    number: estimate.number,
    status: estimate.status,
    displayStatus: estimate.displayStatus,
    currency: estimate.currency,
    issueDate: estimate.issueDate,
    validUntil: estimate.validUntil,
    total: estimate.total,
    invoiceId: estimate.invoiceId,
    version: estimate.version,
  };
}

/** The client's view: who accepted and what, but not the IP and user agent recorded. */
export function toEstimateDetail(estimate: ClientEstimate): Omit<EstimateDetailResponse, 'business'> {
  return {
    ...toEstimateListItem(estimate),
    ...toEstimateContent(estimate),
    canRespond: estimate.canRespond,
    acceptance: estimate.acceptance && acceptanceWire(estimate.acceptance),
    declinedAt: estimate.declinedAt?.toISOString() ?? null,
    declineReason: estimate.declineReason,
    client: { name: estimate.clientName },
    parties: toPartiesWire(estimate.parties),
    taxSummary: taxSummary(estimate.lines),
    taxNotes: toTaxNotes(estimate.lines, estimate.parties),
  };
}

/** A row of the business's list, the whole acceptance record included; `invoiceNumber` that of the invoice it became. */
export function toAdminEstimateListItem(estimate: EstimateSummary, clientName: string, invoiceNumber: string | null = null): AdminEstimateListItem {
  return {
    ...toEstimateListItem(estimate),
    clientId: estimate.clientId,
    clientName,
    invoiceNumber,
    sentAt: estimate.sentAt?.toISOString() ?? null,
    acceptance: estimate.acceptance && { ...acceptanceWire(estimate.acceptance), ip: estimate.acceptance.ip, userAgent: estimate.acceptance.userAgent },
    declinedAt: estimate.declinedAt?.toISOString() ?? null,
    declineReason: estimate.declineReason,
  };
}

function acceptanceWire(acceptance: EstimateAcceptance): EstimateAcceptanceWire {
  return { name: acceptance.name, acceptedAt: acceptance.at.toISOString(), versionHash: acceptance.versionHash };
}

export function toAdminEstimateDetail(estimate: Estimate, clientName: string, invoiceNumber: string | null = null): AdminEstimateDetailResponse {
  return {
    ...toAdminEstimateListItem(estimate, clientName, invoiceNumber),
    ...toEstimateContent(estimate),
  };
}

function toEstimateContent(estimate: Estimate): EstimateContentWire {
  return {
    subtotal: estimate.subtotal,
    discountTotal: estimate.discountTotal,
    taxTotal: estimate.taxTotal,
    notes: estimate.notes,
    lines: estimate.lines.map(toLineWire),
    versionHash: estimate.versionHash,
  };
}
