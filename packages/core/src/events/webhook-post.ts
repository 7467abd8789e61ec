import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { publicOnlyLookup, type WebhookUrlPolicy } from './webhook-urls.js';

export interface WebhookResponse {
  status: number;
  /** The start of the answer's body, as text. */
  body: string;
}

const MAX_BODY_KEPT = 4096;

/**
 * POSTs one signed webhook. Redirects are not followed (a 3xx is a failed
 * attempt): following one would let an endpoint bounce the request to an
 * address it could not be registered with. Throws on a network error or
 * when the whole exchange takes longer than `timeoutMs`; any HTTP answer
 * resolves, with only the start of its body read.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  { policy, timeoutMs }: { policy: WebhookUrlPolicy; timeoutMs: number },
): Promise<WebhookResponse> {
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // A deadline for the whole exchange: a receiver dripping its answer byte by byte never trips a socket idle timeout.
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs} ms.`)), timeoutMs);
    const finish = (outcome: () => void) => {
      clearTimeout(deadline);
      outcome();
    };
    const request = send(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Portico-Webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
        timeout: timeoutMs,
        ...(policy.allowPrivate ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        const answer = () => finish(() => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk.subarray(0, MAX_BODY_KEPT - kept));
          kept += Math.min(chunk.length, MAX_BODY_KEPT - kept);
          if (kept >= MAX_BODY_KEPT) {
            answer();
            response.destroy();
          }
        });
        response.on('end', answer);
        response.on('error', (error) => finish(() => reject(error)));
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer within ${timeoutMs} ms.`)));
    request.on('error', (error) => finish(() => reject(error)));
    request.end(body);
  });
}
