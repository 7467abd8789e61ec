import type { EstimateRow, LineRow } from '../db/schema.js';
import { dateOrNull, int, intOrNull } from '../db/row-values.js';
import { toComputedLine } from '../invoices/document-lines.js';
import { toInvoiceLine, type InvoiceLine } from '../invoices/invoice-model.js';
import { estimateContentHash } from './estimate-hash.js';
import { estimateDisplayStatus, type EstimateDisplayStatus, type EstimateStatus } from './estimate-status.js';

/** Who accepted an estimate, when, from where, and the hash of exactly what they accepted. Final. */
export interface EstimateAcceptance {
  /** As the client typed it. */
  name: string;
  at: Date;
  ip: string | null;
  userAgent: string | null;
  /** SHA-256 (hex) of the content accepted (estimate-hash.ts). */
  versionHash: string;
}

/** An estimate as the API hands it out. Amounts are minor units of `currency`. */
export interface EstimateSummary {
  id: string;
  /** From the business's estimate sequence when it is created: `EST-0001`. */
  number: string;
  clientId: string;
  status: EstimateStatus;
  /** `status`, with a sent estimate past its valid-until date shown as `expired`. */
  displayStatus: EstimateDisplayStatus;
  currency: string;
  issueDate: string;
  /** The last day it can be accepted, where the business is. */
  validUntil: string;
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  notes: string | null;
  /** The invoice it became (accepted or converted); the invoice's `estimateId` points back. */
  invoiceId: string | null;
  version: number;
  sentAt: Date | null;
  voidedAt: Date | null;
  acceptance: EstimateAcceptance | null;
  declinedAt: Date | null;
  declineReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Estimate extends EstimateSummary {
  lines: InvoiceLine[];
  /** SHA-256 (hex) of the content as it is now: what an acceptance now would record. */
  versionHash: string;
}

export function toEstimateSummary(row: EstimateRow, today: string): EstimateSummary {
  const acceptedAt = intOrNull(row.accepted_at);
  return {
    id: row.id,
    number: row.number,
    clientId: row.client_id,
    status: row.status,
    displayStatus: estimateDisplayStatus({ status: row.status, validUntil: row.valid_until }, today),
    currency: row.currency,
    issueDate: row.issue_date,
    validUntil: row.valid_until,
    subtotal: int(row.subtotal),
    discountTotal: int(row.discount_total),
    taxTotal: int(row.tax_total),
    total: int(row.total),
    notes: row.notes,
    invoiceId: row.invoice_id,
    version: int(row.version),
    sentAt: dateOrNull(row.sent_at),
    voidedAt: dateOrNull(row.voided_at),
    acceptance:
      acceptedAt === null
        ? null
        : {
            name: row.accepted_by_name ?? '',
            at: new Date(acceptedAt),
            ip: row.accepted_ip,
            userAgent: row.accepted_user_agent,
            versionHash: row.accepted_version_hash ?? '',
          },
    declinedAt: dateOrNull(row.declined_at),
    declineReason: row.decline_reason,
    createdAt: new Date(int(row.created_at)),
    updatedAt: new Date(int(row.updated_at)),
  };
}

/** The summary with its lines and the hash of its content as stored. */
export function toEstimate(row: EstimateRow, lines: readonly LineRow[], today: string): Estimate {
  return { ...toEstimateSummary(row, today), lines: lines.map(toInvoiceLine), versionHash: estimateRowHash(row, lines) };
}

/** The version hash of a stored estimate and its lines. */
export function estimateRowHash(row: EstimateRow, lines: readonly LineRow[]): string {
  return estimateContentHash({
    currency: row.currency,
    issueDate: row.issue_date,
    validUntil: row.valid_until,
    notes: row.notes,
    subtotal: int(row.subtotal),
    discountTotal: int(row.discount_total),
    taxTotal: int(row.tax_total),
    total: int(row.total),
    lines: lines.map(toComputedLine),
  });
}
