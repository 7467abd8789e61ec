import type { Invoice, InvoiceLine } from '../invoices/invoice-model.js';
import { invoiceDisplayStatus } from '../invoices/invoice-status.js';
import type { Locale } from '../shared/locales.js';
import type { InvoiceDocumentInput } from '../documents/invoice-pdf.js';
import type { EstimateDocumentInput } from '../documents/estimate-pdf.js';
import type { Estimate } from '../estimates/estimate-model.js';
import { estimateDisplayStatus } from '../estimates/estimate-status.js';

/** Names in each script, for tests and looking at pages. */
export const sampleNames = {
  latin: { business: 'Harbor & Pine Studio', client: 'Globex Corporation' },
  cyrillic: { business: 'Студия «Гавань и Сосна»', client: 'ООО «Ромашка»' },
  japanese: { business: '港と松デザイン事務所', client: '株式会社山田商事' },
  arabic: { business: 'استوديو الميناء والصنوبر', client: 'شركة النخيل للتجارة' },
} as const;

function line(position: number, description: string, quantity: number, unitPrice: number, taxRate: number, discountPercent = 0): InvoiceLine {
  const gross = Math.round(quantity * unitPrice);
  const discountAmount = Math.round((gross * discountPercent) / 100);
  const tax = Math.round(((gross - discountAmount) * taxRate) / 100);
  return {
    id: `line_${position}`,
    position,
    description,
    quantity,
    unitPrice,
    taxRate,
    taxCategory: taxRate > 0 ? 'standard' : 'zero',
    discount: discountPercent ? { percent: discountPercent } : null,
    gross,
    discountAmount,
    tax,
    total: gross - discountAmount + tax,
  };
}

/** A plain in-memory invoice (no database) with three lines, one discounted, and a partial payment. */
export function sampleInvoice(overrides: Partial<Invoice> & { descriptions?: string[] } = {}): Invoice {
  const { descriptions = ['Brand workshop, two days', 'Logo design', 'Hosting (monthly)'], ...rest } = overrides;
  const lines = [
    line(1, descriptions[0] ?? 'Work', 2, 45_000, 19),
    line(2, descriptions[1] ?? 'Work', 1, 120_000, 19, 10),
    line(3, descriptions[2] ?? 'Work', 1.5, 2_500, 7),
  ];
  const subtotal = lines.reduce((sum, l) => sum + l.gross, 0);
  const discountTotal = lines.reduce((sum, l) => sum + l.discountAmount, 0);
  const taxTotal = lines.reduce((sum, l) => sum + l.tax, 0);
  const total = lines.reduce((sum, l) => sum + l.total, 0);
  const amountPaid = rest.amountPaid ?? 50_000;
  const status = rest.status ?? 'sent';
  const dueDate = rest.dueDate ?? '2026-04-09';
  return {
    id: 'inv_sample',
    number: 'HP-0001',
    clientId: 'cli_sample',
    status,
    // As the core decides it on the sample's day, 2026-03-10: part paid and not yet due reads partially_paid.
    displayStatus: invoiceDisplayStatus({ status, dueDate, amountPaid }, '2026-03-10'),
    currency: 'EUR',
    issueDate: '2026-03-10',
    dueDate: '2026-04-09',
    subtotal,
    discountTotal,
    taxTotal,
    total,
    amountPaid,
    balance: total - amountPaid,
    notes: 'Thank you for your business.\nPayment by bank transfer within 30 days.',
    sharedWithClient: false,
    version: 3,
    sentAt: new Date('2026-03-10T09:00:00Z'),
    paidAt: null,
    voidedAt: null,
    createdAt: new Date('2026-03-09T15:30:00Z'),
    updatedAt: new Date('2026-03-10T09:00:00Z'),
    lines,
    ...rest,
  };
}

const sampleDescriptions: Record<keyof typeof sampleNames, string[]> = {
  latin: ['Brand workshop, two days', 'Logo design', 'Hosting (monthly)'],
  cyrillic: ['Семинар по бренду, два дня', 'Разработка логотипа', 'Хостинг (ежемесячно)'],
  japanese: ['ブランドワークショップ（2日間）', 'ロゴデザイン', 'ホスティング（月額）'],
  arabic: ['ورشة عمل للعلامة التجارية، يومان', 'تصميم الشعار', 'استضافة (شهرية)'],
};

/** A document input in one script: the business, client and line descriptions written in it. */
export function sampleDocument(script: keyof typeof sampleNames, locale: Locale, invoice: Partial<Invoice> = {}): InvoiceDocumentInput {
  const names = sampleNames[script];
  return {
    invoice: sampleInvoice({ descriptions: sampleDescriptions[script], ...invoice }),
    business: { id: 'biz_sample', name: names.business, brandColor: '#2f5bea', logoUrl: null },
    client: { name: names.client },
    locale,
  };
}

/** A plain in-memory estimate (no database) with the sample invoice's three lines and totals, sent and valid on the sample's day. */
export function sampleEstimate(overrides: Partial<Estimate> & { descriptions?: string[] } = {}): Estimate {
  const { descriptions, ...rest } = overrides;
  const { lines, subtotal, discountTotal, taxTotal, total, notes, createdAt, updatedAt, sentAt } = sampleInvoice(descriptions ? { descriptions } : {});
  const status = rest.status ?? 'sent';
  const validUntil = rest.validUntil ?? '2026-04-09';
  return {
    id: 'est_sample',
    number: 'EST-0007',
    clientId: 'cli_sample',
    status,
    displayStatus: estimateDisplayStatus({ status, validUntil }, '2026-03-10'),
    currency: 'EUR',
    issueDate: '2026-03-10',
    validUntil,
    subtotal,
    discountTotal,
    taxTotal,
    total,
    notes,
    invoiceId: null,
    version: 2,
    sentAt,
    voidedAt: null,
    acceptance: null,
    declinedAt: null,
    declineReason: null,
    createdAt,
    updatedAt,
    lines,
    versionHash: 'a3f1c09e5b7d2468ace0134579bdf02468ace13579bdf02468ace13579bdf024',
    ...rest,
  };
}

/** An estimate's document input in one script, as `sampleDocument` is an invoice's. */
export function sampleEstimateDocument(script: keyof typeof sampleNames, locale: Locale, estimate: Partial<Estimate> = {}): EstimateDocumentInput {
  const names = sampleNames[script];
  return {
    estimate: sampleEstimate({ descriptions: sampleDescriptions[script], ...estimate }),
    business: { id: 'biz_sample', name: names.business, brandColor: '#2f5bea', logoUrl: null },
    client: { name: names.client },
    locale,
  };
}
