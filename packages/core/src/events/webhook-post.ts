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
 * timeout; any HTTP answer resolves.
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
        response.on('data', (chunk: Buffer) => {
          if (kept < MAX_BODY_KEPT) chunks.push(chunk.subarray(0, MAX_BODY_KEPT - kept));
          kept += chunk.length;
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`No answer within ${Math.round(timeoutMs / 1000)} s.`)));
    request.on('error', reject);
    request.end(body);
  });
}
