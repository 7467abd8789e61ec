import type { BusinessApi, LineInput } from '@portico/core';

type EstimateOutcome = 'draft' | 'sent' | 'accepted' | 'converted' | 'declined' | 'expired';

interface EstimatePlan {
  client: string;
  outcome: EstimateOutcome;
  currency: 'EUR' | 'USD';
  /** Days before today it was written (and sent, unless a draft). */
  daysAgo: number;
  /** Days it stays open for an answer. */
  validDays: number;
  /** Days after sending the client answered, or the studio made it an invoice. */
  answeredAfter?: number;
  lines: LineInput[];
  notes: string;
  /** Who accepted (as typed), or why declined. */
  answer?: string;
}

const reverseCharge = { taxRate: 0, taxCategory: 'reverse_charge' } as const;
const zeroRated = { taxRate: 0, taxCategory: 'zero' } as const;

/**
 * A few estimates, one in each state an estimate can be in: a draft, two
 * awaiting an answer (one in Japanese), one the client accepted in the
 * portal (now a draft invoice), one the studio made an invoice itself after
 * a call, one declined with a reason, and one left to expire.
 */
const estimatePlans: EstimatePlan[] = [
  {
    client: 'alder',
    outcome: 'expired',
    currency: 'EUR',
    daysAgo: 50,
    validDays: 30,
    lines: [
      { description: 'Wayfinding concept for the new office (two options)', quantity: 1, unitPrice: 210_000, ...zeroRated },
      { description: 'Signage artwork, per sign', quantity: 14, unitPrice: 9_500, ...zeroRated },
    ],
    notes: 'Production by your sign maker is not included.',
  },
  {
    client: 'fjordlicht',
    outcome: 'converted',
    currency: 'EUR',
    daysAgo: 30,
    validDays: 30,
    answeredAfter: 9,
    lines: [
      { description: 'Easter menu: illustration and layout', quantity: 1, unitPrice: 85_000, taxRate: 19 },
      { description: 'Illustration licence: menus and posters, 12 months', quantity: 1, unitPrice: 30_000, taxRate: 7 },
    ],
    notes: 'Agreed on the phone with Greta; invoiced as one.',
  },
  {
    client: 'verdure',
    outcome: 'declined',
    currency: 'EUR',
    daysAgo: 21,
    validDays: 30,
    answeredAfter: 9,
    lines: [
      { description: 'Label redesign: five jam varieties', quantity: 1, unitPrice: 160_000, ...reverseCharge },
      { description: 'Print production management (hours)', quantity: 6, unitPrice: 7_500, ...reverseCharge },
    ],
    notes: 'Includes two rounds of revisions.',
    answer: 'We will keep the current labels this season. Let us talk again in autumn.',
  },
  {
    client: 'kiezkino',
    outcome: 'accepted',
    currency: 'EUR',
    daysAgo: 14,
    validDays: 30,
    answeredAfter: 6,
    lines: [
      { description: 'Summer open-air season: poster series (6 films)', quantity: 6, unitPrice: 32_000, taxRate: 19, discount: { percent: 10 } },
      { description: 'Social media template kit (12 templates)', quantity: 1, unitPrice: 52_000, taxRate: 19 },
    ],
    notes: 'Non-profit rate: 10% off the posters.',
    answer: 'Deniz Aydın',
  },
  {
    client: 'northwind',
    outcome: 'sent',
    currency: 'USD',
    daysAgo: 4,
    validDays: 21,
    lines: [
      { description: 'Fall catalogue: art direction (hours)', quantity: 24, unitPrice: 12_000, ...zeroRated },
      { description: 'Product photography, two studio days incl. retouching', quantity: 2, unitPrice: 108_000, ...zeroRated },
    ],
    notes: 'Travel to Portland billed at cost.',
  },
  {
    client: 'minato',
    outcome: 'sent',
    currency: 'USD',
    daysAgo: 2,
    validDays: 30,
    lines: [
      { description: 'コーヒー豆パッケージのデザイン（3種類）', quantity: 1, unitPrice: 180_000, ...zeroRated },
      { description: '店舗用メニューボード', quantity: 2, unitPrice: 40_000, ...zeroRated },
    ],
    notes: '修正は2回まで含みます。',
  },
  {
    client: 'rheinwerk',
    outcome: 'draft',
    currency: 'EUR',
    daysAgo: 1,
    validDays: 30,
    lines: [
      { description: 'Spring catalogue: layout, 32 pages', quantity: 1, unitPrice: 280_000, taxRate: 19 },
      { description: 'Product photography, studio day incl. retouching of 20 images', quantity: 2, unitPrice: 98_000, taxRate: 19 },
    ],
    notes: 'Draft: waiting for the page count from Lukas.',
  },
];

/** How many of the seeded estimates became an invoice (accepted by the client or converted by the studio): each a draft invoice. */
export const DEMO_ESTIMATE_INVOICES = estimatePlans.filter((plan) => plan.outcome === 'accepted' || plan.outcome === 'converted').length;

/**
 * Makes the plan's estimates through the public API, oldest first, each step
 * at its own moment: sending one emails the client's contacts (the demo's
 * mailbox shows those), accepting or converting one makes a draft invoice.
 */
export async function seedEstimates(
  studio: BusinessApi,
  clientIds: Map<string, string>,
  moveTo: (date: string, time: string) => void,
  daysBefore: (days: number) => string,
): Promise<void> {
  for (const plan of estimatePlans) {
    const clientId = clientIds.get(plan.client)!;
    const written = daysBefore(plan.daysAgo);
    moveTo(written, '10:20');
    const estimate = await studio.estimates.create({
      clientId,
      currency: plan.currency,
      issueDate: written,
      validUntil: daysBefore(plan.daysAgo - plan.validDays),
      lines: plan.lines,
      notes: plan.notes,
    });
    if (plan.outcome === 'draft') continue;
    moveTo(written, '10:35');
    await studio.estimates.send(estimate.id);
    if (plan.answeredAfter === undefined) continue;
    moveTo(daysBefore(plan.daysAgo - plan.answeredAfter), '15:10');
    if (plan.outcome === 'accepted') {
      await studio.estimates.acceptAsClient(clientId, estimate.id, { name: plan.answer!, confirmed: true, ip: '203.0.113.24', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15' });
    } else if (plan.outcome === 'declined') {
      await studio.estimates.declineAsClient(clientId, estimate.id, { reason: plan.answer ?? null });
    } else if (plan.outcome === 'converted') {
      await studio.estimates.convert(estimate.id);
    }
  }
}
