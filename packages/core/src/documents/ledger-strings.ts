import type { Locale } from '../shared/locales.js';

/** How much of a payment went back: none, part, all. */
export type ReceiptStatus = 'received' | 'partially_refunded' | 'refunded';

/**
 * What a payment's receipt and a statement of account say, in one language
 * (the words they share with invoices, such as the payment methods, come
 * from `documentStrings`). Typed as `Record<Locale, LedgerStrings>`: a
 * missing language or label does not compile.
 */
export interface LedgerStrings {
  receiptTitle: string;
  receiptNumber: string;
  /** Above the buyer on a receipt. */
  receivedFrom: string;
  paymentDate: string;
  paymentMethod: string;
  /** The provider's id for the payment (a bank reference, a Stripe payment). */
  transactionReference: string;
  receiptStatus: Record<ReceiptStatus, string>;
  /** The sentence a receipt is for. */
  receiptConfirms(p: { business: string; amount: string; number: string }): string;
  invoiceTotal: string;
  paidBefore: string;
  thisPayment: string;
  refunded: string;
  /** The band: what was still owed once this payment was in. */
  balanceAfter: string;

  statementTitle: string;
  /** Above the buyer on a statement. */
  accountOf: string;
  periodFrom: string;
  periodTo: string;
  /** "Period 1 Jan 2026 – 7 Dec 2026", under the title. */
  period(p: { from: string; to: string }): string;
  date: string;
  details: string;
  charges: string;
  payments: string;
  balance: string;
  openingBalance: string;
  closingBalance: string;
  invoicedInPeriod: string;
  paidInPeriod: string;
  invoiceEntry(p: { number: string; due: string }): string;
  paymentEntry(p: { number: string; method: string }): string;
  /** After a payment's entry when part of it went back (refunds carry no date of their own). */
  lessRefunded(p: { amount: string }): string;
  /** Above the aging table, with the period's last day. */
  agingAsOf(p: { date: string }): string;
  agingCurrent: string;
  aging1to30: string;
  aging31to60: string;
  aging61to90: string;
  agingOver90: string;
  noActivity: string;
}

export const ledgerStrings: Record<Locale, LedgerStrings> = {
  en: {
    receiptTitle: 'Receipt',
    receiptNumber: 'Receipt no.',
    receivedFrom: 'Received from',
    paymentDate: 'Payment date',
    paymentMethod: 'Payment method',
    transactionReference: 'Transaction',
    receiptStatus: { received: 'Received', partially_refunded: 'Partly refunded', refunded: 'Refunded' },
    receiptConfirms: ({ business, amount, number }) => `${business} confirms receipt of ${amount} in payment of invoice ${number}.`,
    invoiceTotal: 'Invoice total',
    paidBefore: 'Paid before',
    thisPayment: 'This payment',
    refunded: 'Refunded',
    balanceAfter: 'Balance after this payment',
    statementTitle: 'Statement of account',
    accountOf: 'Account of',
    periodFrom: 'From',
    periodTo: 'To',
    period: ({ from, to }) => `Period ${from} – ${to}`,
    date: 'Date',
    details: 'Details',
    charges: 'Charges',
    payments: 'Payments',
    balance: 'Balance',
    openingBalance: 'Opening balance',
    closingBalance: 'Closing balance',
    invoicedInPeriod: 'Invoiced in the period',
    paidInPeriod: 'Paid in the period',
    invoiceEntry: ({ number, due }) => `Invoice ${number}, due ${due}`,
    paymentEntry: ({ number, method }) => `Payment for ${number} (${method})`,
    lessRefunded: ({ amount }) => `less ${amount} refunded`,
    agingAsOf: ({ date }) => `Owed by days past due on ${date}`,
    agingCurrent: 'Not yet due',
    aging1to30: '1–30 days',
    aging31to60: '31–60 days',
    aging61to90: '61–90 days',
    agingOver90: 'Over 90 days',
    noActivity: 'No invoices, payments or balance in this period.',
  },
  de: {
    receiptTitle: 'Quittung',
    receiptNumber: 'Quittungsnr.',
    receivedFrom: 'Erhalten von',
    paymentDate: 'Zahlungsdatum',
    paymentMethod: 'Zahlungsart',
    transactionReference: 'Transaktion',
    receiptStatus: { received: 'Erhalten', partially_refunded: 'Teilweise erstattet', refunded: 'Erstattet' },
    receiptConfirms: ({ business, amount, number }) => `${business} bestätigt den Erhalt von ${amount} als Zahlung auf die Rechnung ${number}.`,
    invoiceTotal: 'Rechnungsbetrag',
    paidBefore: 'Bereits gezahlt',
    thisPayment: 'Diese Zahlung',
    refunded: 'Erstattet',
    balanceAfter: 'Offen nach dieser Zahlung',
    statementTitle: 'Kontoauszug',
    accountOf: 'Konto von',
    periodFrom: 'Von',
    periodTo: 'Bis',
    period: ({ from, to }) => `Zeitraum ${from} – ${to}`,
    date: 'Datum',
    details: 'Buchung',
    charges: 'Belastungen',
    payments: 'Zahlungen',
    balance: 'Saldo',
    openingBalance: 'Anfangssaldo',
    closingBalance: 'Endsaldo',
    invoicedInPeriod: 'Im Zeitraum berechnet',
    paidInPeriod: 'Im Zeitraum gezahlt',
    invoiceEntry: ({ number, due }) => `Rechnung ${number}, fällig am ${due}`,
    paymentEntry: ({ number, method }) => `Zahlung auf ${number} (${method})`,
    lessRefunded: ({ amount }) => `abzüglich ${amount} erstattet`,
    agingAsOf: ({ date }) => `Offene Beträge nach Tagen über Fälligkeit am ${date}`,
    agingCurrent: 'Noch nicht fällig',
    aging1to30: '1–30 Tage',
    aging31to60: '31–60 Tage',
    aging61to90: '61–90 Tage',
    agingOver90: 'Über 90 Tage',
    noActivity: 'Keine Rechnungen, Zahlungen oder Salden in diesem Zeitraum.',
  },
  it: {
    receiptTitle: 'Ricevuta',
    receiptNumber: 'Ricevuta n.',
    receivedFrom: 'Ricevuto da',
    paymentDate: 'Data del pagamento',
    paymentMethod: 'Metodo di pagamento',
    transactionReference: 'Transazione',
    receiptStatus: { received: 'Ricevuto', partially_refunded: 'Rimborsato in parte', refunded: 'Rimborsato' },
    receiptConfirms: ({ business, amount, number }) => `${business} conferma di aver ricevuto ${amount} a saldo della fattura ${number}.`,
    invoiceTotal: 'Totale fattura',
    paidBefore: 'Già pagato',
    thisPayment: 'Questo pagamento',
    refunded: 'Rimborsato',
    balanceAfter: 'Saldo dopo questo pagamento',
    statementTitle: 'Estratto conto',
    accountOf: 'Conto di',
    periodFrom: 'Dal',
    periodTo: 'Al',
    period: ({ from, to }) => `Periodo ${from} – ${to}`,
    date: 'Data',
    details: 'Descrizione',
    charges: 'Addebiti',
    payments: 'Pagamenti',
    balance: 'Saldo',
    openingBalance: 'Saldo iniziale',
    closingBalance: 'Saldo finale',
    invoicedInPeriod: 'Fatturato nel periodo',
    paidInPeriod: 'Pagato nel periodo',
    invoiceEntry: ({ number, due }) => `Fattura ${number}, scadenza ${due}`,
    paymentEntry: ({ number, method }) => `Pagamento della ${number} (${method})`,
    lessRefunded: ({ amount }) => `meno ${amount} rimborsati`,
    agingAsOf: ({ date }) => `Importi dovuti per giorni di ritardo al ${date}`,
    agingCurrent: 'Non ancora scaduto',
    aging1to30: '1–30 giorni',
    aging31to60: '31–60 giorni',
    aging61to90: '61–90 giorni',
    agingOver90: 'Oltre 90 giorni',
    noActivity: 'Nessuna fattura, pagamento o saldo in questo periodo.',
  },
  ru: {
    receiptTitle: 'Квитанция',
    receiptNumber: 'Квитанция №',
    receivedFrom: 'Получено от',
    paymentDate: 'Дата платежа',
    paymentMethod: 'Способ оплаты',
    transactionReference: 'Транзакция',
    receiptStatus: { received: 'Получен', partially_refunded: 'Частично возвращён', refunded: 'Возвращён' },
    receiptConfirms: ({ business, amount, number }) => `${business} подтверждает получение ${amount} в оплату счёта ${number}.`,
    invoiceTotal: 'Сумма счёта',
    paidBefore: 'Оплачено ранее',
    thisPayment: 'Этот платёж',
    refunded: 'Возвращено',
    balanceAfter: 'Остаток после этого платежа',
    statementTitle: 'Акт сверки',
    accountOf: 'Контрагент',
    periodFrom: 'С',
    periodTo: 'По',
    period: ({ from, to }) => `Период ${from} – ${to}`,
    date: 'Дата',
    details: 'Операция',
    charges: 'Начислено',
    payments: 'Оплачено',
    balance: 'Сальдо',
    openingBalance: 'Сальдо на начало',
    closingBalance: 'Сальдо на конец',
    invoicedInPeriod: 'Начислено за период',
    paidInPeriod: 'Оплачено за период',
    invoiceEntry: ({ number, due }) => `Счёт ${number}, срок оплаты ${due}`,
    paymentEntry: ({ number, method }) => `Оплата счёта ${number} (${method})`,
    lessRefunded: ({ amount }) => `за вычетом возврата ${amount}`,
    agingAsOf: ({ date }) => `Задолженность по срокам просрочки на ${date}`,
    agingCurrent: 'Срок не наступил',
    aging1to30: '1–30 дней',
    aging31to60: '31–60 дней',
    aging61to90: '61–90 дней',
    agingOver90: 'Более 90 дней',
    noActivity: 'За этот период нет счетов, платежей и сальдо.',
  },
  ja: {
    receiptTitle: '領収書',
    receiptNumber: '領収書番号',
    receivedFrom: '宛名',
    paymentDate: 'お支払い日',
    paymentMethod: 'お支払い方法',
    transactionReference: '取引番号',
    receiptStatus: { received: '受領済み', partially_refunded: '一部返金済み', refunded: '返金済み' },
    receiptConfirms: ({ business, amount, number }) => `${business}は、請求書 ${number} のお支払いとして ${amount} を正に受領いたしました。`,
    invoiceTotal: '請求金額',
    paidBefore: '既払い額',
    thisPayment: '今回のお支払い',
    refunded: '返金額',
    balanceAfter: 'お支払い後の残高',
    statementTitle: '取引明細書',
    accountOf: 'お取引先',
    periodFrom: '開始日',
    periodTo: '終了日',
    period: ({ from, to }) => `対象期間 ${from}～${to}`,
    date: '日付',
    details: '内容',
    charges: 'ご請求',
    payments: 'ご入金',
    balance: '残高',
    openingBalance: '期首残高',
    closingBalance: '期末残高',
    invoicedInPeriod: '期間中のご請求',
    paidInPeriod: '期間中のご入金',
    invoiceEntry: ({ number, due }) => `請求書 ${number}（支払期限 ${due}）`,
    paymentEntry: ({ number, method }) => `${number} へのお支払い（${method}）`,
    lessRefunded: ({ amount }) => `返金 ${amount} を差し引き`,
    agingAsOf: ({ date }) => `${date} 時点の支払期限超過日数別の残高`,
    agingCurrent: '期限前',
    aging1to30: '1～30日',
    aging31to60: '31～60日',
    aging61to90: '61～90日',
    agingOver90: '90日超',
    noActivity: 'この期間の請求、入金、残高はありません。',
  },
  ar: {
    receiptTitle: 'إيصال',
    receiptNumber: 'رقم الإيصال',
    receivedFrom: 'استُلم من',
    paymentDate: 'تاريخ الدفع',
    paymentMethod: 'طريقة الدفع',
    transactionReference: 'المعاملة',
    receiptStatus: { received: 'مستلمة', partially_refunded: 'مستردة جزئيًا', refunded: 'مستردة' },
    receiptConfirms: ({ business, amount, number }) => `تؤكد ${business} استلام ${amount} سدادًا للفاتورة ${number}.`,
    invoiceTotal: 'إجمالي الفاتورة',
    paidBefore: 'المدفوع سابقًا',
    thisPayment: 'هذه الدفعة',
    refunded: 'المسترد',
    balanceAfter: 'الرصيد بعد هذه الدفعة',
    statementTitle: 'كشف حساب',
    accountOf: 'حساب',
    periodFrom: 'من',
    periodTo: 'إلى',
    period: ({ from, to }) => `الفترة ${from} – ${to}`,
    date: 'التاريخ',
    details: 'البيان',
    charges: 'مدين',
    payments: 'دائن',
    balance: 'الرصيد',
    openingBalance: 'الرصيد الافتتاحي',
    closingBalance: 'الرصيد الختامي',
    invoicedInPeriod: 'المفوتر خلال الفترة',
    paidInPeriod: 'المدفوع خلال الفترة',
    invoiceEntry: ({ number, due }) => `الفاتورة ${number}، تستحق في ${due}`,
    paymentEntry: ({ number, method }) => `دفعة للفاتورة ${number} (${method})`,
    lessRefunded: ({ amount }) => `بعد خصم ${amount} مستردة`,
    agingAsOf: ({ date }) => `المستحق حسب أيام التأخير في ${date}`,
    agingCurrent: 'غير مستحق بعد',
    aging1to30: '1–30 يومًا',
    aging31to60: '31–60 يومًا',
    aging61to90: '61–90 يومًا',
    agingOver90: 'أكثر من 90 يومًا',
    noActivity: 'لا فواتير ولا دفعات ولا رصيد في هذه الفترة.',
  },
};
