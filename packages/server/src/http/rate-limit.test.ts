import { ManualClock, createPorticoApi, type PorticoApi } from '@portico/core';
import { describeEachDatabase } from '@portico/core/testing';
import { Hono } from 'hono';
import { expect, it } from 'vitest';
import { errorResponse } from './error-response.js';
import { rateLimit, type RateLimitRule } from './rate-limit.js';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describeEachDatabase('rateLimit middleware', (database) => {
  function appWith(api: PorticoApi, rules: (who: string) => RateLimitRule[], onLimited?: boolean) {
    let reached = 0;
    const app = new Hono();
    app.onError((error, c) => errorResponse(c, error, quiet));
    app.post(
      '/write/:who',
      rateLimit(api, {
        rules: (c) => rules(c.req.param('who') ?? ''),
        ...(onLimited ? { onLimited: (c, error) => c.text(`later, in ${error.retryAfterSeconds} s`, 429) } : {}),
      }),
      (c) => (reached += 1, c.text('written')),
    );
    return { app, reached: () => reached };
  }

  it('lets requests through up to the limit; one over it never reaches the handler and answers 429 with Retry-After', async () => {
    const clock = new ManualClock('2026-03-10T09:00:30Z');
    const api = createPorticoApi({ db: database().db, clock });
    const { app, reached } = appWith(api, (who) => [{ scope: 'test-write', kind: 'contact', subject: who, limit: 2, windowMs: 60_000 }]);
    expect((await app.request('/write/ann', { method: 'POST' })).status).toBe(200);
    expect((await app.request('/write/ann', { method: 'POST' })).status).toBe(200);
    const refused = await app.request('/write/ann', { method: 'POST' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('30');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(reached()).toBe(2);
    // Another subject has its own bucket; the next window starts afresh.
    expect((await app.request('/write/bob', { method: 'POST' })).status).toBe(200);
    clock.advance(30_000);
    expect((await app.request('/write/ann', { method: 'POST' })).status).toBe(200);
  });

  it('counts every rule, so a flood over many subjects trips the shared one; onLimited answers in its own words', async () => {
    const api = createPorticoApi({ db: database().db, clock: new ManualClock('2026-03-10T09:00:00Z') });
    const rules = (who: string): RateLimitRule[] => [
      { scope: 'test-flood', kind: 'email', subject: who, limit: 5, windowMs: 60_000 },
      { scope: 'test-flood', kind: 'ip', subject: '203.0.113.9', limit: 3, windowMs: 60_000 },
    ];
    const { app, reached } = appWith(api, rules, true);
    const statuses = [];
    for (const who of ['a', 'b', 'c', 'd']) statuses.push((await app.request(`/write/${who}`, { method: 'POST' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await app.request('/write/e', { method: 'POST' });
    expect(await refused.text()).toBe('later, in 60 s');
    expect(reached()).toBe(3);
  });
});
