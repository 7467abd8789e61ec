import type { EstimateDetailResponse, EstimateDisplayStatusWire, EstimateListItem } from '@portico/wire';
import { invoiceDetailFixture, type FakeServer } from './fake-server.js';

const storedStatus = (display: EstimateDisplayStatusWire): EstimateListItem['status'] => (display === 'expired' ? 'sent' : display);

/** The n-th estimate of a made-up list: numbers EST-0001…, issued a week apart, valid 30 days. */
export function estimateFixture(n: number, overrides: Partial<EstimateListItem> = {}): EstimateListItem {
  const displayStatus = overrides.displayStatus ?? (['sent', 'accepted', 'declined', 'expired', 'converted'] as const)[n % 5]!;
  const issue = new Date(Date.UTC(2025, 5, 30) - n * 7 * 86_400_000);
  const valid = new Date(issue.getTime() + 30 * 86_400_000);
  return {
    id: `est_${n}`,
    number: `EST-${String(n).padStart(4, '0')}`,
    status: storedStatus(displayStatus),
    displayStatus,
    currency: 'EUR',
    issueDate: issue.toISOString().slice(0, 10),
    validUntil: valid.toISOString().slice(0, 10),
    total: 20_000 + n * 1_500,
    invoiceId: displayStatus === 'accepted' || displayStatus === 'converted' ? `inv_${n}` : null,
    version: 1,
    ...overrides,
  };
}

/** A sent estimate the client can still answer, with the invoice fixture's lines, parties and tax summary. */
export function estimateDetailFixture(overrides: Partial<EstimateDetailResponse> = {}): EstimateDetailResponse {
  const { subtotal, discountTotal, taxTotal, total, lines, client, business, parties, taxSummary, taxNotes } = invoiceDetailFixture();
  return {
    ...estimateFixture(7, { displayStatus: 'sent', total }),
    subtotal,
    discountTotal,
    taxTotal,
    notes: 'Prices hold for 30 days. Work starts within a week of acceptance.',
    lines,
    versionHash: '9f2c1a7be04d55c3a1e2f0b9d8c7a6e5f4d3c2b1a09f8e7d6c5b4a3928170615',
    canRespond: true,
    acceptance: null,
    declinedAt: null,
    declineReason: null,
    client,
    business,
    parties,
    taxSummary,
    taxNotes,
    ...overrides,
  };
}

/**
 * `/api/estimates` and `/api/estimates/:id` over a mutable set of
 * estimates, with accept and decline applied as the server would (final,
 * refused once answered or expired).
 */
export function serveEstimates(server: FakeServer, estimates: EstimateDetailResponse[]): void {
  server.on('GET', '/api/estimates', () => ({ status: 200, body: { estimates: estimates.map(listItemOf) } }));
  for (const estimate of estimates) {
    const path = `/api/estimates/${estimate.id}`;
    const current = (): EstimateDetailResponse => estimates.find((e) => e.id === estimate.id)!;
    const replace = (next: EstimateDetailResponse): EstimateDetailResponse => {
      estimates.splice(estimates.findIndex((e) => e.id === next.id), 1, next);
      return next;
    };
    const refusal = (e: EstimateDetailResponse) =>
      e.displayStatus === 'expired'
        ? { status: 409, body: { error: { code: 'estimate_expired', message: 'This estimate is past its valid-until date.' } } }
        : { status: 409, body: { error: { code: 'estimate_not_acceptable', message: 'This estimate was already answered.' } } };
    server.on('GET', path, () => ({ status: 200, body: current() }));
    server.on('POST', `${path}/accept`, (request) => {
      const e = current();
      if (!e.canRespond) return refusal(e);
      const { name } = request.body as { name: string };
      const acceptance = { name: name.trim(), acceptedAt: '2025-07-02T10:00:00.000Z', versionHash: e.versionHash };
      return { status: 200, body: replace({ ...e, status: 'accepted', displayStatus: 'accepted', canRespond: false, acceptance, invoiceId: `inv_from_${e.id}`, version: e.version + 1 }) };
    });
    server.on('POST', `${path}/decline`, (request) => {
      const e = current();
      if (!e.canRespond) return refusal(e);
      const reason = (request.body as { reason?: string | null } | undefined)?.reason ?? null;
      return { status: 200, body: replace({ ...e, status: 'declined', displayStatus: 'declined', canRespond: false, declinedAt: '2025-07-02T10:00:00.000Z', declineReason: reason, version: e.version + 1 }) };
    });
  }
}

function listItemOf(e: EstimateDetailResponse): EstimateListItem {
  const { id, number, status, displayStatus, currency, issueDate, validUntil, total, invoiceId, version } = e;
  return { id, number, status, displayStatus, currency, issueDate, validUntil, total, invoiceId, version };
}
