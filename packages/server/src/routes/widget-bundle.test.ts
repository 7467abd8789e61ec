import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { preferredEncoding, widgetBundleRoutes } from './widget-bundle.js';

const source = `customElements.define("x-y", class extends HTMLElement {});\n${'// widgets\n'.repeat(200)}`;

const chunkSource = `export const de = { signOut: "Abmelden" };\n`;
const adminSource = `import "./widgets.js";\ncustomElements.define("x-admin", class extends HTMLElement {});\n`;

/** A built bundle: the entry, one chunk beside it, and a file that is not the bundle's. */
function bundleFile(): string {
  const directory = mkdtempSync(join(tmpdir(), 'portico-bundle-'));
  writeFileSync(join(directory, 'widgets.js'), source);
  writeFileSync(join(directory, 'widgets-de-AbC_12-x.js'), chunkSource);
  writeFileSync(join(directory, 'admin-widgets.js'), adminSource);
  writeFileSync(join(directory, 'secret.js'), 'not for the web');
  return join(directory, 'widgets.js');
}

describe('GET /widgets.js', () => {
  it('serves the bundle as JavaScript with an ETag, and 304 when it has not changed', async () => {
    const app = widgetBundleRoutes(bundleFile());
    const response = await app.request('/widgets.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(await response.text()).toBe(source);
    const etag = response.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await app.request('/widgets.js', { headers: { 'if-none-match': etag! } });
    expect(again.status).toBe(304);
  });

  it('serves Brotli or gzip to browsers that accept them, each with its own ETag', async () => {
    const app = widgetBundleRoutes(bundleFile());
    const br = await app.request('/widgets.js', { headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(source.length / 4);
    expect(brotliDecompressSync(brBytes).toString('utf8')).toBe(source);

    const gz = await app.request('/widgets.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString('utf8')).toBe(source);

    const etags = new Set([br.headers.get('etag'), gz.headers.get('etag'), (await app.request('/widgets.js')).headers.get('etag')]);
    expect(etags.size).toBe(3);
    // A cached gzip copy is not "not modified" for a request that gets Brotli.
    const revalidated = await app.request('/widgets.js', { headers: { 'accept-encoding': 'br', 'if-none-match': gz.headers.get('etag')! } });
    expect(revalidated.status).toBe(200);
  });

  it('picks the encoding from Accept-Encoding, honouring q=0', () => {
    expect(preferredEncoding(undefined)).toBe('identity');
    expect(preferredEncoding('identity')).toBe('identity');
    expect(preferredEncoding('gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(preferredEncoding('BR;q=0.5')).toBe('br');
    expect(preferredEncoding('br;q=0, gzip;q=0')).toBe('identity');
  });

  it('serves the files the entry imports (a language, Stripe\'s loader) from beside it, cached for good', async () => {
    const app = widgetBundleRoutes(bundleFile());
    const response = await app.request('/widgets-de-AbC_12-x.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString('utf8')).toBe(chunkSource);
    expect((await app.request('/widgets.js')).headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
  });

  it('serves the business\'s widgets from beside the entry, revalidated like it', async () => {
    const app = widgetBundleRoutes(bundleFile());
    const response = await app.request('/admin-widgets.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('public, max-age=300, must-revalidate');
    expect(await response.text()).toBe(adminSource);
  });

  it('serves nothing else from that folder, and 404 for a chunk that is not there', async () => {
    const app = widgetBundleRoutes(bundleFile());
    for (const path of ['/secret.js', '/widgets-..%2Fsecret.js', '/widgets-%2E%2E%2Fsecret.js', '/widgets-de.json']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toContain('not for the web');
    }
    const missing = await app.request('/widgets-fr-Zz9.js');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('says how to build the bundle when it is missing', async () => {
    const response = await widgetBundleRoutes('/nonexistent/portico-widgets.js').request('/widgets.js');
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: { code: 'bundle_missing' } });
  });
});
