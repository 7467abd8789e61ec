import type { jsPDF } from 'jspdf';
import type { InvoiceLine } from '../invoices/invoice-model.js';
import type { InvoiceParties } from '../invoices/invoice-parties.js';
import { taxNotesNeeded, taxSummary } from '../invoices/tax-summary.js';
import { formatMoney } from '../money/money.js';
import { brandColor, linkColor, textColorOn } from '../shared/brand-colors.js';
import type { Locale } from '../shared/locales.js';
import { bankRows, buyerLines, sellerFooter, sellerLines } from './party-lines.js';
import { partyStrings, type PartyStrings } from './party-strings.js';
import { documentStrings, type DocumentStrings } from './document-strings.js';
import { jsPdf } from './pdf-fonts.js';
import { PdfText, type TextStyle } from './pdf-text.js';

/** How a status pill is coloured. */
export type StatusTone = 'neutral' | 'info' | 'warning' | 'success' | 'danger';

/** One row of the totals: `small` for a payment under the total, in a size that keeps its date and method beside the amount. */
export interface TotalsRow {
  label: string;
  amount: number;
  small?: boolean;
}

/**
 * What one page layout draws, whatever the document (invoice, estimate): each
 * kind turns its own input into this (invoice-pdf.ts, estimate-pdf.ts), so
 * the layout, fonts and scripts are written once.
 */
export interface PdfDocumentModel {
  locale: Locale;
  /** The file's /ID: the same for the same document, version and locale. */
  fileId: string;
  /** The file's title property (ASCII). */
  fileTitle: string;
  createdAt: Date;
  business: { name: string; brandColor: string };
  clientName: string;
  /** Seller and buyer details; without them the PDF shows names only. */
  parties?: InvoiceParties;
  /** "Invoice", "Draft estimate", … */
  heading: string;
  /** "Invoice no. HP-0001", or null when it has none yet. */
  numberLine: string | null;
  /** Above the buyer: "Billed to", "Prepared for". */
  recipientLabel: string;
  /** Label and formatted value, beside the buyer. */
  dates: Array<[string, string]>;
  status: { text: string; tone: StatusTone };
  currency: string;
  lines: readonly InvoiceLine[];
  subtotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
  /** Under the total: payments and what was paid (invoices). */
  afterTotal: readonly TotalsRow[];
  /** The brand-coloured band under the totals (an invoice's balance due). */
  band: { label: string; amount: number } | null;
  /** A line in bold under the totals (who accepted an estimate, when, which version). */
  statement: string | null;
  /** Payment terms and bank details (invoices): `payableBy` a formatted due date, `reference` the transfer's. */
  payment: { payableBy: string | null; reference: string | null } | null;
  notes: string | null;
}

/**
 * A document as an A4 PDF: brand, number, dates, buyer, line items, totals,
 * tax summary, payment details and notes, in the locale's language, script
 * and direction (Arabic is laid out right to left). The same model gives the
 * same bytes: the file's dates and id come from the document, not the clock.
 */
export function renderDocumentPdf(model: PdfDocumentModel): Uint8Array {
  const JsPdf = jsPdf();
  const doc = new JsPdf({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
  doc.setCreationDate(model.createdAt);
  doc.setFileId(model.fileId);
  doc.setProperties({ title: asciiOnly(model.fileTitle), creator: 'Portico' });
  try {
    doc.setLanguage(model.locale as Parameters<jsPDF['setLanguage']>[0]);
  } catch {
    // An unknown language tag only loses the document's language hint.
  }
  new DocumentPage(doc, documentStrings[model.locale], model).render();
  return new Uint8Array(doc.output('arraybuffer'));
}

function asciiOnly(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '').trim();
}

const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
const MARGIN = 48;
const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Content stops here; the footer sits below. */
const CONTENT_BOTTOM = PAGE_HEIGHT - 64;

const INK = '#111827';
const MUTED = '#6b7280';
const RULE = '#e5e7eb';

const toneColors: Record<StatusTone, { text: string; fill: string }> = {
  neutral: { text: '#374151', fill: '#f3f4f6' },
  info: { text: '#1e40af', fill: '#dbeafe' },
  warning: { text: '#92400e', fill: '#fef3c7' },
  success: { text: '#166534', fill: '#dcfce7' },
  danger: { text: '#991b1b', fill: '#fee2e2' },
};

type Align = 'start' | 'end' | 'center';

class DocumentPage {
  readonly #doc: jsPDF;
  readonly #s: DocumentStrings;
  readonly #p: PartyStrings;
  readonly #input: PdfDocumentModel;
  readonly #text: PdfText;
  readonly #rtl: boolean;
  readonly #brand: string;
  readonly #money: (amount: number) => string;
  readonly #quantity: Intl.NumberFormat;
  readonly #percent: Intl.NumberFormat;
  #y = 0;

  constructor(doc: jsPDF, strings: DocumentStrings, input: PdfDocumentModel) {
    this.#doc = doc;
    this.#s = strings;
    this.#p = partyStrings[input.locale];
    this.#input = input;
    this.#rtl = strings.direction === 'rtl';
    this.#text = new PdfText(doc, strings.direction, input.locale === 'ja' ? 'jp' : 'sans');
    this.#brand = brandColor(input.business.brandColor);
    const currency = input.currency;
    this.#money = (amount) => formatMoney({ amount, currency }, input.locale);
    this.#quantity = new Intl.NumberFormat(input.locale, { maximumFractionDigits: 3 });
    this.#percent = new Intl.NumberFormat(input.locale, { style: 'percent', maximumFractionDigits: 3 });
  }

  render(): void {
    this.#header();
    this.#details();
    this.#lines();
    this.#totals();
    this.#statement();
    this.#taxSummary();
    this.#payment();
    this.#notes();
    this.#footers();
  }

  // --- layout primitives: x is measured from the start edge (left in LTR, right in RTL) ---

  /** Page x of the left edge of a box that starts `start` points from the start edge and is `width` wide. */
  #left(start: number, width: number): number {
    return this.#rtl ? PAGE_WIDTH - start - width : start;
  }

  #draw(text: string, start: number, width: number, y: number, style: TextStyle, align: Align = 'start'): void {
    const left = this.#left(start, width);
    const visualAlign = align === 'center' ? 'center' : (align === 'start') !== this.#rtl ? 'left' : 'right';
    const x = visualAlign === 'left' ? left : visualAlign === 'right' ? left + width : left + width / 2;
    this.#text.draw(text, x, y, { ...style, align: visualAlign });
  }

  #fill(start: number, width: number, y: number, height: number, color: string, radius = 0): void {
    this.#doc.setFillColor(color);
    const left = this.#left(start, width);
    if (radius > 0) this.#doc.roundedRect(left, y, width, height, radius, radius, 'F');
    else this.#doc.rect(left, y, width, height, 'F');
  }

  #rule(start: number, width: number, y: number, color = RULE, thickness = 0.75): void {
    this.#doc.setDrawColor(color);
    this.#doc.setLineWidth(thickness);
    const left = this.#left(start, width);
    this.#doc.line(left, y, left + width, y);
  }

  #newPage(): void {
    this.#doc.addPage('a4', 'portrait');
    this.#fill(0, PAGE_WIDTH, 0, 6, this.#brand);
    this.#y = MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  #room(height: number): boolean {
    if (this.#y + height <= CONTENT_BOTTOM) return false;
    this.#newPage();
    return true;
  }

  // --- sections ---

  #header(): void {
    const { business, heading: title, numberLine } = this.#input;
    this.#fill(0, PAGE_WIDTH, 0, 6, this.#brand);
    const titleStyle: TextStyle = { size: 22, weight: 'bold', color: INK };
    const titleWidth = Math.min(this.#text.width(title, titleStyle), CONTENT_WIDTH / 2);
    const nameWidth = CONTENT_WIDTH - titleWidth - 24;
    const nameStyle: TextStyle = { size: 18, weight: 'bold', color: linkColor(this.#brand) };
    const nameLines = this.#text.wrap(business.name, nameWidth, nameStyle).slice(0, 3);
    let y = MARGIN + 24;
    this.#draw(title, MARGIN, CONTENT_WIDTH, y, titleStyle, 'end');
    for (const line of nameLines) {
      this.#draw(line, MARGIN, nameWidth, y, nameStyle);
      y += 22;
    }
    const seller = this.#input.parties?.seller;
    if (seller) {
      const sellerStyle: TextStyle = { size: 8.5, color: MUTED };
      y -= 8;
      for (const text of sellerLines(seller, this.#p, this.#input.locale).flatMap((line) => this.#text.wrap(line, nameWidth, sellerStyle))) {
        this.#draw(text, MARGIN, nameWidth, y, sellerStyle);
        y += 11;
      }
      y += 6;
    }
    let metaY = MARGIN + 42;
    if (numberLine) {
      this.#draw(numberLine, MARGIN, CONTENT_WIDTH, metaY, { size: 10, color: MUTED }, 'end');
      metaY += 14;
    }
    this.#y = Math.max(y, metaY) + 10;
    this.#rule(MARGIN, CONTENT_WIDTH, this.#y);
    this.#y += 26;
  }

  #details(): void {
    const { clientName, dates, status } = this.#input;
    const top = this.#y;
    const labelStyle: TextStyle = { size: 8.5, weight: 'bold', color: MUTED };
    const blockWidth = 230;
    const leftWidth = CONTENT_WIDTH - blockWidth - 24;

    this.#draw(this.#input.recipientLabel.toLocaleUpperCase(this.#input.locale), MARGIN, leftWidth, top, labelStyle);
    let y = top + 18;
    for (const line of this.#text.wrap(clientName, leftWidth, { size: 13, weight: 'bold' }).slice(0, 4)) {
      this.#draw(line, MARGIN, leftWidth, y, { size: 13, weight: 'bold', color: INK });
      y += 17;
    }
    const buyer = this.#input.parties?.buyer;
    if (buyer) {
      const buyerStyle: TextStyle = { size: 9.5, color: INK };
      for (const text of buyerLines(buyer, this.#p, this.#input.locale).flatMap((line) => this.#text.wrap(line, leftWidth, buyerStyle))) {
        this.#draw(text, MARGIN, leftWidth, y, buyerStyle);
        y += 12.5;
      }
    }

    const blockStart = MARGIN + CONTENT_WIDTH - blockWidth;
    let rowY = top;
    for (const [label, value] of dates) {
      this.#draw(label, blockStart, blockWidth, rowY, { size: 9.5, color: MUTED });
      this.#draw(value, blockStart, blockWidth, rowY, { size: 9.5, color: INK }, 'end');
      rowY += 18;
    }
    const colors = toneColors[status.tone];
    const statusText = status.text;
    const pillStyle: TextStyle = { size: 9, weight: 'bold', color: colors.text };
    const pillWidth = this.#text.width(statusText, pillStyle) + 16;
    this.#draw(this.#s.status, blockStart, blockWidth, rowY, { size: 9.5, color: MUTED });
    this.#fill(blockStart + blockWidth - pillWidth, pillWidth, rowY - 11, 16, colors.fill, 8);
    this.#draw(statusText, blockStart + blockWidth - pillWidth, pillWidth, rowY + 0.5, pillStyle, 'center');
    rowY += 18;
    this.#y = Math.max(y, rowY) + 18;
  }

  /** Column boxes of the line-item table, measured from the start edge. */
  #columns() {
    const widths = { quantity: 48, unitPrice: 88, taxRate: 48, lineTotal: 96 };
    const description = CONTENT_WIDTH - widths.quantity - widths.unitPrice - widths.taxRate - widths.lineTotal;
    let start = MARGIN;
    const box = (width: number) => {
      const column = { start, width };
      start += width;
      return column;
    };
    return {
      description: box(description),
      quantity: box(widths.quantity),
      unitPrice: box(widths.unitPrice),
      taxRate: box(widths.taxRate),
      lineTotal: box(widths.lineTotal),
    };
  }

  #tableHeader(): void {
    const columns = this.#columns();
    const style: TextStyle = { size: 8.5, weight: 'bold', color: INK };
    this.#fill(MARGIN, CONTENT_WIDTH, this.#y, 22, tint(this.#brand, 0.12));
    const baseline = this.#y + 14.5;
    const pad = 6;
    this.#draw(this.#s.description, columns.description.start + pad, columns.description.width - 2 * pad, baseline, style);
    this.#draw(this.#s.quantity, columns.quantity.start, columns.quantity.width - pad, baseline, style, 'end');
    this.#draw(this.#s.unitPrice, columns.unitPrice.start, columns.unitPrice.width - pad, baseline, style, 'end');
    this.#draw(this.#s.taxRate, columns.taxRate.start, columns.taxRate.width - pad, baseline, style, 'end');
    this.#draw(this.#s.lineTotal, columns.lineTotal.start, columns.lineTotal.width - pad, baseline, style, 'end');
    this.#y += 22;
  }

  #lines(): void {
    const columns = this.#columns();
    const pad = 6;
    const body: TextStyle = { size: 9.5, color: INK };
    const small: TextStyle = { size: 8, color: MUTED };
    const lineHeight = 12.5;
    this.#tableHeader();
    for (const line of this.#input.lines) {
      const description = this.#text.wrap(line.description, columns.description.width - 2 * pad, body);
      const discount =
        line.discountAmount > 0
          ? this.#s.lineDiscount({
              percent: line.discount && 'percent' in line.discount ? this.#percent.format(line.discount.percent / 100) : null,
              amount: this.#money(-line.discountAmount),
            })
          : null;
      const height = (description.length + (discount ? 1 : 0)) * lineHeight + 12;
      if (this.#room(Math.min(height, CONTENT_BOTTOM - MARGIN - 40))) this.#tableHeader();
      let y = this.#y + 6 + 9.5;
      this.#draw(this.#quantity.format(line.quantity), columns.quantity.start, columns.quantity.width - pad, y, body, 'end');
      this.#draw(this.#money(line.unitPrice), columns.unitPrice.start, columns.unitPrice.width - pad, y, body, 'end');
      this.#draw(this.#percent.format(line.taxRate / 100), columns.taxRate.start, columns.taxRate.width - pad, y, body, 'end');
      this.#draw(this.#money(line.total), columns.lineTotal.start, columns.lineTotal.width - pad, y, { ...body, weight: 'bold' }, 'end');
      for (const text of description) {
        if (y > CONTENT_BOTTOM) {
          // A description longer than a page goes on over the next.
          this.#newPage();
          this.#tableHeader();
          y = this.#y + 6 + 9.5;
        }
        this.#draw(text, columns.description.start + pad, columns.description.width - 2 * pad, y, body);
        y += lineHeight;
      }
      if (discount) {
        this.#draw(discount, columns.description.start + pad, columns.description.width - 2 * pad, y, small);
        y += lineHeight;
      }
      this.#y = y - 9.5 + 6;
      this.#rule(MARGIN, CONTENT_WIDTH, this.#y);
    }
  }

  #totals(): void {
    const model = this.#input;
    const width = 250;
    const start = MARGIN + CONTENT_WIDTH - width;
    const rows: Array<{ label: string; value: string; strong?: boolean; small?: boolean }> = [{ label: this.#s.subtotal, value: this.#money(model.subtotal) }];
    if (model.discountTotal > 0) {
      rows.push({ label: this.#s.discount, value: this.#money(-model.discountTotal) });
      rows.push({ label: this.#p.netTotal, value: this.#money(model.subtotal - model.discountTotal) });
    }
    rows.push({ label: this.#s.tax, value: this.#money(model.taxTotal) });
    rows.push({ label: this.#s.total, value: this.#money(model.total), strong: true });
    for (const row of model.afterTotal) rows.push({ label: row.label, value: this.#money(row.amount), ...(row.small ? { small: true } : {}) });
    const height = rows.length * 20 + (model.band ? 40 : 12);
    this.#y += 16;
    this.#room(height);
    let y = this.#y + 4;
    for (const row of rows) {
      if (row.strong) {
        this.#rule(start, width, y - 11, INK, 0.75);
        y += 6;
      }
      const style: TextStyle = row.strong ? { size: 11, weight: 'bold', color: INK } : { size: row.small ? 8.5 : 9.5, color: MUTED };
      this.#draw(row.label, start + 8, width - 16, y, style);
      this.#draw(row.value, start + 8, width - 16, y, { ...style, color: INK }, 'end');
      y += row.strong ? 22 : 18;
    }
    if (!model.band) {
      this.#y = y + 8;
      return;
    }
    const bandTop = y - 8;
    this.#fill(start, width, bandTop, 28, this.#brand, 4);
    const onBrand = textColorOn(this.#brand);
    const balanceStyle: TextStyle = { size: 11.5, weight: 'bold', color: onBrand };
    this.#draw(model.band.label, start + 10, width - 20, bandTop + 18.5, balanceStyle);
    this.#draw(this.#money(model.band.amount), start + 10, width - 20, bandTop + 18.5, balanceStyle, 'end');
    this.#y = bandTop + 28 + 24;
  }

  /** A bold line across the page under the totals, in a tinted box. */
  #statement(): void {
    const text = this.#input.statement;
    if (!text) return;
    const style: TextStyle = { size: 9.5, weight: 'bold', color: toneColors.success.text };
    const lines = this.#text.wrap(text, CONTENT_WIDTH - 20, style);
    const height = lines.length * 13 + 14;
    this.#room(height + 14);
    this.#fill(MARGIN, CONTENT_WIDTH, this.#y - 4, height, toneColors.success.fill, 4);
    let y = this.#y + 12;
    for (const line of lines) {
      this.#draw(line, MARGIN + 10, CONTENT_WIDTH - 20, y, style);
      y += 13;
    }
    this.#y += height + 18;
  }

  /** One row per VAT category and rate (EN 16931 BG-23), then the legal notes a reverse charge or exemption needs. */
  #taxSummary(): void {
    const { lines } = this.#input;
    if (lines.length === 0) return;
    const rows = taxSummary(lines);
    const labelStyle: TextStyle = { size: 8.5, weight: 'bold', color: MUTED };
    const body: TextStyle = { size: 9.5, color: INK };
    const amountWidth = 110;
    const labelWidth = CONTENT_WIDTH - 2 * amountWidth;
    this.#room(40 + rows.length * 16);
    this.#draw(this.#p.taxSummary.toLocaleUpperCase(this.#input.locale), MARGIN, labelWidth, this.#y, labelStyle);
    this.#draw(this.#p.taxableAmount, MARGIN + labelWidth, amountWidth, this.#y, labelStyle, 'end');
    this.#draw(this.#p.taxAmount, MARGIN + labelWidth + amountWidth, amountWidth, this.#y, labelStyle, 'end');
    this.#y += 6;
    this.#rule(MARGIN, CONTENT_WIDTH, this.#y);
    this.#y += 14;
    for (const row of rows) {
      this.#room(16);
      const label = `${this.#p.taxCategory[row.category]} ${this.#percent.format(row.rate / 100)}`;
      this.#draw(label, MARGIN, labelWidth, this.#y, body);
      this.#draw(this.#money(row.taxableAmount), MARGIN + labelWidth, amountWidth, this.#y, body, 'end');
      this.#draw(this.#money(row.taxAmount), MARGIN + labelWidth + amountWidth, amountWidth, this.#y, body, 'end');
      this.#y += 16;
    }
    const needed = taxNotesNeeded(lines);
    const seller = this.#input.parties?.seller;
    const notes = [
      ...(needed.reverseCharge ? [seller?.reverseChargeNote ?? this.#p.reverseChargeNote] : []),
      ...(needed.exempt ? [seller?.taxExemptNote ?? this.#p.exemptNote] : []),
    ];
    for (const note of notes) {
      for (const text of this.#text.wrap(note, CONTENT_WIDTH, { ...body, weight: 'bold' })) {
        this.#room(13);
        this.#draw(text, MARGIN, CONTENT_WIDTH, this.#y, { ...body, weight: 'bold' });
        this.#y += 13;
      }
    }
    this.#y += 14;
  }

  /** Payment terms (BT-20), due date, and the bank account to pay into with the invoice number as the reference (BG-16). */
  #payment(): void {
    const { payment, locale } = this.#input;
    const seller = this.#input.parties?.seller;
    if (!seller || !payment) return;
    const labelStyle: TextStyle = { size: 8.5, weight: 'bold', color: MUTED };
    const body: TextStyle = { size: 9.5, color: INK };
    const terms = [
      ...(seller.paymentTermsText ? [seller.paymentTermsText] : []),
      ...(payment.payableBy ? [this.#p.payableBy({ date: payment.payableBy })] : []),
    ];
    const bank = seller.bankAccount ? bankRows(seller.bankAccount, payment.reference, this.#p) : [];
    if (terms.length === 0 && bank.length === 0 && !seller.paymentInstructions) return;
    // Terms on the start half, bank details on the end half, so both fit where the page has room.
    const half = (CONTENT_WIDTH - 24) / 2;
    const bankStart = terms.length > 0 ? MARGIN + half + 24 : MARGIN;
    const termLines = terms.flatMap((term) => this.#text.wrap(term, half, body));
    const instructions = seller.paymentInstructions ? this.#text.wrap(seller.paymentInstructions, half, body) : [];
    this.#room(30 + Math.max(termLines.length * 13, bank.length * 14 + instructions.length * 13));
    const top = this.#y;
    let termsY = top;
    if (terms.length > 0) {
      this.#draw(this.#p.paymentTerms.toLocaleUpperCase(locale), MARGIN, half, termsY, labelStyle);
      termsY += 16;
      for (const text of termLines) {
        this.#draw(text, MARGIN, half, termsY, body);
        termsY += 13;
      }
    }
    let bankY = top;
    if (bank.length > 0 || instructions.length > 0) {
      this.#draw(this.#p.bankTransfer.toLocaleUpperCase(locale), bankStart, half, bankY, labelStyle);
      bankY += 16;
      const labelWidth = 96;
      for (const [label, value] of bank) {
        this.#draw(label, bankStart, labelWidth, bankY, { size: 9, color: MUTED });
        const valueStyle: TextStyle = { size: 9, color: INK, weight: label === 'IBAN' ? 'bold' : 'regular' };
        this.#draw(this.#text.wrap(value, half - labelWidth, valueStyle)[0] ?? '', bankStart + labelWidth, half - labelWidth, bankY, valueStyle);
        bankY += 14;
      }
      for (const text of instructions) {
        this.#draw(text, bankStart, half, bankY, body);
        bankY += 13;
      }
    }
    this.#y = Math.max(termsY, bankY) + 14;
  }

  #notes(): void {
    const notes = this.#input.notes?.trim();
    if (!notes) return;
    const style: TextStyle = { size: 9.5, color: INK };
    const lines = this.#text.wrap(notes, CONTENT_WIDTH, style);
    this.#room(Math.min(30 + lines.length * 13, 120));
    this.#draw(this.#s.notes.toLocaleUpperCase(this.#input.locale), MARGIN, CONTENT_WIDTH, this.#y, { size: 8.5, weight: 'bold', color: MUTED });
    this.#y += 16;
    for (const line of lines) {
      this.#room(13);
      this.#draw(line, MARGIN, CONTENT_WIDTH, this.#y, style);
      this.#y += 13;
    }
  }

  #footers(): void {
    const pages = this.#doc.getNumberOfPages();
    const style: TextStyle = { size: 8, color: MUTED };
    const y = PAGE_HEIGHT - 32;
    const nameWidth = CONTENT_WIDTH * 0.8;
    const seller = this.#input.parties?.seller;
    const footer = seller ? sellerFooter({ ...seller, name: this.#input.business.name }, this.#p, this.#input.locale) : this.#input.business.name;
    const footerStyle: TextStyle = { size: seller ? 7 : 8, color: MUTED };
    const name = this.#text.wrap(footer, nameWidth, footerStyle).slice(0, 2);
    for (let page = 1; page <= pages; page++) {
      this.#doc.setPage(page);
      this.#rule(MARGIN, CONTENT_WIDTH, y - 14 - (name.length - 1) * 9);
      name.forEach((text, index) => this.#draw(text, MARGIN, nameWidth, y - (name.length - 1 - index) * 9, footerStyle));
      this.#draw(this.#s.page({ page, pages }), MARGIN, CONTENT_WIDTH, y, style, 'end');
    }
  }
}

/** `color` mixed with white: `amount` 0 is white, 1 the colour itself. */
function tint(color: string, amount: number): string {
  const channel = (offset: number) => {
    const value = parseInt(color.slice(offset, offset + 2), 16);
    return Math.round(255 - (255 - value) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
