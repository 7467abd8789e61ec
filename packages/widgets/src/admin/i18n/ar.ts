import { count, plural } from '../../i18n/plural.js';
import type { AdminStrings } from './strings.js';

/** Arabic plural forms (zero, one, two, few, many, other); `#` is the number in Arabic-Indic digits. */
const p = (n: number, forms: { zero?: string; one: string; two: string; few: string; many: string; other: string }): string => plural('ar', n, forms);
const c = (n: number): string => count('ar', n);

export const ar: AdminStrings = {
  adminInvoicesLabel: 'الفواتير',
  columnClient: 'العميل',
  columnActions: 'الإجراءات',
  send: 'إرسال',
  sendAgain: 'إعادة الإرسال',
  sendInvoiceLabel: (number) => `إرسال: ${number}`,
  sendAgainLabel: (number) => `إعادة الإرسال: ${number}`,
  sentToContacts: (n) =>
    `أُرسلت إلى ${p(n, { one: 'جهة اتصال واحدة', two: 'جهتي اتصال', few: '# جهات اتصال', many: '# جهة اتصال', other: '# جهة اتصال' })}`,
  invoiceSent: (number, n) =>
    `أُرسلت ${number} إلى ${p(n, { one: 'جهة اتصال واحدة', two: 'جهتي اتصال', few: '# جهات اتصال', many: '# جهة اتصال', other: '# جهة اتصال' })}.`,

  inboxHeading: 'صندوق الدعم',
  inboxFilterLabel: 'عرض التذاكر',
  filterOpen: 'مفتوحة',
  filterClosed: 'مغلقة',
  unreadOnly: 'غير المقروءة فقط',
  inboxEmpty: 'لا توجد تذاكر هنا.',
  inboxPickTicket: 'اختر تذكرة لقراءتها.',
  contactsLabel: 'جهات الاتصال',
  internalNote: 'ملاحظة داخلية',
  internalNoteHint: 'لا يرى الملاحظات الداخلية إلا فريقك، ولا يُرسل بريد إلى العميل.',
  emailBounced: (address) => `تعذّر تسليم البريد الإلكتروني إلى ${address}.`,
  addNote: 'إضافة ملاحظة',
  noteRequired: 'يرجى كتابة الملاحظة أولًا.',
  noteAdded: 'تمت إضافة الملاحظة.',
  closeTicket: 'إغلاق التذكرة',
  reopenTicket: 'إعادة فتح التذكرة',
  ticketClosed: 'تم إغلاق التذكرة.',
  ticketReopened: 'تمت إعادة فتح التذكرة.',
  heldMail: (n) => `بريد محتجز (${c(n)})`,
  heldHeading: 'البريد المحتجز',
  heldEmpty: 'لا يوجد بريد بانتظار المراجعة.',
  heldFrom: (sender) => `من ${sender}`,
  heldUnknownSender: 'مرسل غير معروف',
  heldNoSubject: '(بلا موضوع)',
  heldClaimsTicket: 'يدّعي أنه رد على تذكرة',
  acceptHeld: 'قبول',
  discardHeld: 'تجاهل',
  heldAccepted: 'تم قبول الرسالة.',
  heldDiscarded: 'تم تجاهل الرسالة.',
};
