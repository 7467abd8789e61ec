import type { TaxCategory } from '../invoices/line-totals.js';
import type { Locale } from '../shared/locales.js';

/**
 * What an invoice says about its seller, buyer, tax and payment, in one
 * language: the PDF's and the emails' labels for the EN 16931 content.
 * Typed as `Record<Locale, PartyStrings>`: a missing label does not compile.
 */
export interface PartyStrings {
  from: string;
  vatId: string;
  taxNumber: string;
  registrationNumber: string;
  email: string;
  phone: string;
  taxSummary: string;
  taxCategory: Record<TaxCategory, string>;
  taxableAmount: string;
  taxAmount: string;
  netTotal: string;
  /** Printed on an invoice with a reverse-charged line when the business set no note of its own. */
  reverseChargeNote: string;
  /** Printed on an invoice with an exempt line when the business set no note of its own. */
  exemptNote: string;
  paymentTerms: string;
  payableBy(p: { date: string }): string;
  bankTransfer: string;
  accountHolder: string;
  bank: string;
  accountNumber: string;
  routingNumber: string;
  /** The reference to give with a transfer: the invoice number. */
  reference: string;
}

export const partyStrings: Record<Locale, PartyStrings> = {
  en: {
    from: 'From',
    vatId: 'VAT ID',
    taxNumber: 'Tax no.',
    registrationNumber: 'Reg. no.',
    email: 'Email',
    phone: 'Phone',
    taxSummary: 'Tax summary',
    taxCategory: { standard: 'Standard rate', zero: 'Zero rate', exempt: 'Exempt', reverse_charge: 'Reverse charge' },
    taxableAmount: 'Taxable amount',
    taxAmount: 'Tax amount',
    netTotal: 'Total excl. tax',
    reverseChargeNote: 'Reverse charge: VAT to be accounted for by the recipient (Art. 196 Directive 2006/112/EC).',
    exemptNote: 'Exempt from VAT.',
    paymentTerms: 'Payment terms',
    payableBy: ({ date }) => `Payable by ${date}.`,
    bankTransfer: 'Payment by bank transfer',
    accountHolder: 'Account holder',
    bank: 'Bank',
    accountNumber: 'Account no.',
    routingNumber: 'Routing no.',
    reference: 'Reference',
  },
  de: {
    from: 'Von',
    vatId: 'USt-IdNr.',
    taxNumber: 'Steuernr.',
    registrationNumber: 'Registernr.',
    email: 'E-Mail',
    phone: 'Telefon',
    taxSummary: 'Umsatzsteuer nach Steuersätzen',
    taxCategory: { standard: 'Regelsatz', zero: 'Nullsatz', exempt: 'Steuerfrei', reverse_charge: 'Reverse Charge' },
    taxableAmount: 'Nettobetrag',
    taxAmount: 'Steuerbetrag',
    netTotal: 'Summe netto',
    reverseChargeNote:
      'Steuerschuldnerschaft des Leistungsempfängers (Reverse Charge, Art. 196 MwStSystRL 2006/112/EG): die Umsatzsteuer schuldet der Empfänger.',
    exemptNote: 'Umsatzsteuerfrei.',
    paymentTerms: 'Zahlungsbedingungen',
    payableBy: ({ date }) => `Zahlbar bis ${date}.`,
    bankTransfer: 'Zahlung per Überweisung',
    accountHolder: 'Kontoinhaber',
    bank: 'Bank',
    accountNumber: 'Kontonr.',
    routingNumber: 'Bankleitzahl',
    reference: 'Verwendungszweck',
  },
  it: {
    from: 'Da',
    vatId: 'Partita IVA',
    taxNumber: 'Cod. fiscale',
    registrationNumber: 'N. REA',
    email: 'E-mail',
    phone: 'Telefono',
    taxSummary: 'Riepilogo IVA',
    taxCategory: { standard: 'Aliquota ordinaria', zero: 'Aliquota zero', exempt: 'Esente', reverse_charge: 'Inversione contabile' },
    taxableAmount: 'Imponibile',
    taxAmount: 'Imposta',
    netTotal: 'Totale imponibile',
    reverseChargeNote: "Inversione contabile: l'IVA è dovuta dal destinatario (art. 196 direttiva 2006/112/CE).",
    exemptNote: 'Operazione esente IVA.',
    paymentTerms: 'Termini di pagamento',
    payableBy: ({ date }) => `Da pagare entro il ${date}.`,
    bankTransfer: 'Pagamento con bonifico bancario',
    accountHolder: 'Intestatario',
    bank: 'Banca',
    accountNumber: 'N. conto',
    routingNumber: 'Codice banca',
    reference: 'Causale',
  },
  ru: {
    from: 'От',
    vatId: 'Номер плательщика НДС',
    taxNumber: 'Налоговый номер',
    registrationNumber: 'Рег. номер',
    email: 'Эл. почта',
    phone: 'Телефон',
    taxSummary: 'Налог по ставкам',
    taxCategory: { standard: 'Основная ставка', zero: 'Нулевая ставка', exempt: 'Без налога', reverse_charge: 'Обратное начисление' },
    taxableAmount: 'Облагаемая сумма',
    taxAmount: 'Сумма налога',
    netTotal: 'Итого без налога',
    reverseChargeNote: 'Обратное начисление: НДС уплачивает получатель (ст. 196 Директивы 2006/112/ЕС).',
    exemptNote: 'Освобождено от НДС.',
    paymentTerms: 'Условия оплаты',
    payableBy: ({ date }) => `Оплатить до ${date}.`,
    bankTransfer: 'Оплата банковским переводом',
    accountHolder: 'Получатель',
    bank: 'Банк',
    accountNumber: 'Номер счёта',
    routingNumber: 'Код банка',
    reference: 'Назначение платежа',
  },
  ja: {
    from: '請求元',
    vatId: 'VAT番号',
    taxNumber: '税務番号',
    registrationNumber: '登録番号',
    email: 'メール',
    phone: '電話',
    taxSummary: '税率別内訳',
    taxCategory: { standard: '標準税率', zero: 'ゼロ税率', exempt: '非課税', reverse_charge: 'リバースチャージ' },
    taxableAmount: '課税対象額',
    taxAmount: '税額',
    netTotal: '税抜合計',
    reverseChargeNote: 'リバースチャージ：VATは受領者が納付します（EU指令2006/112/EC第196条）。',
    exemptNote: 'VAT非課税。',
    paymentTerms: '支払条件',
    payableBy: ({ date }) => `${date}までにお支払いください。`,
    bankTransfer: '銀行振込でのお支払い',
    accountHolder: '口座名義',
    bank: '銀行',
    accountNumber: '口座番号',
    routingNumber: '銀行コード',
    reference: '振込時の参照番号',
  },
  ar: {
    from: 'من',
    vatId: 'رقم ضريبة القيمة المضافة',
    taxNumber: 'الرقم الضريبي',
    registrationNumber: 'رقم السجل',
    email: 'البريد الإلكتروني',
    phone: 'الهاتف',
    taxSummary: 'ملخص الضريبة',
    taxCategory: { standard: 'النسبة القياسية', zero: 'نسبة صفرية', exempt: 'معفى', reverse_charge: 'احتساب عكسي' },
    taxableAmount: 'المبلغ الخاضع للضريبة',
    taxAmount: 'مبلغ الضريبة',
    netTotal: 'الإجمالي قبل الضريبة',
    reverseChargeNote: 'احتساب عكسي: ضريبة القيمة المضافة مستحقة على المستلم (المادة 196 من التوجيه 2006/112/EC).',
    exemptNote: 'معفى من ضريبة القيمة المضافة.',
    paymentTerms: 'شروط الدفع',
    payableBy: ({ date }) => `يُستحق الدفع بحلول ${date}.`,
    bankTransfer: 'الدفع بالتحويل المصرفي',
    accountHolder: 'صاحب الحساب',
    bank: 'البنك',
    accountNumber: 'رقم الحساب',
    routingNumber: 'رمز التوجيه',
    reference: 'المرجع',
  },
};
