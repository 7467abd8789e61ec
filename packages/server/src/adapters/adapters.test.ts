import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rateLimitKey } from '@portico/core';
import { openTestSqlite, type TestDatabase } from '@portico/core/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortico, type Portico } from '../create-portico.js';
import { MAX_JSON_BODY_BYTES } from '../http/body-limit.js';
import { toExpressMiddleware } from './express.js';
import { toNextHandlers } from './next.js';
import { toNodeListener } from './node.js';

let database: TestDatabase;
let portico: Portico;
let slug: string;

beforeAll(async () => {
  database = await openTestSqlite();
  portico = await createPortico({ database, basePath: '/portal' });
  const business = await portico.api.businesses.create({ name: 'Adapters', slug: 'adapters', portalUrl: 'https://billing.adapters.test/portal' });
  slug = business.slug;
});
afterAll(async () => {
  await database.dispose();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Asks for a sign-in link through `url` and says whether the limiter counted it against 127.0.0.1. */
async function countedAgainstLoopback(url: string, slug: string): Promise<boolean> {
  const response = await fetch(`${url}/auth/request-link/${slug}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://billing.adapters.test' },
    body: JSON.stringify({ email: 'nobody@adapters.test' }),
  });
  expect(response.status).toBe(202);
  const bucket = await database.db
    .selectFrom('rate_limit_buckets')
    .select('count')
    .where('key', '=', rateLimitKey('request-link', 'ip', '127.0.0.1'))
    .executeTakeFirst();
  await database.db.deleteFrom('rate_limit_buckets').execute();
  return bucket !== undefined;
}

/**
 * POSTs up to `bytes` of JSON-looking text in chunks (Transfer-Encoding:
 * chunked, no Content-Length), stopping as soon as the server answers, and
 * resolves with the answer's status.
 */
function chunkedUploadStatus(url: string, bytes: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const upload = request(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://billing.adapters.test' } });
    let answered = false;
    upload.on('response', (response) => {
      answered = true;
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    upload.on('error', (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, 'x');
    let sent = 0;
    const writeMore = (): void => {
      while (!answered && sent < bytes) {
        sent += chunk.length;
        if (!upload.write(chunk)) return void upload.once('drain', writeMore);
      }
      if (!answered) upload.end();
    };
    upload.write('{"email":"');
    writeMore();
  });
}

async function close(server: Server): Promise<void> {
  await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}

describe('adapters', () => {
  it('Node http: serves Portico under its base path on a real port', async () => {
    const server = createServer(toNodeListener(portico));
    const origin = await listen(server);
    try {
      const response = await fetch(`${origin}/portal/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
      expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
      expect(await countedAgainstLoopback(`${origin}/portal`, slug)).toBe(true);
      // A body without Content-Length that never ends is cut off once over the limit.
      expect(await chunkedUploadStatus(`${origin}/portal/auth/request-link/${slug}`, 2 * MAX_JSON_BODY_BYTES)).toBe(413);
      expect((await fetch(`${origin}/portal/health`)).status).toBe(200);
    } finally {
      await close(server);
    }
  });

  it('Express: mounted with app.use under any path, beside the host’s own routes', async () => {
    const app = express();
    app.get('/', (_req, res) => {
      res.send('host home');
    });
    app.use('/billing/portal', toExpressMiddleware(portico));
    const server = createServer(app);
    const origin = await listen(server);
    try {
      expect(await (await fetch(`${origin}/`)).text()).toBe('host home');
      const response = await fetch(`${origin}/billing/portal/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
      expect(await countedAgainstLoopback(`${origin}/billing/portal`, slug)).toBe(true);
    } finally {
      await close(server);
    }
  });

  it('Next.js: route handlers answer standard Requests for every method', async () => {
    const handlers = toNextHandlers(portico);
    expect(Object.keys(handlers).sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    const response = await handlers.GET(new Request('https://example.test/portal/health'));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect((await handlers.POST(new Request('https://example.test/portal/health', { method: 'POST' }))).status).toBe(404);
  });
});
