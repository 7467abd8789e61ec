import type { EstimateDisplayStatusWire } from './http/estimates.js';
import type { Locale } from './locales.js';

/**
 * The words for each estimate status, in every language the portal speaks:
 * one vocabulary for the lists, the previews, the PDF and the admin (the CSV
 * carries the codes). `converted`: the business made it an invoice itself.
 * The widgets' translation tables and the core's document strings are checked
 * against this table by tests.
 */
export const estimateStatusWords: Record<Locale, Record<EstimateDisplayStatusWire, string>> = {
  en: { draft: 'Draft', sent: 'Sent', expired: 'Expired', accepted: 'Accepted', declined: 'Declined', converted: 'Invoiced', void: 'Void' },
  de: { draft: 'Entwurf', sent: 'Versendet', expired: 'Abgelaufen', accepted: 'Angenommen', declined: 'Abgelehnt', converted: 'Abgerechnet', void: 'Storniert' },
  it: { draft: 'Bozza', sent: 'Inviato', expired: 'Scaduto', accepted: 'Accettato', declined: 'Rifiutato', converted: 'Fatturato', void: 'Annullato' },
  ru: { draft: 'Черновик', sent: 'Отправлена', expired: 'Истекла', accepted: 'Принята', declined: 'Отклонена', converted: 'Выставлен счёт', void: 'Аннулирована' },
  ja: { draft: '下書き', sent: '送付済み', expired: '期限切れ', accepted: '承諾済み', declined: '辞退', converted: '請求済み', void: '無効' },
  ar: { draft: 'مسودة', sent: 'مرسل', expired: 'منتهي الصلاحية', accepted: 'مقبول', declined: 'مرفوض', converted: 'تمت فوترته', void: 'ملغى' },
};
