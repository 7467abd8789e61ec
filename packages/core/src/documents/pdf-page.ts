import type { jsPDF } from 'jspdf';
import type { InvoiceParties } from '../invoices/invoice-parties.js';
import { formatMoney } from '../money/money.js';
import { brandColor, linkColor, textColorOn } from '../shared/brand-colors.js';
import type { Locale } from '../shared/locales.js';
import { buyerLines, sellerFooter, sellerLines } from './party-lines.js';
import { partyStrings, type PartyStrings } from './party-strings.js';
import { documentStrings, type DocumentStrings } from './document-strings.js';
import { jsPdf } from './pdf-fonts.js';
import { PdfText, type TextStyle } from './pdf-text.js';

/** How a status pill is coloured. */
export type StatusTone = 'neutral' | 'info' | 'warning' | 'success' | 'danger';

/**
 * What every Portico PDF has around its body, whatever it is (invoice,
 * estimate, receipt, statement): the brand band, the business and seller
 * details, the title and number, the buyer with the dates and status beside
 * it, and the footer on every page. Each kind draws its own body between them
 * (document-pdf.ts, receipt-pdf.ts, statement-pdf.ts), so the frame, fonts and
 * scripts are written once.
 */
export interface PdfFrame {
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
  /** "Invoice", "Receipt", … */
  heading: string;
  /** "Invoice no. HP-0001", or null when it has none yet. */
  numberLine: string | null;
  /** Above the buyer: "Billed to", "Received from". */
  recipientLabel: string;
  /** Label and formatted value, beside the buyer. */
  dates: Array<[string, string]>;
  /** The pill under the dates; null for none. */
  status: { text: string; tone: StatusTone } | null;
}

/** A page class: the frame plus its own body, drawn by `renderBody`. */
export type PdfPageClass<Model extends PdfFrame> = new (doc: jsPDF, model: Model) => PdfPage<Model>;

/**
 * Draws `model` with `Page` onto a fresh A4 document. The same model gives
 * the same bytes: the file's dates and id come from the model, not the clock.
 */
export function renderPdf<Model extends PdfFrame>(Page: PdfPageClass<Model>, model: Model): Uint8Array {
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
  new Page(doc, model).render();
  return new Uint8Array(doc.output('arraybuffer'));
}

function asciiOnly(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, '').trim();
}

export const PAGE_WIDTH = 595.28;
const PAGE_HEIGHT = 841.89;
export const MARGIN = 48;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Content stops here; the footer sits below. */
export const CONTENT_BOTTOM = PAGE_HEIGHT - 64;

export const INK = '#111827';
export const MUTED = '#6b7280';
export const RULE = '#e5e7eb';

export const toneColors: Record<StatusTone, { text: string; fill: string }> = {
  neutral: { text: '#374151', fill: '#f3f4f6' },
  info: { text: '#1e40af', fill: '#dbeafe' },
  warning: { text: '#92400e', fill: '#fef3c7' },
  success: { text: '#166534', fill: '#dcfce7' },
  danger: { text: '#991b1b', fill: '#fee2e2' },
};

export type Align = 'start' | 'end' | 'center';

/** One column of a `table`: where it starts from the start edge, how wide, how its cells align. */
export interface TableColumn {
  start: number;
  width: number;
  align: Align;
}

/** One row of a `summary`: `strong` for a total (a rule above it), `small` for a detail under one. */
export interface SummaryRow {
  label: string;
  value: string;
  strong?: boolean;
  small?: boolean;
}

/** One row of a `table`: a cell per column; `strong` rows are bold on a tinted band. */
export interface TableRow {
  cells: readonly string[];
  strong?: boolean;
}

/**
 * The frame of every PDF, with the layout primitives the bodies draw with: x
 * is measured from the start edge (left in LTR, right in RTL).
 */
export abstract class PdfPage<Model extends PdfFrame> {
  protected readonly doc: jsPDF;
  protected readonly s: DocumentStrings;
  protected readonly p: PartyStrings;
  protected readonly model: Model;
  protected readonly text: PdfText;
  protected readonly rtl: boolean;
  protected readonly brand: string;
  protected y = 0;

  constructor(doc: jsPDF, model: Model) {
    this.doc = doc;
    this.s = documentStrings[model.locale];
    this.p = partyStrings[model.locale];
    this.model = model;
    this.rtl = this.s.direction === 'rtl';
    this.text = new PdfText(doc, this.s.direction, model.locale === 'ja' ? 'jp' : 'sans');
    this.brand = brandColor(model.business.brandColor);
  }

  render(): void {
    this.header();
    this.details();
    this.renderBody();
    this.footers();
  }

  /** Everything between the buyer block and the footers. */
  protected abstract renderBody(): void;

  /** `amount` minor units of `currency`, as the locale writes money. */
  protected money(amount: number, currency: string): string {
    return formatMoney({ amount, currency }, this.model.locale);
  }

  /** Page x of the left edge of a box that starts `start` points from the start edge and is `width` wide. */
  protected left(start: number, width: number): number {
    return this.rtl ? PAGE_WIDTH - start - width : start;
  }

  protected draw(text: string, start: number, width: number, y: number, style: TextStyle, align: Align = 'start'): void {
    const left = this.left(start, width);
    const visualAlign = align === 'center' ? 'center' : (align === 'start') !== this.rtl ? 'left' : 'right';
    const x = visualAlign === 'left' ? left : visualAlign === 'right' ? left + width : left + width / 2;
    this.text.draw(text, x, y, { ...style, align: visualAlign });
  }

  protected fill(start: number, width: number, y: number, height: number, color: string, radius = 0): void {
    this.doc.setFillColor(color);
    const left = this.left(start, width);
    if (radius > 0) this.doc.roundedRect(left, y, width, height, radius, radius, 'F');
    else this.doc.rect(left, y, width, height, 'F');
  }

  protected rule(start: number, width: number, y: number, color = RULE, thickness = 0.75): void {
    this.doc.setDrawColor(color);
    this.doc.setLineWidth(thickness);
    const left = this.left(start, width);
    this.doc.line(left, y, left + width, y);
  }

  protected newPage(): void {
    this.doc.addPage('a4', 'portrait');
    this.fill(0, PAGE_WIDTH, 0, 6, this.brand);
    this.y = MARGIN;
  }

  /** Starts a new page unless `height` more points fit on this one. */
  protected room(height: number): boolean {
    if (this.y + height <= CONTENT_BOTTOM) return false;
    this.newPage();
    return true;
  }

  /** A small capitalised label across the content, as sections start. */
  protected sectionLabel(label: string): void {
    this.draw(label.toLocaleUpperCase(this.model.locale), MARGIN, CONTENT_WIDTH, this.y, { size: 8.5, weight: 'bold', color: MUTED });
    this.y += 6;
    this.rule(MARGIN, CONTENT_WIDTH, this.y);
    this.y += 14;
  }

  /**
   * Rows under a tinted header row, a cell too long for its column wrapped
   * onto more lines, the header repeated on every page the table goes on to.
   */
  protected table(columns: readonly TableColumn[], header: readonly string[], rows: readonly TableRow[]): void {
    const pad = 6;
    const lineHeight = 11.5;
    const drawHeader = () => {
      this.fill(MARGIN, CONTENT_WIDTH, this.y, 20, tint(this.brand, 0.12));
      columns.forEach((column, index) =>
        this.draw(header[index] ?? '', column.start + pad, column.width - 2 * pad, this.y + 13.5, { size: 8.5, weight: 'bold', color: INK }, column.align),
      );
      this.y += 20;
    };
    this.room(60);
    drawHeader();
    for (const row of rows) {
      const style: TextStyle = { size: 9, weight: row.strong ? 'bold' : 'regular', color: INK };
      const cells = columns.map((column, index) => this.text.wrap(row.cells[index] ?? '', column.width - 2 * pad, style));
      const height = 7 + Math.max(1, ...cells.map((lines) => lines.length)) * lineHeight;
      if (this.room(height)) drawHeader();
      if (row.strong) this.fill(MARGIN, CONTENT_WIDTH, this.y, height, tint(this.brand, 0.06));
      columns.forEach((column, index) =>
        cells[index]!.forEach((line, number) => this.draw(line, column.start + pad, column.width - 2 * pad, this.y + 12.5 + number * lineHeight, style, column.align)),
      );
      this.y += height;
      this.rule(MARGIN, CONTENT_WIDTH, this.y);
    }
    this.y += 14;
  }

  /**
   * Label–value rows in a column at the end edge (an invoice's totals), a
   * rule above each `strong` one, then `band` on the brand colour when given.
   */
  protected summary(rows: readonly SummaryRow[], band: { label: string; value: string } | null): void {
    const width = 250;
    const start = MARGIN + CONTENT_WIDTH - width;
    this.y += 16;
    this.room(rows.length * 20 + (band ? 40 : 12));
    let y = this.y + 4;
    for (const row of rows) {
      if (row.strong) {
        this.rule(start, width, y - 11, INK, 0.75);
        y += 6;
      }
      const style: TextStyle = row.strong ? { size: 11, weight: 'bold', color: INK } : { size: row.small ? 8.5 : 9.5, color: MUTED };
      this.draw(row.label, start + 8, width - 16, y, style);
      this.draw(row.value, start + 8, width - 16, y, { ...style, color: INK }, 'end');
      y += row.strong ? 22 : 18;
    }
    this.y = band ? this.drawBand(start, width, y - 8, band.label, band.value) : y + 8;
  }

  /** The brand-coloured band (an invoice's balance due); answers the y below it. */
  protected drawBand(start: number, width: number, top: number, label: string, value: string): number {
    this.fill(start, width, top, 28, this.brand, 4);
    const onBrand = textColorOn(this.brand);
    const style: TextStyle = { size: 11.5, weight: 'bold', color: onBrand };
    this.draw(label, start + 10, width - 20, top + 18.5, style);
    this.draw(value, start + 10, width - 20, top + 18.5, style, 'end');
    return top + 28 + 24;
  }

  /** Text wrapped across the content, `lineHeight` apart, breaking pages as it goes. */
  protected paragraph(text: string, style: TextStyle, lineHeight = 13): void {
    for (const line of this.text.wrap(text, CONTENT_WIDTH, style)) {
      this.room(lineHeight);
      this.draw(line, MARGIN, CONTENT_WIDTH, this.y, style);
      this.y += lineHeight;
    }
  }

  private header(): void {
    const { business, heading: title, numberLine } = this.model;
    this.fill(0, PAGE_WIDTH, 0, 6, this.brand);
    const titleStyle: TextStyle = { size: 22, weight: 'bold', color: INK };
    const titleWidth = Math.min(this.text.width(title, titleStyle), CONTENT_WIDTH / 2);
    const nameWidth = CONTENT_WIDTH - titleWidth - 24;
    const nameStyle: TextStyle = { size: 18, weight: 'bold', color: linkColor(this.brand) };
    const nameLines = this.text.wrap(business.name, nameWidth, nameStyle).slice(0, 3);
    let y = MARGIN + 24;
    this.draw(title, MARGIN, CONTENT_WIDTH, y, titleStyle, 'end');
    for (const line of nameLines) {
      this.draw(line, MARGIN, nameWidth, y, nameStyle);
      y += 22;
    }
    const seller = this.model.parties?.seller;
    if (seller) {
      const sellerStyle: TextStyle = { size: 8.5, color: MUTED };
      y -= 8;
      for (const text of sellerLines(seller, this.p, this.model.locale).flatMap((line) => this.text.wrap(line, nameWidth, sellerStyle))) {
        this.draw(text, MARGIN, nameWidth, y, sellerStyle);
        y += 11;
      }
      y += 6;
    }
    let metaY = MARGIN + 42;
    if (numberLine) {
      this.draw(numberLine, MARGIN, CONTENT_WIDTH, metaY, { size: 10, color: MUTED }, 'end');
      metaY += 14;
    }
    this.y = Math.max(y, metaY) + 10;
    this.rule(MARGIN, CONTENT_WIDTH, this.y);
    this.y += 26;
  }

  private details(): void {
    const { clientName, dates, status } = this.model;
    const top = this.y;
    const labelStyle: TextStyle = { size: 8.5, weight: 'bold', color: MUTED };
    const blockWidth = 230;
    const leftWidth = CONTENT_WIDTH - blockWidth - 24;

    this.draw(this.model.recipientLabel.toLocaleUpperCase(this.model.locale), MARGIN, leftWidth, top, labelStyle);
    let y = top + 18;
    for (const line of this.text.wrap(clientName, leftWidth, { size: 13, weight: 'bold' }).slice(0, 4)) {
      this.draw(line, MARGIN, leftWidth, y, { size: 13, weight: 'bold', color: INK });
      y += 17;
    }
    const buyer = this.model.parties?.buyer;
    if (buyer) {
      const buyerStyle: TextStyle = { size: 9.5, color: INK };
      for (const text of buyerLines(buyer, this.p, this.model.locale).flatMap((line) => this.text.wrap(line, leftWidth, buyerStyle))) {
        this.draw(text, MARGIN, leftWidth, y, buyerStyle);
        y += 12.5;
      }
    }

    const blockStart = MARGIN + CONTENT_WIDTH - blockWidth;
    let rowY = top;
    for (const [label, value] of dates) {
      this.draw(label, blockStart, blockWidth, rowY, { size: 9.5, color: MUTED });
      this.draw(value, blockStart, blockWidth, rowY, { size: 9.5, color: INK }, 'end');
      rowY += 18;
    }
    if (status) {
      const colors = toneColors[status.tone];
      const pillStyle: TextStyle = { size: 9, weight: 'bold', color: colors.text };
      const pillWidth = this.text.width(status.text, pillStyle) + 16;
      this.draw(this.s.status, blockStart, blockWidth, rowY, { size: 9.5, color: MUTED });
      this.fill(blockStart + blockWidth - pillWidth, pillWidth, rowY - 11, 16, colors.fill, 8);
      this.draw(status.text, blockStart + blockWidth - pillWidth, pillWidth, rowY + 0.5, pillStyle, 'center');
      rowY += 18;
    }
    this.y = Math.max(y, rowY) + 18;
  }

  private footers(): void {
    const pages = this.doc.getNumberOfPages();
    const style: TextStyle = { size: 8, color: MUTED };
    const y = PAGE_HEIGHT - 32;
    const nameWidth = CONTENT_WIDTH * 0.8;
    const seller = this.model.parties?.seller;
    const footer = seller ? sellerFooter({ ...seller, name: this.model.business.name }, this.p, this.model.locale) : this.model.business.name;
    const footerStyle: TextStyle = { size: seller ? 7 : 8, color: MUTED };
    const name = this.text.wrap(footer, nameWidth, footerStyle).slice(0, 2);
    for (let page = 1; page <= pages; page++) {
      this.doc.setPage(page);
      this.rule(MARGIN, CONTENT_WIDTH, y - 14 - (name.length - 1) * 9);
      name.forEach((text, index) => this.draw(text, MARGIN, nameWidth, y - (name.length - 1 - index) * 9, footerStyle));
      this.draw(this.s.page({ page, pages }), MARGIN, CONTENT_WIDTH, y, style, 'end');
    }
  }
}

/** `color` mixed with white: `amount` 0 is white, 1 the colour itself. */
export function tint(color: string, amount: number): string {
  const channel = (offset: number) => {
    const value = parseInt(color.slice(offset, offset + 2), 16);
    return Math.round(255 - (255 - value) * amount)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${channel(1)}${channel(3)}${channel(5)}`;
}
