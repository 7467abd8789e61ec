import type { EstimateSummary } from '../estimates/estimate-model.js';
import type { EstimateDocumentInput } from './estimate-pdf.js';
import { createFileNamer, csvText, documentZipStream, type DocumentZipOptions } from './document-zip.js';
import { csvAmount } from './invoice-zip.js';

/** The columns of `estimates.csv`, in order. The total is a decimal number in the estimate's currency. */
export const estimateCsvColumns = ['number', 'status', 'issue_date', 'valid_until', 'currency', 'total', 'file'] as const;

/** The header line of `estimates.csv`, after a UTF-8 byte order mark. */
export const estimateCsvHeader = `\uFEFF${estimateCsvColumns.join(',')}\r\n`;

type CsvEstimate = Pick<EstimateSummary, 'number' | 'displayStatus' | 'issueDate' | 'validUntil' | 'currency' | 'total'>;

/** One line of `estimates.csv` (CRLF-terminated). */
export function estimateCsvRow(estimate: CsvEstimate, file: string): string {
  return (
    [
      csvText(estimate.number),
      csvText(estimate.displayStatus),
      csvText(estimate.issueDate),
      csvText(estimate.validUntil),
      csvText(estimate.currency),
      csvAmount(estimate.total, estimate.currency),
      csvText(file),
    ].join(',') + '\r\n'
  );
}

/** An estimate's file name, in a ZIP and as a download: `estimate-EST-0001.pdf` (then `-2`, … if a name repeats). */
export function createEstimateFileNamer(): (estimate: Pick<EstimateSummary, 'number'>) => string {
  return createFileNamer('estimates.csv', (estimate) => `estimate-${estimate.number}`, 'estimate');
}

/** A ZIP of estimate PDFs plus `estimates.csv`, made as it is read, one PDF in memory at a time (document-zip.ts). */
export function estimateZipStream(options: DocumentZipOptions<EstimateDocumentInput>): ReadableStream<Uint8Array> {
  return documentZipStream(
    {
      csvName: 'estimates.csv',
      csvHeader: estimateCsvHeader,
      csvRow: (input, fileName) => estimateCsvRow(input.estimate, fileName),
      namer: () => {
        const name = createEstimateFileNamer();
        return (input) => name(input.estimate);
      },
      modifiedAt: (input) => input.estimate.updatedAt.getTime(),
    },
    options,
  );
}
