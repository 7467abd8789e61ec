import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Hono, type Context } from 'hono';

type Encoding = 'br' | 'gzip' | 'identity';

interface Representation {
  body: Uint8Array;
  etag: string;
}

type LoadedBundle = Record<Encoding, Representation>;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The business's widgets' entry, beside `widgets.js` (see packages/widgets/rollup.config.mjs). */
const ADMIN_ENTRY = 'admin-widgets.js';

/** A file the bundle's entry imports when needed: `widgets-<name>-<hash>.js` (a language's table, Stripe's loader). */
const CHUNK_NAME = /^widgets-[A-Za-z0-9_-]+\.js$/;

/**
 * `GET /widgets.js`: every client widget in one ES module, so a site adds the
 * portal with one script tag; `GET /admin-widgets.js`, the business's widgets
 * on top (for its dashboard); and `GET /widgets-<name>-<hash>.js`, the files
 * beside them that they import when a page needs them. Each file is read once,
 * compressed once (Brotli and gzip at their highest levels: about a quarter
 * of the bytes), then served from memory with an ETag per encoding. A host or
 * proxy that compresses too sees `Content-Encoding` already set and leaves
 * the body alone. The chunks' names change with their content, so they are
 * cached for good; the entry is revalidated after five minutes.
 */
export function widgetBundleRoutes(bundlePath: string): Hono {
  const loaded = new Map<string, Promise<LoadedBundle>>();
  const load = (path: string): Promise<LoadedBundle> => {
    let file = loaded.get(path);
    if (!file) {
      file = loadBundle(path);
      loaded.set(path, file);
      // A file that could not be read is tried again next time (the build may still be running).
      file.catch(() => loaded.delete(path));
    }
    return file;
  };

  const entry = (path: string) => async (c: Context) => {
    let bundle: LoadedBundle;
    try {
      bundle = await load(path);
    } catch {
      return c.json(
        { error: { code: 'bundle_missing', message: 'The widget bundle is not built: run `npm run build --workspace=@portico/widgets`.' } },
        503,
      );
    }
    return serve(c, bundle, 'public, max-age=300, must-revalidate');
  };

  return new Hono()
    .get('/widgets.js', entry(bundlePath))
    .get('/admin-widgets.js', entry(join(dirname(bundlePath), ADMIN_ENTRY)))
    .get('/:chunk{widgets-[A-Za-z0-9_-]+\\.js}', async (c) => {
      const name = c.req.param('chunk');
      // The route's pattern already says so; checked again because this name becomes a path.
      if (!CHUNK_NAME.test(name)) return c.notFound();
      let chunk: LoadedBundle;
      try {
        chunk = await load(join(dirname(bundlePath), name));
      } catch {
        return c.json({ error: { code: 'not_found', message: `No widget file ${name}: the page may have an older widgets.js than this server.` } }, 404);
      }
      return serve(c, chunk, 'public, max-age=31536000, immutable');
    });
}

function serve(c: Context, bundle: LoadedBundle, cacheControl: string): Response {
  const encoding = preferredEncoding(c.req.header('accept-encoding'));
  const { body, etag } = bundle[encoding];
  c.header('ETag', etag);
  c.header('Vary', 'Accept-Encoding');
  c.header('Cache-Control', cacheControl);
  c.header('Access-Control-Allow-Origin', '*');
  c.header('X-Content-Type-Options', 'nosniff');
  if (matchesEtag(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  c.header('Content-Type', 'text/javascript; charset=utf-8');
  if (encoding !== 'identity') c.header('Content-Encoding', encoding);
  return c.body(body as Uint8Array<ArrayBuffer>);
}

async function loadBundle(bundlePath: string): Promise<LoadedBundle> {
  const source = await readFile(bundlePath);
  const tag = createHash('sha256').update(source).digest('base64url').slice(0, 27);
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzipped(source, { level: 9 }),
  ]);
  return {
    identity: { body: source, etag: `"${tag}"` },
    br: { body: br, etag: `"${tag}-br"` },
    gzip: { body: gz, etag: `"${tag}-gz"` },
  };
}

/** Brotli, else gzip, else the plain file: whichever the request accepts (a `q=0` refuses). */
export function preferredEncoding(acceptEncoding: string | undefined): Encoding {
  const accepted = new Set<string>();
  for (const entry of (acceptEncoding ?? '').split(',')) {
    const [name, ...parameters] = entry.trim().toLowerCase().split(';');
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    if (name && (q === undefined || Number(q) > 0)) accepted.add(name);
  }
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return 'identity';
}

function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}
