import { PorticoError } from '@portico/core';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { errorResponse } from './error-response.js';
import type { Logger } from './logger.js';
import { RateLimitedError } from './rate-limit.js';

function appThatThrows(error: Error, logged: string[]) {
  const logger: Logger = { info: () => {}, warn: () => {}, error: (message, fields) => logged.push(`${message} ${JSON.stringify(fields)}`) };
  const app = new Hono();
  app.onError((e, c) => errorResponse(c, e, logger));
  app.get('/boom/:token', () => {
    throw error;
  });
  return app;
}

describe('errorResponse', () => {
  it('turns a PorticoError into its status, code and message', async () => {
    const logged: string[] = [];
    const response = await appThatThrows(new PorticoError('invoice_not_found', 'No invoice with id "x" in this business.'), logged).request('/boom/x');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'invoice_not_found', message: 'No invoice with id "x" in this business.' } });
    expect(logged).toEqual([]);
  });

  it('adds Retry-After to a rate-limit refusal', async () => {
    const response = await appThatThrows(new RateLimitedError(90_000), []).request('/boom/x');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('90');
    expect(await response.json()).toMatchObject({ error: { code: 'rate_limited', message: 'Too many attempts. Try again in 2 minutes.' } });
  });

  it('answers anything else with a bare 500, logging the route pattern but no token from the path or query', async () => {
    const logged: string[] = [];
    const response = await appThatThrows(new Error('database password is hunter2'), logged).request('/boom/path-secret?token=secret-token');
    expect(response.status).toBe(500);
    const body = await response.text();
    expect(body).not.toContain('hunter2');
    expect(JSON.parse(body)).toEqual({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toContain('/boom/:token');
    expect(logged[0]).not.toContain('secret-token');
    expect(logged[0]).not.toContain('path-secret');
  });
});
