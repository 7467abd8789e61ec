import type { PdfDocumentInput } from './pdf-document-input.js';

/** What the PDF rendering thread is told it is, in its `workerData.role`. */
export const PDF_RENDER_THREAD = 'portico:pdf-render';

/** One document to render, sent to the thread. */
export interface RenderRequest {
  id: number;
  input: PdfDocumentInput;
}

/** The thread's answer to request `id`: the PDF, or why it could not be made. */
export type RenderReply = { id: number; pdf: Uint8Array } | { id: number; error: string };
