import type { InvoiceStatusFilterWire } from './http/billing.js';
import type { Locale } from './locales.js';

/**
 * The words for each invoice status, in every language the portal speaks:
 * the one vocabulary of the list and its filter chips, the preview, the PDF
 * and the admin (the CSV carries the codes). The widgets' translation tables
 * and the core's document strings are checked against this table by tests.
 */
export const invoiceStatusWords: Record<Locale, Record<InvoiceStatusFilterWire, string>> = {
  en: { draft: 'Draft', sent: 'Sent', partially_paid: 'Partially paid', overdue: 'Overdue', paid: 'Paid', void: 'Void', unpaid: 'Unpaid' },
  de: { draft: 'Entwurf', sent: 'Versendet', partially_paid: 'Teilweise bezahlt', overdue: 'Überfällig', paid: 'Bezahlt', void: 'Storniert', unpaid: 'Offen' },
  it: { draft: 'Bozza', sent: 'Inviata', partially_paid: 'Pagata in parte', overdue: 'Scaduta', paid: 'Pagata', void: 'Annullata', unpaid: 'Da pagare' },
  ru: { draft: 'Черновик', sent: 'Отправлен', partially_paid: 'Оплачен частично', overdue: 'Просрочен', paid: 'Оплачен', void: 'Аннулирован', unpaid: 'Не оплачен' },
  ja: { draft: '下書き', sent: '送付済み', partially_paid: '一部入金済み', overdue: '期限超過', paid: '支払済み', void: '無効', unpaid: '未払い' },
  ar: { draft: 'مسودة', sent: 'مرسلة', partially_paid: 'مدفوعة جزئيا', overdue: 'متأخرة', paid: 'مدفوعة', void: 'ملغاة', unpaid: 'غير مدفوعة' },
};
