import { parentPort, workerData } from 'node:worker_threads';
import { renderPdfDocument } from './pdf-document-input.js';
import { PDF_RENDER_THREAD, type RenderReply, type RenderRequest } from './pdf-render-protocol.js';

/**
 * The body of the PDF rendering thread (see pdf-render-worker.ts): renders
 * each document it is sent and sends the file back, moving (not copying) its
 * bytes. Imported anywhere else, it does nothing.
 */
const port = parentPort;
if (port && (workerData as { role?: unknown } | null)?.role === PDF_RENDER_THREAD) {
  port.on('message', ({ id, input }: RenderRequest) => {
    let reply: RenderReply;
    try {
      const pdf = renderPdfDocument(input);
      reply = { id, pdf };
      port.postMessage(reply, [pdf.buffer as ArrayBuffer]);
    } catch (error) {
      reply = { id, error: error instanceof Error ? error.message : String(error) };
      port.postMessage(reply);
    }
  });
}
