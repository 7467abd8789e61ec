import type { InvoiceLine } from '../invoices/invoice-model.js';
import { taxNotesNeeded, taxSummary } from '../invoices/tax-summary.js';
import { bankRows } from './party-lines.js';
import { CONTENT_BOTTOM, CONTENT_WIDTH, INK, MARGIN, MUTED, PdfPage, renderPdf, tint, toneColors, type PdfFrame, type StatusTone, type SummaryRow } from './pdf-page.js';
import type { TextStyle } from './pdf-text.js';

export type { StatusTone };

/** One row of the totals: `small` for a payment under the total, in a size that keeps its date and method beside the amount. */
export interface TotalsRow {
  label: string;
  amount: number;
  small?: boolean;
}

/**
 * What a document with line items draws (invoice, estimate): each kind turns
 * its own input into this (invoice-pdf.ts, estimate-pdf.ts), on the frame
 * every PDF shares (pdf-page.ts).
 */
export interface PdfDocumentModel extends PdfFrame {
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
  return renderPdf(DocumentPage, model);
}

class DocumentPage extends PdfPage<PdfDocumentModel> {
  readonly #quantity = new Intl.NumberFormat(this.model.locale, { maximumFractionDigits: 3 });
  readonly #percent = new Intl.NumberFormat(this.model.locale, { style: 'percent', maximumFractionDigits: 3 });

  protected renderBody(): void {
    this.#lines();
    this.#totals();
    this.#statement();
    this.#taxSummary();
    this.#payment();
    this.#notes();
  }

  #money(amount: number): string {
    return this.money(amount, this.model.currency);
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
    this.fill(MARGIN, CONTENT_WIDTH, this.y, 22, tint(this.brand, 0.12));
    const baseline = this.y + 14.5;
    const pad = 6;
    this.draw(this.s.description, columns.description.start + pad, columns.description.width - 2 * pad, baseline, style);
    this.draw(this.s.quantity, columns.quantity.start, columns.quantity.width - pad, baseline, style, 'end');
    this.draw(this.s.unitPrice, columns.unitPrice.start, columns.unitPrice.width - pad, baseline, style, 'end');
    this.draw(this.s.taxRate, columns.taxRate.start, columns.taxRate.width - pad, baseline, style, 'end');
    this.draw(this.s.lineTotal, columns.lineTotal.start, columns.lineTotal.width - pad, baseline, style, 'end');
    this.y += 22;
  }

  #lines(): void {
    const columns = this.#columns();
    const pad = 6;
    const body: TextStyle = { size: 9.5, color: INK };
    const small: TextStyle = { size: 8, color: MUTED };
    const lineHeight = 12.5;
    this.#tableHeader();
    for (const line of this.model.lines) {
      const description = this.text.wrap(line.description, columns.description.width - 2 * pad, body);
      const discount =
        line.discountAmount > 0
          ? this.s.lineDiscount({
              percent: line.discount && 'percent' in line.discount ? this.#percent.format(line.discount.percent / 100) : null,
              amount: this.#money(-line.discountAmount),
            })
          : null;
      const height = (description.length + (discount ? 1 : 0)) * lineHeight + 12;
      if (this.room(Math.min(height, CONTENT_BOTTOM - MARGIN - 40))) this.#tableHeader();
      let y = this.y + 6 + 9.5;
      this.draw(this.#quantity.format(line.quantity), columns.quantity.start, columns.quantity.width - pad, y, body, 'end');
      this.draw(this.#money(line.unitPrice), columns.unitPrice.start, columns.unitPrice.width - pad, y, body, 'end');
      this.draw(this.#percent.format(line.taxRate / 100), columns.taxRate.start, columns.taxRate.width - pad, y, body, 'end');
      this.draw(this.#money(line.total), columns.lineTotal.start, columns.lineTotal.width - pad, y, { ...body, weight: 'bold' }, 'end');
      for (const text of description) {
        if (y > CONTENT_BOTTOM) {
          // A description longer than a page goes on over the next.
          this.newPage();
          this.#tableHeader();
          y = this.y + 6 + 9.5;
        }
        this.draw(text, columns.description.start + pad, columns.description.width - 2 * pad, y, body);
        y += lineHeight;
      }
      if (discount) {
        this.draw(discount, columns.description.start + pad, columns.description.width - 2 * pad, y, small);
        y += lineHeight;
      }
      this.y = y - 9.5 + 6;
      this.rule(MARGIN, CONTENT_WIDTH, this.y);
    }
  }

  #totals(): void {
    const model = this.model;
    const rows: SummaryRow[] = [{ label: this.s.subtotal, value: this.#money(model.subtotal) }];
    if (model.discountTotal > 0) {
      rows.push({ label: this.s.discount, value: this.#money(-model.discountTotal) });
      rows.push({ label: this.p.netTotal, value: this.#money(model.subtotal - model.discountTotal) });
    }
    rows.push({ label: this.s.tax, value: this.#money(model.taxTotal) });
    rows.push({ label: this.s.total, value: this.#money(model.total), strong: true });
    for (const row of model.afterTotal) rows.push({ label: row.label, value: this.#money(row.amount), ...(row.small ? { small: true } : {}) });
    this.summary(rows, model.band && { label: model.band.label, value: this.#money(model.band.amount) });
  }

  /** A bold line across the page under the totals, in a tinted box. */
  #statement(): void {
    const text = this.model.statement;
    if (!text) return;
    const style: TextStyle = { size: 9.5, weight: 'bold', color: toneColors.success.text };
    const lines = this.text.wrap(text, CONTENT_WIDTH - 20, style);
    const height = lines.length * 13 + 14;
    this.room(height + 14);
    this.fill(MARGIN, CONTENT_WIDTH, this.y - 4, height, toneColors.success.fill, 4);
    let y = this.y + 12;
    for (const line of lines) {
      this.draw(line, MARGIN + 10, CONTENT_WIDTH - 20, y, style);
      y += 13;
    }
    this.y += height + 18;
  }

  /** One row per VAT category and rate (EN 16931 BG-23), then the legal notes a reverse charge or exemption needs. */
  #taxSummary(): void {
    const { lines } = this.model;
    if (lines.length === 0) return;
    const rows = taxSummary(lines);
    const labelStyle: TextStyle = { size: 8.5, weight: 'bold', color: MUTED };
    const body: TextStyle = { size: 9.5, color: INK };
    const amountWidth = 110;
    const labelWidth = CONTENT_WIDTH - 2 * amountWidth;
    this.room(40 + rows.length * 16);
    this.draw(this.p.taxSummary.toLocaleUpperCase(this.model.locale), MARGIN, labelWidth, this.y, labelStyle);
    this.draw(this.p.taxableAmount, MARGIN + labelWidth, amountWidth, this.y, labelStyle, 'end');
    this.draw(this.p.taxAmount, MARGIN + labelWidth + amountWidth, amountWidth, this.y, labelStyle, 'end');
    this.y += 6;
    this.rule(MARGIN, CONTENT_WIDTH, this.y);
    this.y += 14;
    for (const row of rows) {
      this.room(16);
      const label = `${this.p.taxCategory[row.category]} ${this.#percent.format(row.rate / 100)}`;
      this.draw(label, MARGIN, labelWidth, this.y, body);
      this.draw(this.#money(row.taxableAmount), MARGIN + labelWidth, amountWidth, this.y, body, 'end');
      this.draw(this.#money(row.taxAmount), MARGIN + labelWidth + amountWidth, amountWidth, this.y, body, 'end');
      this.y += 16;
    }
    const needed = taxNotesNeeded(lines);
    const seller = this.model.parties?.seller;
    const notes = [
      ...(needed.reverseCharge ? [seller?.reverseChargeNote ?? this.p.reverseChargeNote] : []),
      ...(needed.exempt ? [seller?.taxExemptNote ?? this.p.exemptNote] : []),
    ];
    for (const note of notes) {
      for (const text of this.text.wrap(note, CONTENT_WIDTH, { ...body, weight: 'bold' })) {
        this.room(13);
        this.draw(text, MARGIN, CONTENT_WIDTH, this.y, { ...body, weight: 'bold' });
        this.y += 13;
      }
    }
    this.y += 14;
  }

  /** Payment terms (BT-20), due date, and the bank account to pay into with the invoice number as the reference (BG-16). */
  #payment(): void {
    const { payment, locale } = this.model;
    const seller = this.model.parties?.seller;
    if (!seller || !payment) return;
    const labelStyle: TextStyle = { size: 8.5, weight: 'bold', color: MUTED };
    const body: TextStyle = { size: 9.5, color: INK };
    const terms = [
      ...(seller.paymentTermsText ? [seller.paymentTermsText] : []),
      ...(payment.payableBy ? [this.p.payableBy({ date: payment.payableBy })] : []),
    ];
    const bank = seller.bankAccount ? bankRows(seller.bankAccount, payment.reference, this.p) : [];
    if (terms.length === 0 && bank.length === 0 && !seller.paymentInstructions) return;
    // Terms on the start half, bank details on the end half, so both fit where the page has room.
    const half = (CONTENT_WIDTH - 24) / 2;
    const bankStart = terms.length > 0 ? MARGIN + half + 24 : MARGIN;
    const termLines = terms.flatMap((term) => this.text.wrap(term, half, body));
    const instructions = seller.paymentInstructions ? this.text.wrap(seller.paymentInstructions, half, body) : [];
    this.room(30 + Math.max(termLines.length * 13, bank.length * 14 + instructions.length * 13));
    const top = this.y;
    let termsY = top;
    if (terms.length > 0) {
      this.draw(this.p.paymentTerms.toLocaleUpperCase(locale), MARGIN, half, termsY, labelStyle);
      termsY += 16;
      for (const text of termLines) {
        this.draw(text, MARGIN, half, termsY, body);
        termsY += 13;
      }
    }
    let bankY = top;
    if (bank.length > 0 || instructions.length > 0) {
      this.draw(this.p.bankTransfer.toLocaleUpperCase(locale), bankStart, half, bankY, labelStyle);
      bankY += 16;
      const labelWidth = 96;
      for (const [label, value] of bank) {
        this.draw(label, bankStart, labelWidth, bankY, { size: 9, color: MUTED });
        const valueStyle: TextStyle = { size: 9, color: INK, weight: label === 'IBAN' ? 'bold' : 'regular' };
        this.draw(this.text.wrap(value, half - labelWidth, valueStyle)[0] ?? '', bankStart + labelWidth, half - labelWidth, bankY, valueStyle);
        bankY += 14;
      }
      for (const text of instructions) {
        this.draw(text, bankStart, half, bankY, body);
        bankY += 13;
      }
    }
    this.y = Math.max(termsY, bankY) + 14;
  }

  #notes(): void {
    const notes = this.model.notes?.trim();
    if (!notes) return;
    const style: TextStyle = { size: 9.5, color: INK };
    const lines = this.text.wrap(notes, CONTENT_WIDTH, style);
    this.room(Math.min(30 + lines.length * 13, 120));
    this.draw(this.s.notes.toLocaleUpperCase(this.model.locale), MARGIN, CONTENT_WIDTH, this.y, { size: 8.5, weight: 'bold', color: MUTED });
    this.y += 16;
    for (const line of lines) {
      this.room(13);
      this.draw(line, MARGIN, CONTENT_WIDTH, this.y, style);
      this.y += 13;
    }
  }
}
