import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the `standardwebhooks` verifier made of it with the receiver's secret: the parsed payload, or the error it threw. */
  verified: { ok: true; payload: unknown } | { ok: false; error: string };
}

export interface WebhookReceiver {
  /** `http://127.0.0.1:<port>/hooks`. */
  url: string;
  port: number;
  /** Every request that reached it, in order (answered or not). */
  received: ReceivedWebhook[];
  /** The secret the receiver verifies with (set once the endpoint is made). */
  secret: string | undefined;
  /** The status it answers with (default 204). */
  status: number;
  /** The body it answers with (default empty for a 2xx, `answer <status>` otherwise). */
  answerBody: string | undefined;
  /** Takes requests and never answers them. */
  hang: boolean;
  /** Stops listening: connections are refused until `comeBack()`. */
  goDown(): Promise<void>;
  comeBack(): Promise<void>;
  close(): Promise<void>;
}

/** A real HTTP receiver on 127.0.0.1 that checks each delivery as a host would, with the `standardwebhooks` package. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let verified: ReceivedWebhook['verified'];
      try {
        if (!receiver.secret) throw new Error('no secret set');
        verified = { ok: true, payload: new Webhook(receiver.secret).verify(body, request.headers as Record<string, string>) };
      } catch (error) {
        verified = { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
      receiver.received.push({ id: String(request.headers['webhook-id']), headers: request.headers, body, verified });
      if (receiver.hang) return;
      response.writeHead(receiver.status, { 'content-type': 'text/plain' }).end(receiver.answerBody ?? (receiver.status < 300 ? '' : `answer ${receiver.status}`));
    });
  });
  const listen = (port: number) => new Promise<number>((resolve) => server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
  const stop = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const port = await listen(0);
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${port}/hooks`,
    port,
    received: [],
    secret: undefined,
    status: 204,
    answerBody: undefined,
    hang: false,
    goDown: async () => {
      server.closeAllConnections();
      await stop();
    },
    comeBack: async () => {
      await listen(port);
    },
    close: async () => {
      server.closeAllConnections();
      await stop();
    },
  };
  return receiver;
}
