/**
 * Subjects of out-of-office and other automatic answers, in the portal's
 * languages (English, German, Italian, Russian, Japanese, Arabic). Most such
 * mail also says so in a header (RFC 3834 Auto-Submitted, X-Autoreply, ...);
 * these catch the mail programs that don't.
 *
 * Only phrases that name an automatic answer: a single word like "vacation"
 * or "Urlaub" is a person's subject as often as a robot's, and a person's
 * message taken for a robot's is lost to the thread.
 */
const PHRASES = [
  // English
  'out of office',
  'out of the office',
  'out-of-office',
  'automatic reply',
  'automatic response',
  'auto reply',
  'auto-reply',
  'autoreply',
  'auto response',
  'auto-response',
  'autoresponse',
  'away from the office',
  'away from my desk',
  'vacation reply',
  'vacation response',
  'holiday autoreply',
  // German
  'abwesenheitsnotiz',
  'abwesenheitsmeldung',
  'automatische antwort',
  'automatische rückantwort',
  'außer haus',
  'ausser haus',
  'nicht im büro',
  'bin im urlaub',
  // Italian
  'risposta automatica',
  'fuori ufficio',
  'fuori sede',
  'assenza dall\'ufficio',
  'sono in ferie',
  // Russian
  'автоответ',
  'автоматический ответ',
  'вне офиса',
  'нет на месте',
  'я в отпуске',
  // Japanese
  '自動応答',
  '自動返信',
  '自動送信',
  '不在通知',
  '不在のお知らせ',
  '休暇のお知らせ',
  // Arabic
  'رد تلقائي',
  'الرد التلقائي',
  'رد آلي',
  'خارج المكتب',
  'أنا في إجازة',
  'انا في إجازة',
];

const ALTERNATION = [...PHRASES]
  .sort((a, b) => b.length - a.length)
  .map((phrase) => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|');

/**
 * Where an automatic answer puts its marker: first in the subject ("Automatic
 * reply: Invoice 12"), before a colon ("[#12] Out of office: ..."), or in
 * brackets at the end ("Invoice 12 (Abwesenheitsnotiz)"). A client asking
 * "Are you out of office next week?" writes none of these.
 */
const MARKER = new RegExp(`^[\\s[(*-]*(?:${ALTERNATION})|(?:${ALTERNATION})\\s*:|[[(]\\s*(?:${ALTERNATION})\\s*[\\])]`, 'u');

/** Zero-width and bidirectional marks (common in Arabic subjects) dropped, odd spaces and the full-width colon made plain. */
function normalizeSubject(subject: string): string {
  return subject
    .replace(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g, '')
    .replace(/[\s\u00a0\u3000]+/g, ' ')
    .replace(/\uff1a/g, ':')
    .toLowerCase();
}

/** Whether the subject marks an automatic answer (out of office, auto-reply) in a language the portal speaks. */
export function isAutoReplySubject(subject: string): boolean {
  // Subjects are short; a long one is cut, not scanned whole.
  return MARKER.test(normalizeSubject(subject.slice(0, 1000)));
}
