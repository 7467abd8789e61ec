import type { Locale } from '@portico/core';

/** Text of the pages the server renders itself (the link landing page). Typed: a missing key fails the build. */
export interface PageStrings {
  title: string;
  continueHeading: string;
  continueBody: string;
  continueButton: string;
  expiredHeading: string;
  usedHeading: string;
  newLinkBody: string;
  emailLabel: string;
  invalidEmail: string;
  newLinkButton: string;
  sentHeading: string;
  sentBody: (email: string, minutes: number) => string;
  tooManyHeading: string;
  tooManyBody: (minutes: number) => string;
  poweredBy: string;
}

export const pageStrings: Record<Locale, PageStrings> = {
  en: {
    title: 'Client portal',
    continueHeading: 'Sign in to your portal',
    continueBody: 'Press the button to open your invoices. This link works once.',
    continueButton: 'Continue to your portal',
    expiredHeading: 'This link has expired',
    usedHeading: 'This link has already been used',
    newLinkBody: 'Sign-in links work once and for a limited time. Enter your email address and we will send you a new one.',
    emailLabel: 'Email address',
    invalidEmail: 'Please enter an email address like name@example.com.',
    newLinkButton: 'Email me a new link',
    sentHeading: 'Check your email',
    sentBody: (email, minutes) => `If ${email} belongs to a client account, a sign-in link is on its way. It works for ${minutes} minutes.`,
    tooManyHeading: 'Too many attempts',
    tooManyBody: (minutes) => `Please wait ${minutes} minutes and try again.`,
    poweredBy: 'Secure client portal',
  },
  de: {
    title: 'Kundenportal',
    continueHeading: 'Im Portal anmelden',
    continueBody: 'Klicken Sie auf die Schaltfläche, um Ihre Rechnungen zu öffnen. Dieser Link funktioniert nur einmal.',
    continueButton: 'Weiter zum Portal',
    expiredHeading: 'Dieser Link ist abgelaufen',
    usedHeading: 'Dieser Link wurde bereits verwendet',
    newLinkBody: 'Anmeldelinks funktionieren einmal und nur für begrenzte Zeit. Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen neuen.',
    emailLabel: 'E-Mail-Adresse',
    invalidEmail: 'Bitte geben Sie eine E-Mail-Adresse wie name@example.com ein.',
    newLinkButton: 'Neuen Link senden',
    sentHeading: 'Prüfen Sie Ihr Postfach',
    sentBody: (email, minutes) => `Falls ${email} zu einem Kundenkonto gehört, ist ein Anmeldelink unterwegs. Er gilt ${minutes} Minuten.`,
    tooManyHeading: 'Zu viele Versuche',
    tooManyBody: (minutes) => `Bitte warten Sie ${minutes} Minuten und versuchen Sie es erneut.`,
    poweredBy: 'Sicheres Kundenportal',
  },
  it: {
    title: 'Portale clienti',
    continueHeading: 'Accedi al tuo portale',
    continueBody: 'Premi il pulsante per aprire le tue fatture. Questo link funziona una sola volta.',
    continueButton: 'Continua al portale',
    expiredHeading: 'Questo link è scaduto',
    usedHeading: 'Questo link è già stato usato',
    newLinkBody: 'I link di accesso funzionano una volta e per un tempo limitato. Inserisci il tuo indirizzo email e te ne invieremo uno nuovo.',
    emailLabel: 'Indirizzo email',
    invalidEmail: 'Inserisci un indirizzo email come nome@example.com.',
    newLinkButton: 'Inviami un nuovo link',
    sentHeading: 'Controlla la tua email',
    sentBody: (email, minutes) => `Se ${email} appartiene a un account cliente, un link di accesso è in arrivo. Vale ${minutes} minuti.`,
    tooManyHeading: 'Troppi tentativi',
    tooManyBody: (minutes) => `Attendi ${minutes} minuti e riprova.`,
    poweredBy: 'Portale clienti sicuro',
  },
  ru: {
    title: 'Портал клиента',
    continueHeading: 'Вход в портал',
    continueBody: 'Нажмите кнопку, чтобы открыть ваши счета. Ссылка работает один раз.',
    continueButton: 'Перейти в портал',
    expiredHeading: 'Срок действия ссылки истёк',
    usedHeading: 'Эта ссылка уже использована',
    newLinkBody: 'Ссылки для входа работают один раз и ограниченное время. Введите адрес электронной почты, и мы пришлём новую.',
    emailLabel: 'Адрес электронной почты',
    invalidEmail: 'Введите адрес электронной почты, например name@example.com.',
    newLinkButton: 'Прислать новую ссылку',
    sentHeading: 'Проверьте почту',
    sentBody: (email, minutes) => `Если адрес ${email} привязан к учётной записи клиента, ссылка для входа уже в пути. Она действует ${minutes} минут.`,
    tooManyHeading: 'Слишком много попыток',
    tooManyBody: (minutes) => `Подождите ${minutes} мин. и попробуйте снова.`,
    poweredBy: 'Защищённый портал клиента',
  },
  ja: {
    title: 'クライアントポータル',
    continueHeading: 'ポータルにサインイン',
    continueBody: 'ボタンを押すと請求書が表示されます。このリンクは1回だけ使えます。',
    continueButton: 'ポータルへ進む',
    expiredHeading: 'このリンクは有効期限が切れています',
    usedHeading: 'このリンクはすでに使用されています',
    newLinkBody: 'サインインリンクは1回限り、期間限定で有効です。メールアドレスを入力すると新しいリンクをお送りします。',
    emailLabel: 'メールアドレス',
    invalidEmail: 'name@example.com のようなメールアドレスを入力してください。',
    newLinkButton: '新しいリンクを送る',
    sentHeading: 'メールをご確認ください',
    sentBody: (email, minutes) => `${email} がクライアントアカウントに登録されている場合、サインインリンクを送信しました。有効期間は${minutes}分です。`,
    tooManyHeading: '試行回数が多すぎます',
    tooManyBody: (minutes) => `${minutes}分待ってからもう一度お試しください。`,
    poweredBy: '安全なクライアントポータル',
  },
  ar: {
    title: 'بوابة العملاء',
    continueHeading: 'تسجيل الدخول إلى بوابتك',
    continueBody: 'اضغط الزر لفتح فواتيرك. يعمل هذا الرابط مرة واحدة فقط.',
    continueButton: 'المتابعة إلى البوابة',
    expiredHeading: 'انتهت صلاحية هذا الرابط',
    usedHeading: 'تم استخدام هذا الرابط من قبل',
    newLinkBody: 'روابط تسجيل الدخول تعمل مرة واحدة ولمدة محدودة. أدخل بريدك الإلكتروني وسنرسل لك رابطًا جديدًا.',
    emailLabel: 'البريد الإلكتروني',
    invalidEmail: 'يرجى إدخال بريد إلكتروني مثل name@example.com.',
    newLinkButton: 'أرسل لي رابطًا جديدًا',
    sentHeading: 'تحقق من بريدك الإلكتروني',
    sentBody: (email, minutes) => `إذا كان ${email} مرتبطًا بحساب عميل، فإن رابط تسجيل الدخول في طريقه إليك. صالح لمدة ${minutes} دقيقة.`,
    tooManyHeading: 'محاولات كثيرة جدًا',
    tooManyBody: (minutes) => `يرجى الانتظار ${minutes} دقيقة ثم المحاولة مرة أخرى.`,
    poweredBy: 'بوابة عملاء آمنة',
  },
};

/** The first of the browser's languages Portico speaks, else the business's. */
export function pickPageLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (tag && tag in pageStrings) return tag as Locale;
  }
  return fallback;
}
