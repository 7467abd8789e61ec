import { count, plural } from '../../i18n/plural.js';
import type { EstimateStrings } from './strings.js';

const c = (n: number): string => count('ar', n);
const uruud = (n: number): string =>
  plural('ar', n, { zero: 'لا عروض أسعار', one: 'عرض سعر واحد', two: 'عرضا سعر', few: '# عروض أسعار', many: '# عرض سعر', other: '# عرض سعر' });

export const ar: EstimateStrings = {
  estimatesHeading: 'عروض الأسعار',
  estimatesLoading: 'جارٍ تحميل عروض الأسعار…',
  noEstimates: 'لا توجد عروض أسعار بعد. عندما يصلك عرض سعر سيظهر هنا لتقبله أو ترفضه.',
  columnValidUntil: 'صالح حتى',
  columnTotal: 'الإجمالي',
  selectEstimate: (number) => `تحديد ${number}`,
  estimateStatusAccepted: 'مقبول',
  estimateStatusDeclined: 'مرفوض',
  estimateStatusExpired: 'منتهي الصلاحية',
  estimateStatusConverted: 'صدرت فاتورته',
  estimateDownloadProgress: (done, total) => `${c(done)} من ${uruud(total)}`,
  estimateDownloadReady: (n) => `التنزيل جاهز: ${uruud(n)}.`,

  estimateHeading: (number) => `عرض السعر ${number}`,
  estimateLoading: 'جارٍ تحميل عرض السعر…',
  estimateNotFound: 'تعذّر العثور على عرض السعر هذا.',
  preparedFor: 'مُعدّ لـ',
  validUntil: 'صالح حتى',
  respondPrompt: (date) => `عرض السعر هذا صالح حتى ${date}. يمكنك قبوله أو رفضه هنا.`,
  accept: 'قبول',
  decline: 'رفض',
  acceptHeading: 'قبول عرض السعر هذا',
  acceptNameLabel: 'اسمك الكامل',
  acceptNameHint: 'كتابة اسمك تُعدّ توقيعًا على القبول.',
  acceptConfirm: (number, total) => `أقبل عرض السعر ${number} بمبلغ ${total} كما هو معروض أعلاه.`,
  acceptSubmit: 'قبول عرض السعر',
  accepting: 'جارٍ القبول…',
  nameRequired: 'يُرجى كتابة اسمك الكامل.',
  confirmRequired: 'يُرجى تحديد المربع لتأكيد القبول.',
  declineHeading: 'رفض عرض السعر هذا',
  declineReasonLabel: 'السبب (اختياري)',
  declineSubmit: 'رفض عرض السعر',
  declining: 'جارٍ الرفض…',
  cancel: 'إلغاء',
  answerIsFinal: 'ردّك نهائي ولا يمكن تغييره بعد ذلك.',
  acceptedBy: (name, date) => `قبله ${name} في ${date}.`,
  acceptedVersion: (hash) => `النسخة المقبولة: ${hash}`,
  declinedOn: (date) => `رُفض في ${date}.`,
  declineReason: (reason) => `السبب: ${reason}`,
  expiredNote: (date) => `انتهت صلاحية عرض السعر هذا في ${date} ولم يعد قبوله ممكنًا.`,
  convertedNote: 'تحوّل عرض السعر هذا إلى فاتورة.',
  voidNote: 'سُحب عرض السعر هذا.',
  viewInvoice: 'عرض الفاتورة',
  errorExpired: 'انتهت صلاحية عرض السعر هذا ولم يعد قبوله أو رفضه ممكنًا.',
  errorAlreadyAnswered: 'تم الرد على عرض السعر هذا من قبل، فلا يمكن تغييره.',
};
