/**
 * The words mail programs write around quoted history, per language: what
 * an attribution line ("On … wrote:") starts and ends with, the markers of
 * forwarded and original messages, and the labels of the header block
 * Outlook writes ("From: … Sent: …"). Data only: reply-patterns.ts turns
 * these into the matchers. Add a language here, not there.
 *
 * Languages: the portal's (English, German, Italian, Russian, Japanese,
 * Arabic), those seen in real replies (French, Spanish, Portuguese, Dutch,
 * Polish, Swedish, Norwegian, Danish, Ukrainian, Chinese, Hebrew, Persian),
 * and a few cheap extras (Czech, Finnish, Turkish, Hungarian, Greek).
 */

/**
 * Words an attribution line starts with ("On", "Am", "Le", "Il giorno"...).
 * Chinese 在 and Arabic في can be followed straight by a digit.
 */
export const ATTRIBUTION_LEADS: readonly string[] = [
  'on', 'at', 'in message', // English
  'am', // German
  'le', // French
  'il', 'il giorno', // Italian
  'el', // Spanish
  'em', 'no dia', // Portuguese
  'op', // Dutch
  'dnia', 'w dniu', 'dňa', // Polish (and Slovak)
  'den', 'på', // Swedish, Norwegian, Danish
  'في', 'بتاريخ', 'كتب', // Arabic: "on", "dated", "wrote" (verb first)
  'בתאריך', // Hebrew: "on the date"
  'در تاریخ', 'در', // Persian: "on the date", "on"
  '在', // Chinese
];

/** Verbs that close (or, after "Am …", sit inside) an attribution line, written in letters: matched as whole words. */
export const WROTE_WORDS: readonly string[] = [
  'wrote', 'writes', 'said', 'says', // English
  'schrieb', 'schrieben sie', 'geschrieben', 'hat geschrieben', 'folgendes geschrieben', // German (the last is Yahoo's)
  'a écrit', 'a ecrit', 'nous a dit', // French
  'ha scritto', 'scrisse', // Italian
  'escribió', 'escribio', // Spanish
  'escreveu', // Portuguese
  'schreef', 'het volgende geschreven', 'geschreven', // Dutch
  'napisał(a)', 'napisał', 'napisała', 'pisze', // Polish
  'skrev', // Swedish, Norwegian, Danish
  'написал(а)', 'написал(-а)', 'написал', 'написала', 'пишет', // Russian ("(-а)" is Yahoo's)
  'написав(ла)', 'написав(-ла)', 'написав', 'написала', 'пише', // Ukrainian
  'كتب', 'كتبت', 'تمت كتابة ما يلي بواسطة', // Arabic (the last, "the following was written by", is Gmail's)
  'מאת', 'כתב', 'כתבה', 'כתב/ה', // Hebrew ("from", "wrote")
  'نوشت', 'نوشته است', // Persian
  'napsal(a)', 'napsal', 'napsala', // Czech
  'kirjoitti', // Finnish
  'yazdı', // Turkish
  'írta', // Hungarian
  'έγραψε', // Greek
];

/** Verbs in scripts without spaces between words (matched without word boundaries). */
export const WROTE_CJK: readonly string[] = [
  'さんは書きました', 'は次のように書きました', 'は書きました', '書きました', 'のメール', 'のメッセージ', // Japanese
  '写道', '寫道', // Chinese
];

/**
 * Verbs only mail programs write: "napisał(a)" hedges the gender as no
 * person would, "het volgende geschreven" is Apple Mail's Dutch, and
 * "さんは書きました" is Outlook's Japanese. A line ending in one of these needs
 * no date or address beside it.
 */
export const DISTINCTIVE_WROTE: readonly string[] = [
  'さんは書きました', 'は次のように書きました', 'het volgende geschreven', 'napisał(a)', 'написал(а)', 'написал(-а)', 'написав(ла)', 'написав(-ла)', 'napsal(a)', 'כתב/ה',
];

/** Between dashes: "-----Original Message-----", "---------- Forwarded message ---------". */
export const FORWARD_BETWEEN_DASHES: readonly string[] = [
  'original message', 'forwarded message', 'forwarded message follows', 'reply message', // English
  'ursprüngliche nachricht', 'weitergeleitete nachricht', 'originalnachricht', 'original-nachricht', // German
  "message d'origine", 'message d’origine', 'message original', 'message transféré', 'courriel original', // French
  'messaggio originale', 'messaggio inoltrato', // Italian
  'mensaje original', 'mensaje reenviado', // Spanish
  'mensagem original', 'mensagem encaminhada', // Portuguese
  'oorspronkelijk bericht', 'origineel bericht', 'doorgestuurd bericht', // Dutch
  'oryginalna wiadomość', 'wiadomość oryginalna', 'przekazana wiadomość', 'wiadomość przekazana dalej', // Polish
  'ursprungligt meddelande', 'originalmeddelande', 'vidarebefordrat meddelande', // Swedish
  'opprinnelig melding', 'videresendt melding', 'oprindelig meddelelse', 'videresendt meddelelse', // Norwegian, Danish
  'исходное сообщение', 'пересылаемое сообщение', 'пересланное сообщение', 'оригинальное сообщение', // Russian
  'оригінальне повідомлення', 'початкове повідомлення', 'переслане повідомлення', 'пересланий лист', // Ukrainian
  '元のメッセージ', '転送されたメッセージ', 'オリジナルメッセージ', '転送メッセージ', // Japanese
  '原始邮件', '原始郵件', '转发的邮件', '轉寄的郵件', '原始信件', '转发邮件', // Chinese
  'الرسالة الأصلية', 'الرسالة المعاد توجيهها', 'رسالة معاد توجيهها', // Arabic
  'הודעה מקורית', 'הודעה שהועברה', // Hebrew
  'پیام اصلی', 'پیام بازارسال شده', // Persian
];

/** Apple Mail and friends: "Begin forwarded message:". */
export const FORWARD_FOLLOWED_BY_COLON: readonly string[] = [
  'begin forwarded message', 'forwarded message', // English
  'anfang der weitergeleiteten nachricht', // German
  'début du message réexpédié', 'début du message transféré', // French
  'inizio messaggio inoltrato', // Italian
  'comienzo del mensaje reenviado', 'inicio del mensaje reenviado', // Spanish
  'início da mensagem reencaminhada', 'início da mensagem encaminhada', // Portuguese
  'begin doorgestuurd bericht', // Dutch
  'początek przekazywanej wiadomości', // Polish
  'vidarebefordrat brev', 'vidarebefordrat meddelande', // Swedish
  'videresendt melding', 'videresendt meddelelse', // Norwegian, Danish
  'начало переадресованного сообщения', 'пересылаемое сообщение', // Russian
  'початок пересланого листа', // Ukrainian
  '転送されたメッセージ', // Japanese
  '以下是转发的邮件', '以下为转发的邮件', '開始轉寄郵件', // Chinese
  'بداية الرسالة المعاد توجيهها', // Arabic
];

/** Header-block labels naming the sender; a header block must have one. */
export const HEADER_FROM_LABELS: readonly string[] = [
  'from', 'von', 'de', 'da', 'van', 'från', 'fra', 'od', 'от', 'від',
  'expéditeur', 'remetente', 'mittente', '差出人', '送信者', '发件人', '寄件者', '寄件人', 'من', 'מאת', 'از',
];

/** The other header-block labels. */
export const HEADER_OTHER_LABELS: readonly string[] = [
  'to', 'cc', 'bcc', 'reply-to', 'subject', 'sent', 'date', // English
  'an', 'betreff', 'gesendet', 'datum', 'antwort an', 'kopie', // German
  'à', 'a', 'objet', 'envoyé', 'destinataire', 'répondre à', // French
  'oggetto', 'inviato', 'inviato il', 'data', 'risposta', 'rispondi a', 'ccn', // Italian
  'para', 'asunto', 'enviado', 'enviado el', 'fecha', 'responder a', 'cco', // Spanish
  'assunto', 'enviada em', 'enviado em', 'enviada', // Portuguese
  'aan', 'onderwerp', 'verzonden', 'beantwoorden - aan', // Dutch
  'do', 'dw', 'temat', 'wysłano', 'wysłane', // Polish
  'till', 'kopia', 'ämne', 'skickat', // Swedish
  'til', 'kopi', 'emne', 'sendt', 'dato', // Norwegian, Danish
  'кому', 'копия', 'тема', 'отправлено', 'дата', // Russian
  'копія', 'надіслано', // Ukrainian
  '宛先', '件名', '送信日時', '日付', // Japanese
  '收件人', '抄送', '主题', '发送时间', '日期', '收件者', '副本', '主旨', '寄件日期', '时间', '時間', // Chinese
  'إلى', 'نسخة', 'نسخة إلى', 'الموضوع', 'تم الإرسال', 'التاريخ', 'أرسل', 'بتاريخ', // Arabic
  'אל', 'נושא', 'תאריך', 'נשלח', // Hebrew
  'به', 'موضوع', 'تاریخ', 'ارسال شده', // Persian
];
