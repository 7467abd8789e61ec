import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { widgetBundleRoutes } from './widget-bundle.js';

describe('GET /widgets.js', () => {
  it('serves the bundle as JavaScript with an ETag, and 304 when it has not changed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'portico-bundle-')), 'portico-widgets.js');
    writeFileSync(file, 'customElements.define("x-y", class extends HTMLElement {});');
    const app = widgetBundleRoutes(file);
    const response = await app.request('/widgets.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toContain('customElements.define');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await app.request('/widgets.js', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('says how to build the bundle when it is missing', async () => {
    const response = await widgetBundleRoutes('/nonexistent/portico-widgets.js').request('/widgets.js');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'bundle_missing' } });
  });
});
