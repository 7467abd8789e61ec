import {
  ManualClock,
  calendarDate,
  createPorticoApi,
  systemClock,
  type Business,
  type BusinessApi,
  type Clock,
  type ContactInput,
  type LineInput,
  type Locale,
  type PaymentMethod,
  type PorticoDatabase,
} from '@portico/core';
import { seedTickets } from './seed-tickets.js';
import { seedEstimates } from './seed-estimates.js';

/**
 * The demo's data: Harbor & Pine Studio, eight clients and about fifty
 * invoices over the last fourteen months, in every state an invoice can be in,
 * a few support tickets, and an estimate in each state an estimate can be in.
 *
 * Everything is made through Portico's public API and is the same on every
 * run: a seeded PRNG picks clients, lines and payments, and all dates are
 * counted back from the clock's today, so "overdue" always means overdue.
 */

export const DEMO_BUSINESS_SLUG = 'harbor-pine';
export const DEMO_TIME_ZONE = 'Europe/Berlin';
/** Where the studio would receive replies to ticket emails (reply+<token>@...); the demo's mailbox answers them itself. */
export const DEMO_INBOUND_DOMAIN = 'reply.harborpine.test';

export interface SeedOptions {
  database: PorticoDatabase;
  /** Decides "today"; the seed's dates are counted back from it. */
  clock?: Clock;
  /** Where the host app is served, like `http://localhost:3000`; the portal lives at `/portal` under it. */
  portalOrigin: string;
}

export interface SeedResult {
  business: Business;
  /** False when a business already existed and nothing was written. */
  seeded: boolean;
}

/** Seeds the demo once: when the database holds no business yet. */
export async function seedDemo({ database, clock = systemClock, portalOrigin }: SeedOptions): Promise<SeedResult> {
  const api = createPorticoApi({ db: database.db, clock });
  const existing = await api.businesses.list();
  if (existing.length > 0) {
    return { business: existing.find((b) => b.slug === DEMO_BUSINESS_SLUG) ?? existing[0]!, seeded: false };
  }

  const now = clock.now();
  const today = calendarDate(now, DEMO_TIME_ZONE);
  // A clock of the seed's own, moved to each event's moment so sent, paid and
  // audit times read as if the studio had used Portico all along.
  const seedClock = new ManualClock(now);
  const moveTo = (date: string, time: string) => {
    seedClock.set(new Date(Math.min(new Date(`${date}T${time}:00Z`).getTime(), now.getTime())));
  };
  const seedApi = createPorticoApi({ db: database.db, clock: seedClock });

  moveTo(addDays(today, -440), '08:30');
  const business = await seedApi.businesses.create({
    name: 'Harbor & Pine Studio',
    slug: DEMO_BUSINESS_SLUG,
    brandColor: '#2f5d50',
    locale: 'en',
    timeZone: DEMO_TIME_ZONE,
    portalUrl: `${portalOrigin.replace(/\/+$/, '')}/portal`,
    invoicePrefix: 'HP-',
    settings: { paymentTermsDays: 30, inboundDomain: DEMO_INBOUND_DOMAIN },
    // What a German studio's invoices must say (EN 16931; see docs/en16931.md).
    legalName: 'Harbor & Pine Studio GmbH',
    address: { lines: ['Lindenstraße 34'], postalCode: '10969', city: 'Berlin', countryCode: 'DE' },
    vatId: 'DE123456789',
    taxNumber: '29/456/78901',
    registrationNumber: 'HRB 201234 B, Amtsgericht Charlottenburg',
    contactEmail: 'billing@harborpine.test',
    contactPhone: '+49 30 5550 1234',
    bankAccount: { accountHolder: 'Harbor & Pine Studio GmbH', bankName: 'Commerzbank Berlin', iban: 'DE89 3704 0044 0532 0130 00', bic: 'COBADEFFXXX' },
    paymentInstructions: 'Please give the invoice number as the reference of your transfer.',
    paymentTermsText: 'Payable without deduction within the term shown.',
  });
  const studio = seedApi.business(business.id, { actor: 'seed' });

  const clientIds = new Map<string, string>();
  for (const [index, plan] of clientPlans.entries()) {
    moveTo(addDays(today, -438 + Math.floor(index / 3)), `09:${10 + index * 5}`);
    const client = await studio.clients.create({
      name: plan.name,
      locale: plan.locale ?? null,
      notes: plan.notes,
      contacts: plan.contacts,
      ...plan.billing,
    });
    clientIds.set(plan.key, client.id);
  }

  const events = planInvoices(today).flatMap((plan) => invoiceEvents(plan, studio, clientIds, moveTo));
  // Stable sort: an invoice's own events are already in order and never share a moment out of order.
  events.sort((a, b) => a.at.localeCompare(b.at));
  for (const event of events) await event.run();
  await seedTickets(studio, clientIds, moveTo, (days) => addDays(today, -days));
  await seedEstimates(studio, clientIds, moveTo, (days) => addDays(today, -days));

  return { business: await api.businesses.get(business.id), seeded: true };
}

// ---------------------------------------------------------------------------
// Clients

interface ClientPlan {
  key: string;
  name: string;
  locale?: Locale;
  notes: string;
  contacts: ContactInput[];
  /** Billing address and VAT ID, as printed on its invoices. */
  billing?: { billingAddress: { lines: string[]; postalCode?: string; city: string; region?: string; countryCode: string }; vatId?: string };
  /** 0% lines are reverse-charged (an EU business) rather than zero-rated (export). */
  reverseCharge?: boolean;
  /** Currency of each invoice: USD share between 0 and 1. */
  usdShare: number;
  /** Tax rate on ordinary lines: 19 for German clients, 0 abroad (reverse charge or export). */
  taxRate: 19 | 0;
  termsDays: number;
  /** How often this client is picked, relative to the others. */
  weight: number;
  projects: string[];
}

const clientPlans: ClientPlan[] = [
  {
    key: 'fjordlicht',
    name: 'Fjordlicht Bäckerei GmbH',
    locale: 'de',
    notes: 'Three bakeries in Hamburg-Ottensen. Packaging and seasonal menus.',
    contacts: [
      { name: 'Greta Sommer', email: 'greta.sommer@fjordlicht.test' },
      { name: 'Jonas Albrecht', email: 'buchhaltung@fjordlicht.test' },
    ],
    billing: { billingAddress: { lines: ['Ottenser Hauptstraße 12'], postalCode: '22765', city: 'Hamburg', countryCode: 'DE' }, vatId: 'DE987654321' },
    usdShare: 0,
    taxRate: 19,
    termsDays: 14,
    weight: 4,
    projects: ['Autumn menu refresh', 'Bread bag redesign', 'Christmas stollen packaging', 'Shop window posters'],
  },
  {
    key: 'kiezkino',
    name: 'Kiezkino Kreuzberg e.V.',
    locale: 'de',
    notes: 'Independent cinema. Festival identity every spring.',
    contacts: [{ name: 'Deniz Aydın', email: 'deniz@kiezkino.test' }],
    usdShare: 0,
    taxRate: 19,
    termsDays: 30,
    weight: 3,
    projects: ['Kurzfilmnacht festival identity', 'Programme leaflet', 'Website relaunch'],
  },
  {
    key: 'verdure',
    name: 'Maison Verdure SARL',
    notes: 'Plant shop in Lyon. EU client: reverse charge, no German VAT.',
    contacts: [
      { name: 'Camille Laurent', email: 'camille@maison-verdure.test' },
      { name: 'Hugo Bernard', email: 'compta@maison-verdure.test' },
    ],
    billing: { billingAddress: { lines: ['12 rue des Lilas'], postalCode: '69003', city: 'Lyon', countryCode: 'FR' }, vatId: 'FR40303265045' },
    reverseCharge: true,
    usdShare: 0,
    taxRate: 0,
    termsDays: 30,
    weight: 3,
    projects: ['Online shop design', 'Spring catalogue', 'Gift card series'],
  },
  {
    key: 'northwind',
    name: 'Northwind Outfitters Inc.',
    notes: 'Outdoor clothing, Portland OR. Billed in USD.',
    contacts: [
      { name: 'Dana Whitfield', email: 'dana.whitfield@northwind-outfitters.test' },
      { name: 'Marcus Lee', email: 'ap@northwind-outfitters.test' },
    ],
    billing: { billingAddress: { lines: ['400 Pine Street', 'Suite 1200'], postalCode: '98101', city: 'Seattle', region: 'WA', countryCode: 'US' } },
    usdShare: 1,
    taxRate: 0,
    termsDays: 30,
    weight: 4,
    projects: ['Fall lookbook', 'Trail series hang tags', 'Retail signage system'],
  },
  {
    key: 'lipa',
    name: 'Ателие „Липа“ ООД',
    notes: 'Ceramics studio in Sofia. EU client: reverse charge.',
    contacts: [{ name: 'Мария Петрова', email: 'maria@atelie-lipa.test' }],
    usdShare: 0,
    taxRate: 0,
    termsDays: 30,
    weight: 2,
    projects: ['Logo and stationery', 'Exhibition poster'],
  },
  {
    key: 'minato',
    name: '株式会社みなと珈琲',
    locale: 'ja',
    notes: 'Minato Coffee, a roastery in Yokohama. Billed in USD.',
    contacts: [
      { name: '佐藤 美咲', email: 'misaki.sato@minato-coffee.test' },
      { name: '田中 健', email: 'ken.tanaka@minato-coffee.test' },
    ],
    usdShare: 1,
    taxRate: 0,
    termsDays: 30,
    weight: 2,
    projects: ['Single-origin label series', 'Café menu boards'],
  },
  {
    key: 'alder',
    name: 'Alder & Finch Architects LLP',
    notes: 'London practice. Pays EUR for European projects and USD for the New York office.',
    contacts: [{ name: 'Priya Raman', email: 'priya@alderfinch.test' }],
    usdShare: 0.4,
    taxRate: 0,
    termsDays: 30,
    weight: 2,
    projects: ['Competition boards', 'Practice website', 'Monograph layout'],
  },
  {
    key: 'rheinwerk',
    name: 'Rheinwerk Fahrräder',
    locale: 'de',
    notes: 'Bicycle workshop in Cologne.',
    contacts: [{ name: 'Lukas Brenner', email: 'lukas@rheinwerk-rad.test' }],
    usdShare: 0,
    taxRate: 19,
    termsDays: 14,
    weight: 2,
    projects: ['Workshop signage', 'Online booking page', 'Spring service campaign'],
  },
];

// ---------------------------------------------------------------------------
// Invoices

type Outcome = 'draft' | 'open' | 'partial' | 'paid' | 'paid-in-two' | 'void-issued' | 'void-draft';

interface InvoicePlan {
  client: ClientPlan;
  currency: 'EUR' | 'USD';
  issueDate: string;
  dueDate: string;
  outcome: Outcome;
  /** A draft the client may already see in the portal, for review. */
  shared: boolean;
  lines: LineInput[];
  notes: string;
  /** Days after issue for each payment (paid, partial) or the voiding. */
  followUpDays: number[];
  method: PaymentMethod;
}

export const DEMO_INVOICE_COUNT = 50;

/** The newest invoices (k = 0 is the newest) in a fixed pattern, so every state is always present. */
const outcomeByAge: Record<number, Outcome> = {
  0: 'draft',
  1: 'open',
  2: 'draft',
  3: 'partial',
  4: 'draft',
  5: 'open',
  7: 'open',
  8: 'open',
  10: 'partial',
  11: 'open',
  12: 'void-issued',
  14: 'open',
  16: 'partial',
  20: 'open',
  27: 'void-draft',
  41: 'void-issued',
};

/** Some invoices go to a fixed client, so both currencies have money outstanding and overdue. */
const clientByAge: Record<number, { key: string; currency: 'EUR' | 'USD' }> = {
  1: { key: 'minato', currency: 'USD' },
  7: { key: 'northwind', currency: 'USD' },
  16: { key: 'alder', currency: 'USD' },
};

/** Days before today of the six newest invoices; older ones are about nine days apart. */
const recentDaysAgo = [0, 2, 5, 9, 13, 20];

function planInvoices(today: string): InvoicePlan[] {
  const random = mulberry32(0x4a7b0c1d);
  const plans: InvoicePlan[] = [];
  for (let k = DEMO_INVOICE_COUNT - 1; k >= 0; k--) {
    const daysAgo = recentDaysAgo[k] ?? Math.round(20 + (k - 5) * 9.3) + Math.floor(random() * 4);
    const issueDate = addDays(today, -daysAgo);
    const fixed = clientByAge[k];
    const randomClient = pickWeighted(random, clientPlans);
    const client = fixed ? clientPlans.find((plan) => plan.key === fixed.key)! : randomClient;
    const randomCurrency = random() < client.usdShare ? 'USD' : 'EUR';
    const currency = fixed?.currency ?? randomCurrency;
    const outcome = outcomeByAge[k] ?? (k % 7 === 3 ? 'paid-in-two' : 'paid');
    // Open invoices among the newest get the usual 30 days, so some are still "sent" and not yet due.
    const termsDays = k < 6 ? 30 : client.termsDays;
    const dueDate = addDays(issueDate, termsDays);
    const paidAfter = (from: number) => Math.min(daysAgo, from + Math.floor(random() * (termsDays + 10)));
    const followUpDays =
      outcome === 'paid'
        ? [paidAfter(2)]
        : outcome === 'paid-in-two'
          ? [paidAfter(1), paidAfter(termsDays)].sort((a, b) => a - b)
          : outcome === 'partial'
            ? [Math.min(daysAgo, 1 + Math.floor(random() * 7))]
            : outcome === 'void-issued'
              ? [Math.min(daysAgo, 2 + Math.floor(random() * 5))]
              : [];
    plans.push({
      client,
      currency,
      issueDate,
      dueDate,
      outcome,
      shared: k === 4,
      lines: makeLines(random, client, currency),
      notes: `Project: ${pick(random, client.projects)}.`,
      followUpDays,
      method: random() < 0.75 ? 'bank_transfer' : 'card',
    });
  }
  return plans;
}

interface SeedEvent {
  /** ISO instant; events run in this order. */
  at: string;
  run: () => Promise<void>;
}

function invoiceEvents(
  plan: InvoicePlan,
  studio: BusinessApi,
  clientIds: Map<string, string>,
  moveTo: (date: string, time: string) => void,
): SeedEvent[] {
  let invoiceId = '';
  let total = 0;
  const at = (days: number, time: string) => `${addDays(plan.issueDate, days)}T${time}`;
  const events: SeedEvent[] = [
    {
      at: at(0, '09:40'),
      run: async () => {
        moveTo(plan.issueDate, '09:40');
        const draft = await studio.invoices.create({
          clientId: clientIds.get(plan.client.key)!,
          currency: plan.currency,
          issueDate: plan.issueDate,
          dueDate: plan.dueDate,
          lines: plan.lines,
          notes: plan.notes,
          sharedWithClient: plan.shared,
        });
        invoiceId = draft.id;
        total = draft.total;
        if (plan.outcome !== 'draft' && plan.outcome !== 'void-draft') {
          moveTo(plan.issueDate, '10:05');
          await studio.invoices.issue(invoiceId);
        }
      },
    },
  ];

  if (plan.outcome === 'void-draft' || plan.outcome === 'void-issued') {
    const days = plan.followUpDays[0] ?? 1;
    events.push({
      at: at(days, '14:20'),
      run: async () => {
        moveTo(addDays(plan.issueDate, days), '14:20');
        await studio.invoices.void(
          invoiceId,
          plan.outcome === 'void-draft' ? 'Project postponed by the client.' : 'Issued to the wrong billing address; replaced.',
        );
      },
    });
  }

  const payments = plan.outcome === 'paid' || plan.outcome === 'paid-in-two' || plan.outcome === 'partial' ? plan.followUpDays : [];
  payments.forEach((days, index) => {
    events.push({
      at: at(days, `1${index + 1}:30`),
      run: async () => {
        const receivedOn = addDays(plan.issueDate, days);
        moveTo(receivedOn, `1${index + 1}:30`);
        // A deposit, half up front, or the whole amount; rounded to whole units, the last payment settles the rest.
        const amount =
          plan.outcome === 'partial'
            ? Math.round((total * 0.4) / 100) * 100
            : plan.outcome === 'paid-in-two' && index === 0
              ? Math.round(total / 2 / 100) * 100
              : total - (plan.outcome === 'paid-in-two' ? Math.round(total / 2 / 100) * 100 : 0);
        await studio.payments.record({
          invoiceId,
          amount,
          method: plan.method,
          reference: plan.method === 'bank_transfer' ? `SEPA-${receivedOn.replaceAll('-', '')}-${invoiceId.slice(-6).toUpperCase()}` : null,
          // History, like the invoices issued above without an email: the demo's mailbox starts empty.
          sendReceipt: false,
        });
      },
    });
  });
  return events;
}

// ---------------------------------------------------------------------------
// Line items

interface CatalogueItem {
  description: string | string[];
  /** EUR minor units. */
  price: number;
  /** Hourly items get fractional quantities in quarter hours. */
  hourly?: boolean;
  quantities?: number[];
  /** Copyright licences are 7% in Germany. */
  taxRate?: number;
}

const catalogue: CatalogueItem[] = [
  { description: 'Brand strategy workshop (half day, on site)', price: 120_000 },
  { description: 'Logo design: three concepts, two rounds of revisions', price: 240_000 },
  { description: 'Visual identity guidelines (PDF, 24 pages)', price: 180_000 },
  { description: ['Web design: homepage and landing pages', 'Web design: product and checkout pages', 'UX review and wireframes'], price: 9_500, hourly: true },
  { description: ['Frontend development', 'CMS setup and content migration', 'Accessibility fixes and testing'], price: 10_500, hourly: true },
  { description: ['Copywriting', 'Copy editing and proofreading'], price: 8_500, hourly: true },
  { description: ['Art direction', 'Art direction at the photo shoot'], price: 11_000, hourly: true },
  { description: 'Illustration: seasonal menu cover', price: 65_000 },
  { description: 'Packaging design: label set, three variants', price: 145_000 },
  { description: 'Product photography, studio day incl. retouching of 20 images', price: 98_000 },
  { description: 'Image usage licence: print and web, 12 months', price: 45_000, taxRate: 7 },
  { description: 'Illustration licence: packaging, unlimited print run', price: 80_000, taxRate: 7 },
  { description: 'Website care plan (per month)', price: 14_900, quantities: [1, 3, 6] },
  { description: 'Print production management', price: 7_500, hourly: true },
  { description: 'Social media template kit (12 templates)', price: 52_000 },
  { description: 'Proof prints and courier', price: 3_850, quantities: [1, 2] },
  { description: 'Typeface licence: desktop, 5 seats', price: 21_900 },
];

function makeLines(random: () => number, client: ClientPlan, currency: 'EUR' | 'USD'): LineInput[] {
  const count = 2 + Math.floor(random() * 4);
  const chosen = new Set<CatalogueItem>();
  while (chosen.size < count) chosen.add(pick(random, catalogue));
  return [...chosen].map((item) => {
    const description = Array.isArray(item.description) ? pick(random, item.description) : item.description;
    const quantity = item.hourly
      ? (4 + Math.floor(random() * 60)) / 4 // 1 to 15.75 hours, in quarters
      : item.quantities
        ? pick(random, item.quantities)
        : 1;
    // USD prices are rounded to whole five dollars.
    const unitPrice = currency === 'USD' ? Math.round((item.price * 1.1) / 500) * 500 : item.price;
    const line: LineInput = {
      description: item.hourly ? `${description} (hours)` : description,
      quantity,
      unitPrice,
      taxRate: client.taxRate === 0 ? 0 : (item.taxRate ?? client.taxRate),
      ...(client.taxRate === 0 ? { taxCategory: client.reverseCharge ? 'reverse_charge' : 'zero' } : {}),
    };
    const roll = random();
    if (roll < 0.12) line.discount = { percent: pick(random, [5, 10, 15]) };
    else if (roll < 0.2 && unitPrice * quantity >= 50_000) line.discount = { amount: pick(random, [5_000, 10_000, 15_000]) };
    return line;
  });
}

// ---------------------------------------------------------------------------
// Helpers

/** Mulberry32: a tiny PRNG whose sequence depends only on its seed. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

function pickWeighted(random: () => number, plans: readonly ClientPlan[]): ClientPlan {
  const total = plans.reduce((sum, plan) => sum + plan.weight, 0);
  let roll = random() * total;
  for (const plan of plans) {
    roll -= plan.weight;
    if (roll < 0) return plan;
  }
  return plans[plans.length - 1]!;
}

/** `YYYY-MM-DD` plus whole days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
