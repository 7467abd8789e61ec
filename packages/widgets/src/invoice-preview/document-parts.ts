import { html } from 'lit';
import type { InvoiceDetailResponse, InvoiceLineWire } from '@portico/wire';

/** Small pieces of the invoice document: tax per rate, icons. */

/** Tax per rate, in the order the rates first appear (rates with no tax left out). */
export function taxesByRate(lines: readonly InvoiceLineWire[]): Array<{ rate: number; tax: number }> {
  const byRate = new Map<number, number>();
  for (const line of lines) byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + line.tax);
  return [...byRate].filter(([, tax]) => tax !== 0).map(([rate, tax]) => ({ rate, tax }));
}

export const pdfIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M8 1v9m0 0L4.5 6.5M8 10l3.5-3.5M2 11v3h12v-3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;

export const printIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M4 6V1.5h8V6M4 12H2V6.5h12V12h-2M4.5 9.5h7v5h-7z" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linejoin="round" />
</svg>`;

/** Open: issued, with a balance. */
export function isOpen(invoice: InvoiceDetailResponse): boolean {
  return invoice.status === 'sent' && invoice.balance > 0;
}
