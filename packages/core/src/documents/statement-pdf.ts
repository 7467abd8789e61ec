import { createHash } from 'node:crypto';
import { formatCalendarDate } from '../email/templates/formatting.js';
import type { InvoiceParties } from '../invoices/invoice-parties.js';
import { formatMoney } from '../money/money.js';
import type { Locale } from '../shared/locales.js';
import type { AccountStatement, AccountStatementCurrency } from '../statements/account-statement.js';
import { documentStrings } from './document-strings.js';
import { documentFileId, type InvoiceDocumentInput } from './invoice-pdf.js';
import { ledgerStrings, type LedgerStrings } from './ledger-strings.js';
import { CONTENT_WIDTH, MARGIN, MUTED, PdfPage, renderPdf, type PdfFrame, type TableColumn, type TableRow } from './pdf-page.js';

/** What a statement-of-account PDF is made from: the statement, and the business and client as they are now. */
export interface StatementDocumentInput {
  statement: AccountStatement;
  business: InvoiceDocumentInput['business'];
  client: { name: string };
  parties?: InvoiceParties;
  locale: Locale;
}

interface StatementSection {
  heading: string;
  rows: TableRow[];
  summary: Array<{ label: string; value: string }>;
  closing: { label: string; value: string };
  agingHeading: string;
  aging: { labels: string[]; amounts: string[] };
}

interface StatementModel extends PdfFrame {
  sections: StatementSection[];
  /** Said instead of the sections when there are none. */
  empty: string;
  columns: string[];
}

/** A short digest of everything a statement PDF shows: its ETag and cache key, since a period's figures change with every payment. */
export function statementDigest(input: StatementDocumentInput): string {
  return createHash('sha256')
    .update(JSON.stringify([input.statement, input.business.name, input.business.brandColor, input.client.name, input.parties ?? null, input.locale]))
    .digest('base64url')
    .slice(0, 22);
}

/**
 * A statement of account as an A4 PDF on the invoice's frame: for each
 * currency, a ledger from the opening balance through every invoice and
 * payment of the period with the running balance to the closing balance,
 * what was invoiced and paid in the period, and the closing balance by days
 * past due on the period's last day.
 */
export function renderStatementPdf(input: StatementDocumentInput): Uint8Array {
  return renderPdf(StatementPage, statementModel(input));
}

function statementModel(input: StatementDocumentInput): StatementModel {
  const { statement, locale, business } = input;
  const l = ledgerStrings[locale];
  const date = (day: string) => formatCalendarDate(day, locale);
  return {
    locale,
    fileId: documentFileId(business.id, `statement/${statement.clientId}/${statement.from}/${statement.to}/${statementDigest(input)}`, 0, locale),
    fileTitle: `Statement ${statement.from} to ${statement.to}`,
    createdAt: new Date(`${statement.asOf}T00:00:00Z`),
    business,
    clientName: input.client.name,
    ...(input.parties ? { parties: input.parties } : {}),
    heading: l.statementTitle,
    numberLine: l.period({ from: date(statement.from), to: date(statement.to) }),
    recipientLabel: l.accountOf,
    dates: [
      [l.periodFrom, date(statement.from)],
      [l.periodTo, date(statement.to)],
    ],
    status: null,
    columns: [l.date, l.details, l.charges, l.payments, l.balance],
    sections: statement.currencies.map((figures) => statementSection(figures, statement, l, locale)),
    empty: l.noActivity,
  };
}

function statementSection(figures: AccountStatementCurrency, statement: AccountStatement, l: LedgerStrings, locale: Locale): StatementSection {
  const s = documentStrings[locale];
  const money = (amount: number) => formatMoney({ amount, currency: figures.currency }, locale);
  const date = (day: string) => shortDate(day, locale);
  const rows: TableRow[] = [
    { cells: [date(statement.from), l.openingBalance, '', '', money(figures.opening)], strong: true },
    ...figures.entries.map((entry): TableRow => {
      if (entry.kind === 'invoice') {
        return { cells: [date(entry.date), l.invoiceEntry({ number: entry.invoiceNumber, due: date(entry.dueDate) }), money(entry.charge), '', money(entry.balance)] };
      }
      const details = l.paymentEntry({ number: entry.invoiceNumber, method: s.paymentMethods[entry.method] });
      const refunded = entry.refunded > 0 ? `, ${l.lessRefunded({ amount: money(entry.refunded) })}` : '';
      return { cells: [date(entry.date), `${details}${refunded}`, '', money(entry.payment), money(entry.balance)] };
    }),
    { cells: [date(statement.to), l.closingBalance, '', '', money(figures.closing)], strong: true },
  ];
  const { aging } = figures;
  return {
    heading: currencyHeading(figures.currency, locale),
    rows,
    summary: [
      { label: l.openingBalance, value: money(figures.opening) },
      { label: l.invoicedInPeriod, value: money(figures.invoiced) },
      { label: l.paidInPeriod, value: money(-figures.paid) },
    ],
    closing: { label: l.closingBalance, value: money(figures.closing) },
    agingHeading: l.agingAsOf({ date: formatCalendarDate(statement.to, locale) }),
    aging: {
      labels: [l.agingCurrent, l.aging1to30, l.aging31to60, l.aging61to90, l.agingOver90],
      amounts: [aging.current, aging.days1to30, aging.days31to60, aging.days61to90, aging.over90].map(money),
    },
  };
}

class StatementPage extends PdfPage<StatementModel> {
  protected renderBody(): void {
    const { sections, empty } = this.model;
    if (sections.length === 0) {
      this.paragraph(empty, { size: 10, color: MUTED });
      return;
    }
    sections.forEach((section) => this.#section(section));
  }

  #section(section: StatementSection): void {
    this.room(120);
    this.sectionLabel(section.heading);
    const dateWidth = 78;
    const amountWidth = 86;
    const detailsWidth = CONTENT_WIDTH - dateWidth - 3 * amountWidth;
    let start = MARGIN;
    const column = (width: number, align: TableColumn['align']): TableColumn => {
      const box = { start, width, align };
      start += width;
      return box;
    };
    const columns = [column(dateWidth, 'start'), column(detailsWidth, 'start'), column(amountWidth, 'end'), column(amountWidth, 'end'), column(amountWidth, 'end')];
    this.table(columns, this.model.columns, section.rows);
    this.summary(section.summary, section.closing);
    this.#aging(section);
  }

  #aging(section: StatementSection): void {
    this.room(70);
    this.sectionLabel(section.agingHeading);
    const width = CONTENT_WIDTH / section.aging.labels.length;
    const columns = section.aging.labels.map((_, index): TableColumn => ({ start: MARGIN + index * width, width, align: 'end' }));
    this.table(columns, section.aging.labels, [{ cells: section.aging.amounts }]);
    this.y += 10;
  }
}

/** "USD" → "US-Dollar (USD)" in German. */
function currencyHeading(code: string, locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' }).of(code) ?? code;
  return name === code ? code : `${name} (${code})`;
}

/** A day in the ledger's date column, short ("10 Mar 2026", "2026/03/10"). */
function shortDate(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
