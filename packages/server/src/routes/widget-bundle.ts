import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Hono } from 'hono';

interface LoadedBundle {
  body: string;
  etag: string;
}

/**
 * `GET /widgets.js`: every widget in one ES module, so a site adds the portal
 * with one script tag. Read once, then served from memory with an ETag.
 */
export function widgetBundleRoutes(bundlePath: string): Hono {
  let loaded: Promise<LoadedBundle> | undefined;
  const load = (): Promise<LoadedBundle> =>
    (loaded ??= readFile(bundlePath, 'utf8').then(
      (body) => ({ body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` }),
      (error: unknown) => {
        loaded = undefined;
        throw error;
      },
    ));

  return new Hono().get('/widgets.js', async (c) => {
    let bundle: LoadedBundle;
    try {
      bundle = await load();
    } catch {
      return c.json(
        { error: { code: 'bundle_missing', message: 'The widget bundle is not built: run `npm run build --workspace=@portico/widgets`.' } },
        503,
      );
    }
    c.header('ETag', bundle.etag);
    c.header('Cache-Control', 'public, max-age=300, must-revalidate');
    c.header('Access-Control-Allow-Origin', '*');
    c.header('X-Content-Type-Options', 'nosniff');
    if (c.req.header('if-none-match') === bundle.etag) return c.body(null, 304);
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    return c.body(bundle.body);
  });
}
