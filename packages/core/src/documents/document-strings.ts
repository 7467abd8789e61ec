import type { PaymentMethod } from '../payments/payments.js';
import { estimateStatusWords, invoiceStatusWords } from '@portico/wire';
import type { InvoiceDisplayStatus } from '../invoices/invoice-status.js';
import type { EstimateDisplayStatus } from '../estimates/estimate-status.js';
import type { Locale } from '../shared/locales.js';

/**
 * The status printed on a PDF: the display status (`invoiceDisplayStatus`),
 * in the words the list uses (`invoiceStatusWords`). It depends on the
 * business's today (overdue), so the PDF cache keys on it.
 */
export type DocumentPaymentStatus = InvoiceDisplayStatus;

/**
 * Everything an invoice or estimate PDF says, in one language. Typed as
 * `Record<Locale, DocumentStrings>`: a missing language or label does not compile.
 * Values are plain text; amounts and dates are formatted with Intl for the locale.
 */
export interface DocumentStrings {
  direction: 'ltr' | 'rtl';
  invoiceTitle: string;
  draftTitle: string;
  invoiceNumber: string;
  issueDate: string;
  dueDate: string;
  billedTo: string;
  status: string;
  description: string;
  quantity: string;
  unitPrice: string;
  taxRate: string;
  lineTotal: string;
  subtotal: string;
  discount: string;
  tax: string;
  total: string;
  amountPaid: string;
  balance: string;
  notes: string;
  paymentStatus: Record<DocumentPaymentStatus, string>;
  /** One payment in the totals: "Payment, 12 March 2026 (bank transfer)". */
  paymentRow(p: { date: string; method: string }): string;
  paymentMethods: Record<PaymentMethod, string>;
  /** Under a line item with a discount; `percent` is null for a fixed amount off. */
  lineDiscount(p: { percent: string | null; amount: string }): string;
  page(p: { page: number; pages: number }): string;
  estimateTitle: string;
  draftEstimateTitle: string;
  estimateNumber: string;
  validUntil: string;
  /** Above an estimate's buyer. */
  preparedFor: string;
  /** The display status, in the words of the lists (`estimateStatusWords`). */
  estimateStatus: Record<EstimateDisplayStatus, string>;
  /** Under an accepted estimate's totals; `version` is the accepted content's hash, shortened. */
  acceptedBy(p: { name: string; date: string; version: string }): string;
}

export const documentStrings: Record<Locale, DocumentStrings> = {
  en: {
    direction: 'ltr',
    invoiceTitle: 'Invoice',
    draftTitle: 'Draft invoice',
    invoiceNumber: 'Invoice no.',
    issueDate: 'Issue date',
    dueDate: 'Due date',
    billedTo: 'Billed to',
    status: 'Status',
    description: 'Description',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    taxRate: 'Tax',
    lineTotal: 'Amount',
    subtotal: 'Subtotal',
    discount: 'Discount',
    tax: 'Tax',
    total: 'Total',
    amountPaid: 'Paid',
    balance: 'Balance due',
    notes: 'Notes',
    paymentStatus: invoiceStatusWords.en,
    paymentRow: ({ date, method }) => `Payment, ${date} (${method})`,
    paymentMethods: { card: 'card', bank_transfer: 'bank transfer', cash: 'cash', check: 'cheque', stripe: 'card, online', other: 'other' },
    lineDiscount: ({ percent, amount }) => (percent ? `Discount ${percent}: ${amount}` : `Discount: ${amount}`),
    page: ({ page, pages }) => `Page ${page} of ${pages}`,
    estimateTitle: 'Estimate',
    draftEstimateTitle: 'Draft estimate',
    estimateNumber: 'Estimate no.',
    validUntil: 'Valid until',
    preparedFor: 'Prepared for',
    estimateStatus: estimateStatusWords.en,
    acceptedBy: ({ name, date, version }) => `Accepted by ${name} on ${date} (version ${version})`,
  },
  de: {
    direction: 'ltr',
    invoiceTitle: 'Rechnung',
    draftTitle: 'Rechnungsentwurf',
    invoiceNumber: 'Rechnungsnr.',
    issueDate: 'Rechnungsdatum',
    dueDate: 'Fällig am',
    billedTo: 'Rechnung an',
    status: 'Status',
    description: 'Beschreibung',
    quantity: 'Menge',
    unitPrice: 'Einzelpreis',
    taxRate: 'USt.',
    lineTotal: 'Betrag',
    subtotal: 'Zwischensumme',
    discount: 'Rabatt',
    tax: 'Umsatzsteuer',
    total: 'Gesamtbetrag',
    amountPaid: 'Bezahlt',
    balance: 'Offener Betrag',
    notes: 'Anmerkungen',
    paymentStatus: invoiceStatusWords.de,
    paymentRow: ({ date, method }) => `Zahlung vom ${date} (${method})`,
    paymentMethods: { card: 'Karte', bank_transfer: 'Überweisung', cash: 'bar', check: 'Scheck', stripe: 'Karte, online', other: 'sonstige' },
    lineDiscount: ({ percent, amount }) => (percent ? `Rabatt ${percent}: ${amount}` : `Rabatt: ${amount}`),
    page: ({ page, pages }) => `Seite ${page} von ${pages}`,
    estimateTitle: 'Angebot',
    draftEstimateTitle: 'Angebotsentwurf',
    estimateNumber: 'Angebotsnr.',
    validUntil: 'Gültig bis',
    preparedFor: 'Angebot für',
    estimateStatus: estimateStatusWords.de,
    acceptedBy: ({ name, date, version }) => `Angenommen von ${name} am ${date} (Version ${version})`,
  },
  it: {
    direction: 'ltr',
    invoiceTitle: 'Fattura',
    draftTitle: 'Bozza di fattura',
    invoiceNumber: 'Fattura n.',
    issueDate: 'Data di emissione',
    dueDate: 'Scadenza',
    billedTo: 'Intestata a',
    status: 'Stato',
    description: 'Descrizione',
    quantity: 'Q.tà',
    unitPrice: 'Prezzo unitario',
    taxRate: 'IVA',
    lineTotal: 'Importo',
    subtotal: 'Subtotale',
    discount: 'Sconto',
    tax: 'Imposte',
    total: 'Totale',
    amountPaid: 'Pagato',
    balance: 'Saldo dovuto',
    notes: 'Note',
    paymentStatus: invoiceStatusWords.it,
    paymentRow: ({ date, method }) => `Pagamento del ${date} (${method})`,
    paymentMethods: { card: 'carta', bank_transfer: 'bonifico', cash: 'contanti', check: 'assegno', stripe: 'carta, online', other: 'altro' },
    lineDiscount: ({ percent, amount }) => (percent ? `Sconto ${percent}: ${amount}` : `Sconto: ${amount}`),
    page: ({ page, pages }) => `Pagina ${page} di ${pages}`,
    estimateTitle: 'Preventivo',
    draftEstimateTitle: 'Bozza di preventivo',
    estimateNumber: 'Preventivo n.',
    validUntil: 'Valido fino al',
    preparedFor: 'Preparato per',
    estimateStatus: estimateStatusWords.it,
    acceptedBy: ({ name, date, version }) => `Accettato da ${name} il ${date} (versione ${version})`,
  },
  ru: {
    direction: 'ltr',
    invoiceTitle: 'Счёт',
    draftTitle: 'Черновик счёта',
    invoiceNumber: 'Счёт №',
    issueDate: 'Дата выставления',
    dueDate: 'Оплатить до',
    billedTo: 'Плательщик',
    status: 'Статус',
    description: 'Описание',
    quantity: 'Кол-во',
    unitPrice: 'Цена',
    taxRate: 'Налог',
    lineTotal: 'Сумма',
    subtotal: 'Промежуточный итог',
    discount: 'Скидка',
    tax: 'Налог',
    total: 'Итого',
    amountPaid: 'Оплачено',
    balance: 'К оплате',
    notes: 'Примечания',
    paymentStatus: invoiceStatusWords.ru,
    paymentRow: ({ date, method }) => `Платёж от ${date} (${method})`,
    paymentMethods: { card: 'карта', bank_transfer: 'перевод', cash: 'наличные', check: 'чек', stripe: 'карта, онлайн', other: 'другое' },
    lineDiscount: ({ percent, amount }) => (percent ? `Скидка ${percent}: ${amount}` : `Скидка: ${amount}`),
    page: ({ page, pages }) => `Страница ${page} из ${pages}`,
    estimateTitle: 'Смета',
    draftEstimateTitle: 'Черновик сметы',
    estimateNumber: 'Смета №',
    validUntil: 'Действительна до',
    preparedFor: 'Для',
    estimateStatus: estimateStatusWords.ru,
    acceptedBy: ({ name, date, version }) => `Принята: ${name}, ${date} (версия ${version})`,
  },
  ja: {
    direction: 'ltr',
    invoiceTitle: '請求書',
    draftTitle: '請求書（下書き）',
    invoiceNumber: '請求書番号',
    issueDate: '発行日',
    dueDate: '支払期日',
    billedTo: '請求先',
    status: 'ステータス',
    description: '品目',
    quantity: '数量',
    unitPrice: '単価',
    taxRate: '税率',
    lineTotal: '金額',
    subtotal: '小計',
    discount: '値引き',
    tax: '消費税等',
    total: '合計',
    amountPaid: '入金済み',
    balance: 'ご請求残高',
    notes: '備考',
    paymentStatus: invoiceStatusWords.ja,
    paymentRow: ({ date, method }) => `${date}のお支払い（${method}）`,
    paymentMethods: { card: 'カード', bank_transfer: '銀行振込', cash: '現金', check: '小切手', stripe: 'カード（オンライン）', other: 'その他' },
    lineDiscount: ({ percent, amount }) => (percent ? `値引き ${percent}：${amount}` : `値引き：${amount}`),
    page: ({ page, pages }) => `${page} / ${pages} ページ`,
    estimateTitle: '見積書',
    draftEstimateTitle: '見積書（下書き）',
    estimateNumber: '見積書番号',
    validUntil: '有効期限',
    preparedFor: '宛先',
    estimateStatus: estimateStatusWords.ja,
    acceptedBy: ({ name, date, version }) => `${date}に${name}様が承諾（版 ${version}）`,
  },
  ar: {
    direction: 'rtl',
    invoiceTitle: 'فاتورة',
    draftTitle: 'مسودة فاتورة',
    invoiceNumber: 'رقم الفاتورة',
    issueDate: 'تاريخ الإصدار',
    dueDate: 'تاريخ الاستحقاق',
    billedTo: 'فاتورة إلى',
    status: 'الحالة',
    description: 'الوصف',
    quantity: 'الكمية',
    unitPrice: 'سعر الوحدة',
    taxRate: 'الضريبة',
    lineTotal: 'المبلغ',
    subtotal: 'المجموع الفرعي',
    discount: 'الخصم',
    tax: 'الضريبة',
    total: 'الإجمالي',
    amountPaid: 'المدفوع',
    balance: 'الرصيد المستحق',
    notes: 'ملاحظات',
    paymentStatus: invoiceStatusWords.ar,
    paymentRow: ({ date, method }) => `دفعة بتاريخ ${date} (${method})`,
    paymentMethods: { card: 'بطاقة', bank_transfer: 'تحويل مصرفي', cash: 'نقدًا', check: 'شيك', stripe: 'بطاقة عبر الإنترنت', other: 'أخرى' },
    lineDiscount: ({ percent, amount }) => (percent ? `خصم ${percent}: ${amount}` : `خصم: ${amount}`),
    page: ({ page, pages }) => `صفحة ${page} من ${pages}`,
    estimateTitle: 'عرض سعر',
    draftEstimateTitle: 'مسودة عرض سعر',
    estimateNumber: 'رقم عرض السعر',
    validUntil: 'صالح حتى',
    preparedFor: 'مُعد لـ',
    estimateStatus: estimateStatusWords.ar,
    acceptedBy: ({ name, date, version }) => `قبله ${name} في ${date} (الإصدار ${version})`,
  },
};
