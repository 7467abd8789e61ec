/**
 * Estimates: sent to a client, accepted or declined in the portal, turned
 * into an invoice. Amounts are integers of minor units of `currency`; dates
 * are `YYYY-MM-DD`, instants ISO 8601.
 */
import type { InvoiceDetailResponse, InvoiceLineWire } from './billing.js';

/**
 * What a person sees: the stored status, with a sent estimate past its
 * valid-until date shown as `expired`. `converted`: the business turned it
 * into an invoice itself; an estimate the client accepted stays `accepted`
 * (with its `invoiceId`).
 */
export const estimateDisplayStatuses = ['draft', 'sent', 'expired', 'accepted', 'declined', 'converted', 'void'] as const;
export type EstimateDisplayStatusWire = (typeof estimateDisplayStatuses)[number];

export interface EstimateListItem {
  id: string;
  number: string;
  status: 'draft' | 'sent' | 'accepted' | 'declined' | 'converted' | 'void';
  displayStatus: EstimateDisplayStatusWire;
  currency: string;
  issueDate: string;
  validUntil: string;
  total: number;
  /** The invoice it became, once accepted or converted. */
  invoiceId: string | null;
  version: number;
}

/** `GET /api/estimates` */
export interface EstimateListResponse {
  estimates: EstimateListItem[];
}

/** Who accepted, when, and the SHA-256 of exactly what they accepted. */
export interface EstimateAcceptanceWire {
  name: string;
  acceptedAt: string;
  versionHash: string;
}

/** What both sides' previews show of the content. */
export interface EstimateContentWire {
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  notes: string | null;
  lines: InvoiceLineWire[];
  /** SHA-256 (hex) of the content as it is now: what accepting it would record. */
  versionHash: string;
}

/** `GET /api/estimates/:id`: everything the preview shows. */
export interface EstimateDetailResponse extends EstimateListItem, EstimateContentWire {
  /** Sent and not past its valid-until date: Accept and Decline are offered. */
  canRespond: boolean;
  acceptance: EstimateAcceptanceWire | null;
  declinedAt: string | null;
  declineReason: string | null;
  client: { name: string };
  business: { name: string; brandColor: string; logoUrl: string | null; locale: string };
  /** Seller and buyer as they are now (an estimate freezes no copy), as an invoice shows them. */
  parties: InvoiceDetailResponse['parties'];
  /** One row per VAT category and rate. */
  taxSummary: InvoiceDetailResponse['taxSummary'];
  /** Notes the lines call for (reverse charge, exemption). */
  taxNotes: InvoiceDetailResponse['taxNotes'];
}

/** `POST /api/estimates/:id/accept`: the name typed and the confirmation tick. */
export interface AcceptEstimateRequest {
  name: string;
  confirmed: boolean;
}

/** `POST /api/estimates/:id/decline` */
export interface DeclineEstimateRequest {
  /** At most 1000 characters. */
  reason?: string | null;
}

/** What accepting or declining answers: the estimate as it now stands. */
export type EstimateResponseResponse = EstimateDetailResponse;

/** `GET /admin/estimates`: one row. */
export interface AdminEstimateListItem extends EstimateListItem {
  clientId: string;
  clientName: string;
  /** The number of the invoice it became (`invoiceId`), once accepted or converted; null while that invoice is a draft without one. */
  invoiceNumber: string | null;
  sentAt: string | null;
  acceptance: (EstimateAcceptanceWire & { ip: string | null; userAgent: string | null }) | null;
  declinedAt: string | null;
  declineReason: string | null;
}

/** `GET /admin/estimates` (`?clientId=&status=a,b`) */
export interface AdminEstimateListResponse {
  estimates: AdminEstimateListItem[];
}

/** `POST /admin/estimates`: a draft. Prices in minor units; `validUntil` defaults to the issue date plus `settings.estimateValidDays` (30). */
export interface AdminCreateEstimateRequest {
  clientId: string;
  currency: string;
  issueDate?: string;
  validUntil?: string;
  notes?: string | null;
  lines: Array<{
    description: string;
    quantity: number;
    unitPrice: number;
    taxRate?: number;
    discount?: { percent: number } | { amount: number };
  }>;
}

/** `PATCH /admin/estimates/:id`: a draft's changes, each field optional; `lines` replaces them all. Once sent: 409 `estimate_not_editable`. */
export type AdminUpdateEstimateRequest = Partial<AdminCreateEstimateRequest>;

/** `POST /admin/estimates/:id/convert`: the business makes a sent estimate an invoice itself; `send: true` sends that invoice at once. */
export interface AdminConvertEstimateRequest {
  send?: boolean;
}

/** What converting answers: the estimate, now `converted`, and the invoice it became. */
export interface AdminConvertEstimateResponse {
  estimate: AdminEstimateDetailResponse;
  invoice: { id: string; number: string | null; status: string; total: number; currency: string };
}

/** `GET /admin/estimates/:id`, and what create, update and void answer. */
export interface AdminEstimateDetailResponse extends AdminEstimateListItem, EstimateContentWire {}

/** `POST /admin/estimates/:id/send` */
export interface AdminSendEstimateResponse {
  estimate: AdminEstimateListItem;
  emailsQueued: number;
}
