import type { Locale } from '../../shared/locales.js';
import { formatCount, pluralForm } from './formatting.js';

/**
 * Everything the emails say, in one language. A table per locale, typed as
 * `Record<Locale, EmailStrings>`: a missing language or sentence does not compile.
 * Sentences with values are functions, so a translation can put them where its
 * grammar wants them. Values are raw text; the templates escape the result.
 */
export interface EmailStrings {
  direction: 'ltr' | 'rtl';
  greeting(name: string | null): string;
  /** "10 minutes", in the language's plural rules. */
  minutes(count: number): string;
  buttonFallback: string;
  footer(p: { business: string }): string;
  /** Under the button of an email that signs the contact in (HTML part): invoice and ticket emails. */
  linkButtonNote(p: { business: string; date: string }): string;
  /** Under the link (text part). */
  linkTextNote(p: { business: string; date: string }): string;
  linkExpiredNote: string;

  invoiceSubject(p: { number: string; business: string }): string;
  invoiceIntro(p: { number: string; business: string }): string;
  invoiceNumberLabel: string;
  totalLabel: string;
  amountDueLabel: string;
  dueDateLabel: string;
  invoiceButton: string;
  /** Stands in for the number of an invoice that has none yet. */
  draftInvoice: string;

  receiptSubject(p: { number: string; business: string }): string;
  /** `amount` is formatted money. */
  receiptIntro(p: { number: string; business: string; amount: string }): string;
  amountReceivedLabel: string;
  paymentDateLabel: string;
  /** After the payment, nothing is owed any more. */
  paidInFullNote: string;
  receiptButton: string;
  /** The receipt's own number, as its PDF prints it (`RE-0001-2`). */
  receiptNumberLabel: string;
  /** Where the receipt is: the button opens the invoice, which links each payment's receipt PDF. */
  receiptPdfNote(p: { number: string }): string;

  estimateSubject(p: { number: string; business: string }): string;
  estimateIntro(p: { number: string; business: string }): string;
  estimateNumberLabel: string;
  validUntilLabel: string;
  estimateButton: string;
  /** To the business: its client accepted an estimate (`name` is the name the client typed). */
  estimateAcceptedSubject(p: { number: string; client: string }): string;
  estimateAcceptedIntro(p: { number: string; client: string; name: string }): string;
  estimateDeclinedSubject(p: { number: string; client: string }): string;
  estimateDeclinedIntro(p: { number: string; client: string }): string;
  clientLabel: string;
  acceptedByLabel: string;
  declineReasonLabel: string;
  /** The button of the business's own notifications. */
  openPortalButton: string;

  signInSubject(p: { business: string }): string;
  signInIntro(p: { business: string }): string;
  signInButton: string;
  signInNote(p: { duration: string }): string;
  signInIgnoreNote: string;

  /** `ref` is "[#12]": the ticket's number for humans, kept as written in every language. */
  ticketReplySubject(p: { subject: string; ref: string }): string;
  ticketReplyIntro(p: { business: string; number: string; subject: string }): string;
  /** Above the quoted reply. */
  ticketReplyHeading(p: { author: string }): string;
  ticketButton: string;
  /** When the business receives replies by email. */
  ticketReplyByEmailNote: string;
  /** When it does not: replies to the email reach nobody. */
  ticketReplyInPortalNote: string;
  /** The reply's files are attached to the email. */
  ticketFilesAttachedNote: string;
  /** The reply's files are too large together to attach: they are in the portal. */
  ticketFilesInPortalNote: string;

  /** Over the thread's earlier messages at the bottom of a reply email. */
  ticketHistoryHeading: string;
  /** Over one earlier message: who wrote it and when (`date` is a date and time). */
  ticketHistoryEntry(p: { author: string; date: string }): string;

  /** To the business's support staff: a client opened a ticket (`ref` is "[#12]"). */
  staffTicketOpenedSubject(p: { ref: string; client: string; subject: string }): string;
  staffTicketOpenedIntro(p: { author: string; client: string; number: string; subject: string }): string;
  /** To the business's support staff: a client answered on a ticket. */
  staffTicketRepliedSubject(p: { ref: string; client: string; subject: string }): string;
  staffTicketRepliedIntro(p: { author: string; client: string; number: string; subject: string }): string;
  /** Where the client wrote: the portal or email. */
  staffTicketSourceLabel: string;
  staffTicketSourcePortal: string;
  staffTicketSourceEmail: string;
  staffTicketButton: string;
  /** Why a staff member gets these emails, and how to stop them. */
  staffTicketNote(p: { business: string }): string;
}

type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

/** `{n}` in the chosen form becomes the count, written in the locale's digits. */
function plural(locale: Locale, forms: PluralForms): (count: number) => string {
  return (count) => (forms[pluralForm(locale, count)] ?? forms.other).replace('{n}', formatCount(locale, count));
}

export const emailStrings: Record<Locale, EmailStrings> = {
  en: {
    direction: 'ltr',
    greeting: (name) => (name ? `Hello ${name},` : 'Hello,'),
    minutes: plural('en', { one: '{n} minute', other: '{n} minutes' }),
    buttonFallback: 'If the button does not work, copy this link into your browser:',
    footer: ({ business }) => `This email was sent by ${business}.`,
    invoiceSubject: ({ number, business }) => `Invoice ${number} from ${business}`,
    invoiceIntro: ({ number, business }) => `${business} has sent you invoice ${number}.`,
    invoiceNumberLabel: 'Invoice',
    totalLabel: 'Total',
    amountDueLabel: 'Amount due',
    dueDateLabel: 'Due date',
    invoiceButton: 'View invoice',
    linkButtonNote: ({ business, date }) =>
      `The button signs you in to the ${business} client portal. It works only once and is valid until ${date}.`,
    linkTextNote: ({ business, date }) =>
      `This link signs you in to the ${business} client portal. It works only once and is valid until ${date}.`,
    linkExpiredNote: 'If the link has expired or was already used, you can ask for a new one on the portal’s sign-in page.',
    draftInvoice: 'draft',
    receiptSubject: ({ number, business }) => `Payment received for invoice ${number} from ${business}`,
    receiptIntro: ({ number, business, amount }) => `${business} has received your payment of ${amount} for invoice ${number}. Thank you.`,
    amountReceivedLabel: 'Amount received',
    paymentDateLabel: 'Payment date',
    paidInFullNote: 'The invoice is now paid in full.',
    receiptNumberLabel: 'Receipt no.',
    receiptPdfNote: ({ number }) => `The button opens invoice ${number}, where the receipt for this payment is ready to download as a PDF.`,
    receiptButton: 'View receipt',
    estimateSubject: ({ number, business }) => `Estimate ${number} from ${business}`,
    estimateIntro: ({ number, business }) =>
      `${business} has sent you estimate ${number}. You can review it and accept or decline it in the client portal.`,
    estimateNumberLabel: 'Estimate',
    validUntilLabel: 'Valid until',
    estimateButton: 'View estimate',
    estimateAcceptedSubject: ({ number, client }) => `Estimate ${number} accepted by ${client}`,
    estimateAcceptedIntro: ({ number, client, name }) => `${name} accepted estimate ${number} for ${client} in the client portal.`,
    estimateDeclinedSubject: ({ number, client }) => `Estimate ${number} declined by ${client}`,
    estimateDeclinedIntro: ({ number, client }) => `${client} declined estimate ${number} in the client portal.`,
    clientLabel: 'Client',
    acceptedByLabel: 'Accepted by',
    declineReasonLabel: 'Reason',
    openPortalButton: 'Open the portal',
    signInSubject: ({ business }) => `Your sign-in link for ${business}`,
    signInIntro: ({ business }) => `You asked to sign in to the ${business} client portal.`,
    signInButton: 'Sign in',
    signInNote: ({ duration }) => `The link works only once and expires in ${duration}.`,
    signInIgnoreNote: 'If you did not ask for this email, you can ignore it. Nobody can sign in without this link.',
    ticketReplySubject: ({ subject, ref }) => `Re: ${subject} ${ref}`,
    ticketReplyIntro: ({ business, number, subject }) => `${business} has answered your support request ${number} “${subject}”.`,
    ticketReplyHeading: ({ author }) => `${author} wrote:`,
    ticketButton: 'View in portal',
    ticketReplyByEmailNote: 'You can answer by replying to this email, or in the client portal, where the whole conversation is kept.',
    ticketReplyInPortalNote: 'Please answer in the client portal: replies to this email are not received.',
    ticketFilesAttachedNote: 'The files sent with this reply are attached to this email.',
    ticketFilesInPortalNote: 'The files sent with this reply are too large for an email: you can open them in the client portal.',
    ticketHistoryHeading: 'Earlier in this conversation',
    ticketHistoryEntry: ({ author, date }) => `${author}, ${date}:`,
    staffTicketOpenedSubject: ({ ref, client, subject }) => `New ticket ${ref} from ${client}: ${subject}`,
    staffTicketOpenedIntro: ({ author, client, number, subject }) => `${author} (${client}) opened support request ${number} “${subject}”.`,
    staffTicketRepliedSubject: ({ ref, client, subject }) => `New reply ${ref} from ${client}: ${subject}`,
    staffTicketRepliedIntro: ({ author, client, number, subject }) => `${author} (${client}) replied on support request ${number} “${subject}”.`,
    staffTicketSourceLabel: 'Channel',
    staffTicketSourcePortal: 'Client portal',
    staffTicketSourceEmail: 'Email',
    staffTicketButton: 'Open the ticket',
    staffTicketNote: ({ business }) => `You get this email because you are on ${business}’s support staff. Answer from the dashboard; to stop these emails, ask to have your notifications turned off.`,
  },
  de: {
    direction: 'ltr',
    greeting: (name) => (name ? `Hallo ${name},` : 'Hallo,'),
    minutes: plural('de', { one: '{n} Minute', other: '{n} Minuten' }),
    buttonFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:',
    footer: ({ business }) => `Diese E-Mail wurde von ${business} gesendet.`,
    invoiceSubject: ({ number, business }) => `Rechnung ${number} von ${business}`,
    invoiceIntro: ({ number, business }) => `${business} hat Ihnen die Rechnung ${number} gesendet.`,
    invoiceNumberLabel: 'Rechnung',
    totalLabel: 'Gesamtbetrag',
    amountDueLabel: 'Offener Betrag',
    dueDateLabel: 'Fällig am',
    invoiceButton: 'Rechnung ansehen',
    linkButtonNote: ({ business, date }) =>
      `Mit der Schaltfläche melden Sie sich im Kundenportal von ${business} an. Sie funktioniert nur einmal und ist bis ${date} gültig.`,
    linkTextNote: ({ business, date }) =>
      `Mit diesem Link melden Sie sich im Kundenportal von ${business} an. Er funktioniert nur einmal und ist bis ${date} gültig.`,
    linkExpiredNote:
      'Ist der Link abgelaufen oder wurde er bereits verwendet, können Sie auf der Anmeldeseite des Portals einen neuen anfordern.',
    draftInvoice: 'Entwurf',
    receiptSubject: ({ number, business }) => `Zahlung für Rechnung ${number} von ${business} erhalten`,
    receiptIntro: ({ number, business, amount }) => `${business} hat Ihre Zahlung von ${amount} für die Rechnung ${number} erhalten. Vielen Dank.`,
    amountReceivedLabel: 'Erhaltener Betrag',
    paymentDateLabel: 'Zahlungsdatum',
    paidInFullNote: 'Die Rechnung ist damit vollständig bezahlt.',
    receiptNumberLabel: 'Quittungsnr.',
    receiptPdfNote: ({ number }) => `Der Button öffnet die Rechnung ${number}; dort steht die Quittung für diese Zahlung als PDF zum Herunterladen bereit.`,
    receiptButton: 'Quittung ansehen',
    estimateSubject: ({ number, business }) => `Angebot ${number} von ${business}`,
    estimateIntro: ({ number, business }) =>
      `${business} hat Ihnen das Angebot ${number} gesendet. Sie können es im Kundenportal prüfen und annehmen oder ablehnen.`,
    estimateNumberLabel: 'Angebot',
    validUntilLabel: 'Gültig bis',
    estimateButton: 'Angebot ansehen',
    estimateAcceptedSubject: ({ number, client }) => `Angebot ${number} von ${client} angenommen`,
    estimateAcceptedIntro: ({ number, client, name }) => `${name} hat das Angebot ${number} für ${client} im Kundenportal angenommen.`,
    estimateDeclinedSubject: ({ number, client }) => `Angebot ${number} von ${client} abgelehnt`,
    estimateDeclinedIntro: ({ number, client }) => `${client} hat das Angebot ${number} im Kundenportal abgelehnt.`,
    clientLabel: 'Kunde',
    acceptedByLabel: 'Angenommen von',
    declineReasonLabel: 'Begründung',
    openPortalButton: 'Portal öffnen',
    signInSubject: ({ business }) => `Ihr Anmeldelink für ${business}`,
    signInIntro: ({ business }) => `Sie möchten sich im Kundenportal von ${business} anmelden.`,
    signInButton: 'Anmelden',
    signInNote: ({ duration }) => `Der Link funktioniert nur einmal und läuft in ${duration} ab.`,
    signInIgnoreNote:
      'Falls Sie diese E-Mail nicht angefordert haben, können Sie sie ignorieren. Ohne diesen Link kann sich niemand anmelden.',
    ticketReplySubject: ({ subject, ref }) => `Re: ${subject} ${ref}`,
    ticketReplyIntro: ({ business, number, subject }) => `${business} hat auf Ihre Support-Anfrage ${number} „${subject}“ geantwortet.`,
    ticketReplyHeading: ({ author }) => `${author} schrieb:`,
    ticketButton: 'Im Portal ansehen',
    ticketReplyByEmailNote:
      'Sie können direkt auf diese E-Mail antworten oder im Kundenportal, in dem der gesamte Verlauf gespeichert ist.',
    ticketReplyInPortalNote: 'Bitte antworten Sie im Kundenportal: Antworten auf diese E-Mail werden nicht empfangen.',
    ticketFilesAttachedNote: 'Die Dateien zu dieser Antwort sind dieser E-Mail angehängt.',
    ticketFilesInPortalNote: 'Die Dateien zu dieser Antwort sind für eine E-Mail zu groß: Sie können sie im Kundenportal öffnen.',
    ticketHistoryHeading: 'Bisheriger Verlauf',
    ticketHistoryEntry: ({ author, date }) => `${author}, ${date}:`,
    staffTicketOpenedSubject: ({ ref, client, subject }) => `Neues Ticket ${ref} von ${client}: ${subject}`,
    staffTicketOpenedIntro: ({ author, client, number, subject }) => `${author} (${client}) hat die Support-Anfrage ${number} „${subject}“ eröffnet.`,
    staffTicketRepliedSubject: ({ ref, client, subject }) => `Neue Antwort ${ref} von ${client}: ${subject}`,
    staffTicketRepliedIntro: ({ author, client, number, subject }) => `${author} (${client}) hat auf die Support-Anfrage ${number} „${subject}“ geantwortet.`,
    staffTicketSourceLabel: 'Kanal',
    staffTicketSourcePortal: 'Kundenportal',
    staffTicketSourceEmail: 'E-Mail',
    staffTicketButton: 'Ticket öffnen',
    staffTicketNote: ({ business }) => `Sie erhalten diese E-Mail, weil Sie zum Support-Team von ${business} gehören. Antworten Sie im Dashboard; um diese E-Mails abzubestellen, lassen Sie Ihre Benachrichtigungen ausschalten.`,
  },
  it: {
    direction: 'ltr',
    greeting: (name) => (name ? `Buongiorno ${name},` : 'Buongiorno,'),
    minutes: plural('it', { one: '{n} minuto', other: '{n} minuti' }),
    buttonFallback: 'Se il pulsante non funziona, copi questo link nel suo browser:',
    footer: ({ business }) => `Questa email è stata inviata da ${business}.`,
    invoiceSubject: ({ number, business }) => `Fattura ${number} da ${business}`,
    invoiceIntro: ({ number, business }) => `${business} le ha inviato la fattura ${number}.`,
    invoiceNumberLabel: 'Fattura',
    totalLabel: 'Totale',
    amountDueLabel: 'Importo dovuto',
    dueDateLabel: 'Scadenza',
    invoiceButton: 'Visualizza la fattura',
    linkButtonNote: ({ business, date }) =>
      `Il pulsante la fa accedere al portale clienti di ${business}. Funziona una sola volta ed è valido fino al ${date}.`,
    linkTextNote: ({ business, date }) =>
      `Questo link la fa accedere al portale clienti di ${business}. Funziona una sola volta ed è valido fino al ${date}.`,
    linkExpiredNote: 'Se il link è scaduto o è già stato usato, può richiederne uno nuovo dalla pagina di accesso del portale.',
    draftInvoice: 'bozza',
    receiptSubject: ({ number, business }) => `Pagamento ricevuto per la fattura ${number} di ${business}`,
    receiptIntro: ({ number, business, amount }) => `${business} ha ricevuto il suo pagamento di ${amount} per la fattura ${number}. Grazie.`,
    amountReceivedLabel: 'Importo ricevuto',
    paymentDateLabel: 'Data del pagamento',
    paidInFullNote: 'La fattura è ora interamente pagata.',
    receiptNumberLabel: 'Ricevuta n.',
    receiptPdfNote: ({ number }) => `Il pulsante apre la fattura ${number}, dove la ricevuta di questo pagamento è pronta da scaricare in PDF.`,
    receiptButton: 'Visualizza la ricevuta',
    estimateSubject: ({ number, business }) => `Preventivo ${number} da ${business}`,
    estimateIntro: ({ number, business }) =>
      `${business} le ha inviato il preventivo ${number}. Può esaminarlo e accettarlo o rifiutarlo nel portale clienti.`,
    estimateNumberLabel: 'Preventivo',
    validUntilLabel: 'Valido fino al',
    estimateButton: 'Visualizza il preventivo',
    estimateAcceptedSubject: ({ number, client }) => `Preventivo ${number} accettato da ${client}`,
    estimateAcceptedIntro: ({ number, client, name }) => `${name} ha accettato il preventivo ${number} per ${client} nel portale clienti.`,
    estimateDeclinedSubject: ({ number, client }) => `Preventivo ${number} rifiutato da ${client}`,
    estimateDeclinedIntro: ({ number, client }) => `${client} ha rifiutato il preventivo ${number} nel portale clienti.`,
    clientLabel: 'Cliente',
    acceptedByLabel: 'Accettato da',
    declineReasonLabel: 'Motivo',
    openPortalButton: 'Apri il portale',
    signInSubject: ({ business }) => `Il suo link di accesso a ${business}`,
    signInIntro: ({ business }) => `Ha chiesto di accedere al portale clienti di ${business}.`,
    signInButton: 'Accedi',
    signInNote: ({ duration }) => `Il link funziona una sola volta e scade tra ${duration}.`,
    signInIgnoreNote: 'Se non ha richiesto questa email, può ignorarla. Nessuno può accedere senza questo link.',
    ticketReplySubject: ({ subject, ref }) => `Re: ${subject} ${ref}`,
    ticketReplyIntro: ({ business, number, subject }) => `${business} ha risposto alla sua richiesta di assistenza ${number} «${subject}».`,
    ticketReplyHeading: ({ author }) => `${author} ha scritto:`,
    ticketButton: 'Visualizza nel portale',
    ticketReplyByEmailNote:
      'Può rispondere direttamente a questa email oppure nel portale clienti, dove è conservata tutta la conversazione.',
    ticketReplyInPortalNote: 'La preghiamo di rispondere nel portale clienti: le risposte a questa email non vengono ricevute.',
    ticketFilesAttachedNote: 'I file inviati con questa risposta sono allegati a questa email.',
    ticketFilesInPortalNote: 'I file inviati con questa risposta sono troppo grandi per un’email: può aprirli nel portale clienti.',
    ticketHistoryHeading: 'Messaggi precedenti',
    ticketHistoryEntry: ({ author, date }) => `${author}, ${date}:`,
    staffTicketOpenedSubject: ({ ref, client, subject }) => `Nuovo ticket ${ref} da ${client}: ${subject}`,
    staffTicketOpenedIntro: ({ author, client, number, subject }) => `${author} (${client}) ha aperto la richiesta di assistenza ${number} «${subject}».`,
    staffTicketRepliedSubject: ({ ref, client, subject }) => `Nuova risposta ${ref} da ${client}: ${subject}`,
    staffTicketRepliedIntro: ({ author, client, number, subject }) => `${author} (${client}) ha risposto alla richiesta di assistenza ${number} «${subject}».`,
    staffTicketSourceLabel: 'Canale',
    staffTicketSourcePortal: 'Portale clienti',
    staffTicketSourceEmail: 'Email',
    staffTicketButton: 'Apri il ticket',
    staffTicketNote: ({ business }) => `Riceve questa email perché fa parte dell’assistenza di ${business}. Risponda dalla dashboard; per non ricevere più queste email, chieda di disattivare le sue notifiche.`,
  },
  ru: {
    direction: 'ltr',
    greeting: (name) => (name ? `Здравствуйте, ${name}!` : 'Здравствуйте!'),
    minutes: plural('ru', { one: '{n} минуту', few: '{n} минуты', many: '{n} минут', other: '{n} минуты' }),
    buttonFallback: 'Если кнопка не работает, скопируйте эту ссылку в адресную строку браузера:',
    footer: ({ business }) => `Отправитель письма: ${business}.`,
    invoiceSubject: ({ number, business }) => `Счёт ${number} от ${business}`,
    invoiceIntro: ({ number, business }) => `${business} выставляет вам счёт ${number}.`,
    invoiceNumberLabel: 'Счёт',
    totalLabel: 'Итого',
    amountDueLabel: 'К оплате',
    dueDateLabel: 'Оплатить до',
    invoiceButton: 'Посмотреть счёт',
    linkButtonNote: ({ business, date }) =>
      `Кнопка выполняет вход в клиентский портал ${business}. Она срабатывает только один раз и действует до ${date}.`,
    linkTextNote: ({ business, date }) =>
      `Эта ссылка выполняет вход в клиентский портал ${business}. Она срабатывает только один раз и действует до ${date}.`,
    linkExpiredNote: 'Если срок действия ссылки истёк или она уже использована, запросите новую на странице входа в портал.',
    draftInvoice: 'черновик',
    receiptSubject: ({ number, business }) => `Оплата по счёту ${number} от ${business} получена`,
    receiptIntro: ({ number, business, amount }) => `${business} получил ваш платёж на сумму ${amount} по счёту ${number}. Спасибо.`,
    amountReceivedLabel: 'Получено',
    paymentDateLabel: 'Дата оплаты',
    paidInFullNote: 'Счёт теперь оплачен полностью.',
    receiptNumberLabel: 'Квитанция №',
    receiptPdfNote: ({ number }) => `Кнопка откроет счёт ${number}: там квитанцию об этом платеже можно скачать в PDF.`,
    receiptButton: 'Посмотреть квитанцию',
    estimateSubject: ({ number, business }) => `Смета ${number} от ${business}`,
    estimateIntro: ({ number, business }) =>
      `${business} отправляет вам смету ${number}. Вы можете ознакомиться с ней и принять или отклонить её в клиентском портале.`,
    estimateNumberLabel: 'Смета',
    validUntilLabel: 'Действительна до',
    estimateButton: 'Посмотреть смету',
    estimateAcceptedSubject: ({ number, client }) => `Смета ${number} принята клиентом ${client}`,
    estimateAcceptedIntro: ({ number, client, name }) =>
      `Смета ${number} для клиента ${client} принята в клиентском портале. Имя, указанное при принятии: ${name}.`,
    estimateDeclinedSubject: ({ number, client }) => `Смета ${number} отклонена клиентом ${client}`,
    estimateDeclinedIntro: ({ number, client }) => `Смета ${number} для клиента ${client} отклонена в клиентском портале.`,
    clientLabel: 'Клиент',
    acceptedByLabel: 'Кем принята',
    declineReasonLabel: 'Причина',
    openPortalButton: 'Открыть портал',
    signInSubject: ({ business }) => `Ссылка для входа: ${business}`,
    signInIntro: ({ business }) => `Вы запросили вход в клиентский портал ${business}.`,
    signInButton: 'Войти',
    signInNote: ({ duration }) => `Ссылка срабатывает только один раз и действует ${duration}.`,
    signInIgnoreNote: 'Если вы не запрашивали это письмо, просто не обращайте на него внимания. Без этой ссылки никто не сможет войти.',
    ticketReplySubject: ({ subject, ref }) => `Re: ${subject} ${ref}`,
    ticketReplyIntro: ({ business, number, subject }) => `${business} ответил на ваше обращение ${number} «${subject}».`,
    ticketReplyHeading: ({ author }) => `${author} пишет:`,
    ticketButton: 'Открыть в портале',
    ticketReplyByEmailNote: 'Ответить можно прямо на это письмо или в клиентском портале, где хранится вся переписка.',
    ticketReplyInPortalNote: 'Пожалуйста, отвечайте в клиентском портале: ответы на это письмо не доходят.',
    ticketFilesAttachedNote: 'Файлы к этому ответу приложены к письму.',
    ticketFilesInPortalNote: 'Файлы к этому ответу слишком велики для письма: их можно открыть в клиентском портале.',
    ticketHistoryHeading: 'Предыдущие сообщения',
    ticketHistoryEntry: ({ author, date }) => `${author}, ${date}:`,
    staffTicketOpenedSubject: ({ ref, client, subject }) => `Новое обращение ${ref} от ${client}: ${subject}`,
    staffTicketOpenedIntro: ({ author, client, number, subject }) => `${author} (${client}) открыл(а) обращение ${number} «${subject}».`,
    staffTicketRepliedSubject: ({ ref, client, subject }) => `Новый ответ ${ref} от ${client}: ${subject}`,
    staffTicketRepliedIntro: ({ author, client, number, subject }) => `${author} (${client}) ответил(а) в обращении ${number} «${subject}».`,
    staffTicketSourceLabel: 'Канал',
    staffTicketSourcePortal: 'Клиентский портал',
    staffTicketSourceEmail: 'Электронная почта',
    staffTicketButton: 'Открыть обращение',
    staffTicketNote: ({ business }) => `Вы получили это письмо, потому что входите в службу поддержки ${business}. Отвечайте в панели управления; чтобы больше не получать такие письма, попросите отключить ваши уведомления.`,
  },
  ja: {
    direction: 'ltr',
    greeting: (name) => (name ? `${name} 様` : 'お客様'),
    minutes: plural('ja', { other: '{n}分' }),
    buttonFallback: 'ボタンが機能しない場合は、次のリンクをブラウザに貼り付けてください:',
    footer: ({ business }) => `このメールは${business}から送信されました。`,
    invoiceSubject: ({ number, business }) => `${business}からの請求書 ${number}`,
    invoiceIntro: ({ number, business }) => `${business}から請求書 ${number} が届いています。`,
    invoiceNumberLabel: '請求書番号',
    totalLabel: '合計',
    amountDueLabel: 'ご請求額',
    dueDateLabel: 'お支払期限',
    invoiceButton: '請求書を確認する',
    linkButtonNote: ({ business, date }) =>
      `このボタンから${business}のクライアントポータルにログインできます。ご利用は1回限りで、${date}まで有効です。`,
    linkTextNote: ({ business, date }) =>
      `このリンクから${business}のクライアントポータルにログインできます。ご利用は1回限りで、${date}まで有効です。`,
    linkExpiredNote: 'リンクの有効期限が切れている場合や使用済みの場合は、ポータルのログインページから新しいリンクをリクエストしてください。',
    draftInvoice: '下書き',
    receiptSubject: ({ number, business }) => `${business}より：請求書 ${number} のお支払いを受領しました`,
    receiptIntro: ({ number, business, amount }) => `${business}は、請求書 ${number} に対する ${amount} のお支払いを受領しました。ありがとうございます。`,
    amountReceivedLabel: '受領額',
    paymentDateLabel: 'お支払い日',
    paidInFullNote: 'この請求書のお支払いはすべて完了しました。',
    receiptNumberLabel: '領収書番号',
    receiptPdfNote: ({ number }) => `ボタンから請求書 ${number} を開くと、このお支払いの領収書を PDF でダウンロードできます。`,
    receiptButton: '領収書を確認する',
    estimateSubject: ({ number, business }) => `${business}からのお見積書 ${number}`,
    estimateIntro: ({ number, business }) =>
      `${business}からお見積書 ${number} が届いています。クライアントポータルで内容をご確認のうえ、承認または辞退してください。`,
    estimateNumberLabel: '見積書番号',
    validUntilLabel: '有効期限',
    estimateButton: '見積書を確認する',
    estimateAcceptedSubject: ({ number, client }) => `見積書 ${number} が${client}により承認されました`,
    estimateAcceptedIntro: ({ number, client, name }) => `${client}の${name}様が、クライアントポータルで見積書 ${number} を承認しました。`,
    estimateDeclinedSubject: ({ number, client }) => `見積書 ${number} が${client}により辞退されました`,
    estimateDeclinedIntro: ({ number, client }) => `${client}が、クライアントポータルで見積書 ${number} を辞退しました。`,
    clientLabel: '顧客',
    acceptedByLabel: '承認者',
    declineReasonLabel: '理由',
    openPortalButton: 'ポータルを開く',
    signInSubject: ({ business }) => `${business}へのログインリンク`,
    signInIntro: ({ business }) => `${business}のクライアントポータルへのログインがリクエストされました。`,
    signInButton: 'ログイン',
    signInNote: ({ duration }) => `このリンクは1回限り有効で、${duration}後に期限切れになります。`,
    signInIgnoreNote: 'このメールに心当たりがない場合は、破棄してください。このリンクがなければ誰もログインできません。',
    ticketReplySubject: ({ subject, ref }) => `Re: ${subject} ${ref}`,
    ticketReplyIntro: ({ business, number, subject }) => `お問い合わせ ${number}「${subject}」に${business}から回答が届きました。`,
    ticketReplyHeading: ({ author }) => `${author} からのメッセージ:`,
    ticketButton: 'ポータルで確認する',
    ticketReplyByEmailNote: 'このメールに返信するか、これまでのやり取りをすべて確認できるクライアントポータルからご返信ください。',
    ticketReplyInPortalNote: 'ご返信はクライアントポータルからお願いいたします。このメールに返信されても届きません。',
    ticketFilesAttachedNote: 'この返信のファイルは、このメールに添付されています。',
    ticketFilesInPortalNote: 'この返信のファイルはメールで送るには大きすぎるため、クライアントポータルからご覧ください。',
    ticketHistoryHeading: '以前のメッセージ',
    ticketHistoryEntry: ({ author, date }) => `${author}(${date}):`,
    staffTicketOpenedSubject: ({ ref, client, subject }) => `新しいお問い合わせ ${ref}(${client}): ${subject}`,
    staffTicketOpenedIntro: ({ author, client, number, subject }) => `${author}様(${client})がお問い合わせ ${number}「${subject}」を作成しました。`,
    staffTicketRepliedSubject: ({ ref, client, subject }) => `新しい返信 ${ref}(${client}): ${subject}`,
    staffTicketRepliedIntro: ({ author, client, number, subject }) => `${author}様(${client})がお問い合わせ ${number}「${subject}」に返信しました。`,
    staffTicketSourceLabel: '受付経路',
    staffTicketSourcePortal: 'クライアントポータル',
    staffTicketSourceEmail: 'メール',
    staffTicketButton: 'お問い合わせを開く',
    staffTicketNote: ({ business }) => `${business}のサポート担当者として登録されているため、このメールをお送りしています。返信はダッシュボードから行ってください。通知が不要な場合は、通知をオフにするよう依頼してください。`,
  },
  ar: {
    direction: 'rtl',
    greeting: (name) => (name ? `مرحبًا ${name}،` : 'مرحبًا،'),
    minutes: plural('ar', {
      zero: '{n} دقيقة',
      one: 'دقيقة واحدة',
      two: 'دقيقتين',
      few: '{n} دقائق',
      many: '{n} دقيقة',
      other: '{n} دقيقة',
    }),
    buttonFallback: 'إذا لم يعمل الزر، انسخ هذا الرابط والصقه في متصفحك:',
    footer: ({ business }) => `أُرسلت هذه الرسالة من ${business}.`,
    invoiceSubject: ({ number, business }) => `الفاتورة ${number} من ${business}`,
    invoiceIntro: ({ number, business }) => `أرسل إليك ${business} الفاتورة ${number}.`,
    invoiceNumberLabel: 'الفاتورة',
    totalLabel: 'الإجمالي',
    amountDueLabel: 'المبلغ المستحق',
    dueDateLabel: 'تاريخ الاستحقاق',
    invoiceButton: 'عرض الفاتورة',
    linkButtonNote: ({ business, date }) =>
      `يسجّل هذا الزر دخولك إلى بوابة عملاء ${business}. يعمل مرة واحدة فقط، وهو صالح حتى ${date}.`,
    linkTextNote: ({ business, date }) =>
      `يسجّل هذا الرابط دخولك إلى بوابة عملاء ${business}. يعمل مرة واحدة فقط، وهو صالح حتى ${date}.`,
    linkExpiredNote: 'إذا انتهت صلاحية الرابط أو سبق استخدامه، يمكنك طلب رابط جديد من صفحة تسجيل الدخول في البوابة.',
    draftInvoice: 'مسودة',
    receiptSubject: ({ number, business }) => `تم استلام دفعة الفاتورة ${number} من ${business}`,
    receiptIntro: ({ number, business, amount }) => `استلمت ${business} دفعتك البالغة ${amount} للفاتورة ${number}. شكرًا لك.`,
    amountReceivedLabel: 'المبلغ المستلم',
    paymentDateLabel: 'تاريخ الدفع',
    paidInFullNote: 'تم سداد الفاتورة بالكامل الآن.',
    receiptNumberLabel: 'رقم الإيصال',
    receiptPdfNote: ({ number }) => `يفتح الزر الفاتورة ${number}، وفيها إيصال هذه الدفعة جاهز للتنزيل بصيغة PDF.`,
    receiptButton: 'عرض الإيصال',
    estimateSubject: ({ number, business }) => `عرض السعر ${number} من ${business}`,
    estimateIntro: ({ number, business }) => `أرسل إليك ${business} عرض السعر ${number}. يمكنك مراجعته وقبوله أو رفضه عبر بوابة العملاء.`,
    estimateNumberLabel: 'عرض السعر',
    validUntilLabel: 'صالح حتى',
    estimateButton: 'الاطلاع على عرض السعر',
    estimateAcceptedSubject: ({ number, client }) => `قبل ${client} عرض السعر ${number}`,
    estimateAcceptedIntro: ({ number, client, name }) => `قبل ${name} عرض السعر ${number} باسم ${client} عبر بوابة العملاء.`,
    estimateDeclinedSubject: ({ number, client }) => `رفض ${client} عرض السعر ${number}`,
    estimateDeclinedIntro: ({ number, client }) => `رفض ${client} عرض السعر ${number} عبر بوابة العملاء.`,
    clientLabel: 'العميل',
    acceptedByLabel: 'قبله',
    declineReasonLabel: 'السبب',
    openPortalButton: 'فتح البوابة',
    signInSubject: ({ business }) => `رابط تسجيل الدخول إلى ${business}`,
    signInIntro: ({ business }) => `تلقّينا طلبًا لتسجيل الدخول إلى بوابة عملاء ${business}.`,
    signInButton: 'تسجيل الدخول',
    signInNote: ({ duration }) => `يعمل الرابط مرة واحدة فقط وتنتهي صلاحيته خلال ${duration}.`,
    signInIgnoreNote: 'إذا لم تطلب هذه الرسالة، يمكنك تجاهلها. لا يمكن لأحد تسجيل الدخول دون هذا الرابط.',
    ticketReplySubject: ({ subject, ref }) => `Re: ${subject} ${ref}`,
    ticketReplyIntro: ({ business, number, subject }) => `ردّ ${business} على طلب الدعم ${number} «${subject}».`,
    ticketReplyHeading: ({ author }) => `كتب ${author}:`,
    ticketButton: 'العرض في البوابة',
    ticketReplyByEmailNote: 'يمكنك الرد مباشرةً على هذه الرسالة، أو عبر بوابة العملاء حيث تُحفظ المحادثة كاملة.',
    ticketReplyInPortalNote: 'يُرجى الرد عبر بوابة العملاء: الردود على هذه الرسالة لا تصل إلينا.',
    ticketFilesAttachedNote: 'الملفات المرسلة مع هذا الرد مرفقة بهذه الرسالة.',
    ticketFilesInPortalNote: 'الملفات المرسلة مع هذا الرد أكبر من أن تُرسل بالبريد الإلكتروني: يمكنك فتحها عبر بوابة العملاء.',
    ticketHistoryHeading: 'الرسائل السابقة في هذه المحادثة',
    ticketHistoryEntry: ({ author, date }) => `${author}، ${date}:`,
    staffTicketOpenedSubject: ({ ref, client, subject }) => `تذكرة جديدة ${ref} من ${client}: ${subject}`,
    staffTicketOpenedIntro: ({ author, client, number, subject }) => `فتح ${author} (${client}) طلب الدعم ${number} «${subject}».`,
    staffTicketRepliedSubject: ({ ref, client, subject }) => `رد جديد ${ref} من ${client}: ${subject}`,
    staffTicketRepliedIntro: ({ author, client, number, subject }) => `ردّ ${author} (${client}) على طلب الدعم ${number} «${subject}».`,
    staffTicketSourceLabel: 'القناة',
    staffTicketSourcePortal: 'بوابة العملاء',
    staffTicketSourceEmail: 'البريد الإلكتروني',
    staffTicketButton: 'فتح التذكرة',
    staffTicketNote: ({ business }) => `تصلك هذه الرسالة لأنك ضمن فريق الدعم لدى ${business}. يمكنك الرد من لوحة التحكم؛ ولإيقاف هذه الرسائل اطلب إيقاف إشعاراتك.`,
  },
};

/** The table for a locale, English when given one Portico doesn't speak. */
export function stringsFor(locale: Locale): EmailStrings {
  return emailStrings[locale] ?? emailStrings.en;
}
