import { describeEachDatabase, openTestSqlite } from '@portico/core/testing';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createPortico } from './create-portico.js';

describeEachDatabase('createPortico', (database) => {
  it('answers the health route from the mounted app', async () => {
    const portico = await createPortico({ database: database() });
    const host = new Hono().route('/portal', portico.app);
    const response = await host.request('/portal/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' });
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it('keeps its JSON 404 for unknown paths when mounted inside a host app', async () => {
    const portico = await createPortico({ database: database() });
    const host = new Hono().route('/portal', portico.app);
    host.notFound((c) => c.html('<h1>host 404</h1>', 404));
    const response = await host.request('/portal/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('gives the host the programmatic API on the same database', async () => {
    const portico = await createPortico({ database: database() });
    const business = await portico.api.businesses.create({ name: 'Acme', portalUrl: 'https://acme.test/portal' });
    expect((await portico.api.businesses.get(business.id)).name).toBe('Acme');
  });
});

describe('createPortico', () => {
  it('opens and migrates the database itself from options, and closes it', async () => {
    const scratch = await openTestSqlite();
    const portico = await createPortico({ database: { sqlite: ':memory:' } });
    expect((await portico.app.request('/health')).status).toBe(200);
    await portico.close();
  });

  it('serves routes under basePath through fetch, and nothing outside it', async () => {
    const scratch = await openTestSqlite();
    const portico = await createPortico({ database: scratch, basePath: '/portal/' });
    expect(portico.basePath).toBe('/portal');
    expect((await portico.fetch(new Request('http://host.test/portal/health'))).status).toBe(200);
    const outside = await portico.fetch(new Request('http://host.test/health'));
    expect(outside.status).toBe(404);
    await scratch.dispose();
  });

  it('refuses a base path that is not a path', async () => {
    const scratch = await openTestSqlite();
    await expect(createPortico({ database: scratch, basePath: 'portal?x=1' })).rejects.toThrow(/basePath/);
    await scratch.dispose();
  });

  it('answers unknown routes with a JSON 404', async () => {
    const scratch = await openTestSqlite();
    const portico = await createPortico({ database: scratch });
    const response = await portico.app.request('/nope');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No such route.' } });
    await scratch.dispose();
  });

  it('reports 503 from health when the database is gone', async () => {
    const scratch = await openTestSqlite();
    const portico = await createPortico({ database: scratch });
    await scratch.dispose();
    const response = await portico.app.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'unavailable', database: 'unreachable' });
  });
});
