import { attachmentDisposition } from './content-disposition.js';

/**
 * A stored file as a download: always `attachment` (never rendered inline on
 * our origin), with the stored type, no sniffing, and a sandbox in case a
 * browser renders it anyway.
 */
export function attachmentResponse(file: { filename: string; contentType: string; content: Uint8Array }): Response {
  return new Response(file.content as Uint8Array<ArrayBuffer>, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Length': String(file.content.byteLength),
      'Content-Disposition': attachmentDisposition(file.filename),
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
