/**
 * The lines phones and mail apps append to a reply ("Sent from my iPhone",
 * "Get Outlook for iOS", "Von meinem Samsung Galaxy Smartphone gesendet."),
 * per language. Data only: reply-patterns.ts matches a line against them.
 *
 * Two kinds of entry:
 * - FOOTER_SHAPES: whole-line patterns of the common "sent from …" forms,
 *   whatever the device ("Sent from my office PC" included);
 * - MAIL_APP_NAMES with FOOTER_PHRASES and FOOTER_GLUE_WORDS: a line that
 *   names a mail app or device, says "sent from", "get" or "download" in
 *   any language, in any word order, and has no other words than a few glue
 *   words ("iOS 版 Outlook を入手", "Outlook für iOS beziehen", "Android の
 *   Yahoo メールから送信"). Apps ship these in every language of their store;
 *   the tables below cover the languages we know well.
 */

/** Whole-line patterns, matched on the line with links taken out. */
export const FOOTER_SHAPES: readonly RegExp[] = [
  // English
  /^[(<[]{0,2}sent (?:from|via|with|by|using|on) .{1,60}$/iu,
  /^[\p{L}\p{N}]{1,20} from mobile$/iu,
  /^from my .{1,25}$/iu,
  /^get outlook for .{1,40}$/iu,
  // German
  /^von meinem .{1,60} gesendet\.?$/iu,
  /^von .{1,60} gesendet\.?$/iu,
  /^gesendet (?:von|mit|vom) .{1,60}$/iu,
  /^diese nachricht wurde von .{1,80} gesendet\.?$/iu,
  // French
  /^envoyé (?:depuis|de|à partir de|avec) .{1,60}$/iu,
  // Italian
  /^inviato (?:da|dal|dalla|con|tramite) .{1,60}$/iu,
  // Spanish, Portuguese
  /^enviado (?:desde|con|do|da|de|a partir d[oe]|pelo|via) .{1,60}$/iu,
  // Dutch
  /^(?:verzonden|verstuurd) (?:met|vanaf|van|via) .{1,60}$/iu,
  // Polish
  /^wysłane (?:z|ze|przez|za pomocą) .{1,60}$/iu,
  // Swedish, Norwegian, Danish
  /^(?:skickat|sendt) (?:från|fra|med) .{1,60}$/iu,
  /^(?:från|fra) min .{1,40}$/iu,
  // Russian, Ukrainian
  /^(?:отправлено|надіслано|відправлено) (?:с|со|из|з|із|через) .{1,60}$/iu,
  // Japanese
  /^.{1,40}(?:から|より)送信(?:しました|されました)?[。.]?$/u,
  // Chinese
  /^(?:從我的|从我的|来自我的|來自我的|发自我的|發自我的).{1,40}$/u,
  // Korean
  /^.{1,40}에서 보냄$/u,
  // Arabic
  /^(?:أرسلت|أُرسلت|أرسل|مرسل|مرسلة|مُرسل|تم الإرسال) (?:من|بواسطة) .{1,60}$/u,
  // Hebrew, Persian
  /^נשלח (?:מ|באמצעות).{1,60}$/u,
  /^ارسال شده (?:از|با) .{1,60}$/u,
];

/**
 * Mail apps and devices footers name. Matched at the start of a word (so
 * "iPhone'a" and "iPhoneから" count); never a bare word a sentence would use.
 */
export const MAIL_APP_NAMES: readonly string[] = [
  'iPhone', 'iPad', 'iPod', 'Apple Watch', 'iOS', 'Android', 'Outlook', 'Yahoo', 'Gmail', 'Samsung', 'Galaxy',
  'Huawei', 'Xiaomi', 'BlackBerry', 'Windows', 'Thunderbird', 'ProtonMail', 'Proton Mail', 'Spark', 'BlueMail',
  'Edison Mail', 'Aqua Mail', 'AOL', 'Mail.ru', 'Yandex', 'Яндекс', 'GMX', 'WEB.DE', 'Libero', 'Zoho', 'Tuta',
];

/** Per language, the words around the app's name: "sent from", "get", "download". */
export const FOOTER_PHRASES: Readonly<Record<string, readonly string[]>> = {
  en: ['sent from', 'sent via', 'sent with', 'sent using', 'sent on', 'get', 'download'],
  de: ['gesendet', 'von meinem', 'beziehen', 'herunterladen', 'holen', 'laden'],
  fr: ['envoyé de', 'envoyé depuis', 'envoyé à partir de', 'envoyé avec', 'obtenir', 'télécharger', 'téléchargez'],
  it: ['inviato da', 'inviato dal', 'inviato dalla', 'inviato con', 'inviato tramite', 'ottieni', 'scarica'],
  es: ['enviado desde', 'enviado con', 'enviado de', 'obtener', 'obtén', 'descargar', 'descarga'],
  pt: ['enviado do', 'enviado da', 'enviado de', 'enviado pelo', 'obter', 'obtenha', 'baixe', 'baixar', 'transferir'],
  nl: ['verzonden vanaf', 'verstuurd vanaf', 'verzonden met', 'verzonden van', 'downloaden'],
  pl: ['wysłane z', 'wysłano z', 'pobierz'],
  sv: ['skickat från', 'skickades från', 'hämta', 'skaffa'],
  da: ['sendt fra', 'hent', 'få'],
  fi: ['lähetetty', 'hanki', 'lataa'],
  tr: ['gönderildi', 'edinin', 'indirin'],
  cs: ['odesláno z', 'stáhnout', 'získat'],
  hu: ['küldve', 'töltse le', 'szerezze be'],
  el: ['στάλθηκε από', 'λήψη'],
  ru: ['отправлено с', 'отправлено со', 'отправлено из', 'отправлено через', 'получить', 'загрузите', 'скачайте', 'скачать', 'загрузить'],
  uk: ['надіслано з', 'відправлено з', 'отримати', 'завантажте'],
  ja: ['から送信', 'より送信', 'で送信', 'を入手', '入手', 'をダウンロード'],
  zh: ['发自', '發自', '来自', '來自', '获取', '獲取', '下载', '下載'],
  ko: ['에서 보냄', '에서 보낸', '다운로드', '받기'],
  ar: ['أرسلت من', 'أُرسلت من', 'أرسل من', 'مرسل من', 'مُرسل من', 'تم الإرسال من', 'الحصول على', 'احصل على', 'تنزيل'],
  he: ['נשלח', 'הורד', 'קבל'],
  fa: ['ارسال شده از', 'دریافت'],
};

/**
 * Per language, the only other words such a footer has ("for", "my",
 * "smartphone", "版"): a line with any other word ("I can't download the PDF
 * on my iPhone.") is the client's own sentence and stays.
 */
export const FOOTER_GLUE_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['for', 'on', 'my', 'the', 'app', 'mobile', 'phone', 'smartphone', 'tablet', 'device', 'mail', 'email'],
  de: ['für', 'auf', 'mein', 'meinem', 'vom', 'smartphone', 'telefon', 'handy', 'tablet', 'app', 'mail'],
  fr: ['pour', 'sur', 'mon', 'ma', 'le', 'la', 'smartphone', 'téléphone', 'tablette', 'appli', 'application', 'courrier', 'mail'],
  it: ['per', 'su', 'mio', 'il', 'smartphone', 'telefono', 'tablet', 'app', 'posta', 'mail'],
  es: ['para', 'en', 'mi', 'el', 'smartphone', 'teléfono', 'móvil', 'tableta', 'app', 'correo', 'mail'],
  pt: ['para', 'no', 'o', 'meu', 'minha', 'smartphone', 'telefone', 'celular', 'tablet', 'app', 'email', 'mail'],
  nl: ['voor', 'op', 'mijn', 'telefoon', 'app'],
  pl: ['dla', 'systemu', 'mojego', 'telefonu', 'aplikację', 'aplikacji'],
  sv: ['för', 'min', 'mobil', 'app'],
  da: ['for', 'til', 'min', 'mobil', 'app'],
  tr: ['için', 'cihazımdan', 'uygulaması'],
  ru: ['для', 'на', 'моего', 'мой', 'устройства', 'смартфона', 'телефона', 'приложения', 'почта', 'почты'],
  uk: ['для', 'мого', 'пристрою', 'смартфона'],
  ja: ['版', 'の', '用', 'スマートフォン', 'メール', 'アプリ'],
  zh: ['的', '我的', '版', '手机', '邮件'],
  ko: ['의', '용', '메일'],
  ar: ['لـ', 'لنظام', 'على', 'من', 'هاتفي', 'الذكي', 'الخاص', 'بي', 'الـ', 'بريد', 'البريد', 'جهاز', 'تطبيق'],
  he: ['של', 'שלי', 'עבור'],
  fa: ['برای', 'من', 'گوشی'],
};

/** At most this many glue words beside the app's name and the phrase. */
export const MAX_FOOTER_GLUE_WORDS = 4;
