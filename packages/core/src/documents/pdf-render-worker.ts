import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PdfDocumentInput } from './pdf-document-input.js';
import { PDF_RENDER_THREAD, type RenderReply, type RenderRequest } from './pdf-render-protocol.js';

/**
 * Invoice and estimate PDFs rendered on a thread of their own, with a heap of its own.
 *
 * Why: jsPDF makes about 2 MB of short-lived objects per invoice, and a
 * document that lives across a young-generation collection drags its newer
 * objects into the old generation with it. On the main thread V8 answers that
 * churn by growing the heap, not by collecting sooner: a ZIP of 1,000 PDFs
 * took the process from about 100 MB to over 250 MB resident while the live
 * heap stayed near 25 MB. A worker's `resourceLimits` bound its heap, so V8
 * collects within that bound instead; the main thread's heap (the server's)
 * stays as it was, and its event loop is free while a PDF is drawn.
 *
 * One thread, started on the first render; requests queue and run one at a
 * time. With nothing to do for `idleMs` the thread ends, handing its memory
 * back, and the next render starts another. If the thread dies (out of
 * memory, say), the renders waiting on it fail and the next one starts a new
 * thread.
 */
export interface PdfRenderWorkerOptions {
  /** Old-generation heap of the thread in MB (default 64; the six fonts parsed take about 30). */
  maxOldGenerationSizeMb?: number;
  /** Young-generation heap of the thread in MB (default 8). */
  maxYoungGenerationSizeMb?: number;
  /** How long the thread waits for work before it ends (default 30 s). */
  idleMs?: number;
}

export interface PdfRenderWorker {
  /** The PDF of this invoice or estimate, rendered on the thread. */
  render(input: PdfDocumentInput): Promise<Uint8Array>;
  /** Ends the thread now; renders still waiting fail. The next render starts a new one. */
  close(): Promise<void>;
  /** Threads started so far. */
  readonly threadsStarted: number;
}

interface Waiting {
  /** The thread the request went to: when a thread dies, only its own requests fail. */
  worker: Worker;
  resolve(pdf: Uint8Array): void;
  reject(error: Error): void;
}

export function createPdfRenderWorker({
  maxOldGenerationSizeMb = 64,
  maxYoungGenerationSizeMb = 8,
  idleMs = 30_000,
}: PdfRenderWorkerOptions = {}): PdfRenderWorker {
  const waiting = new Map<number, Waiting>();
  let thread: Worker | undefined;
  let idleTimer: NodeJS.Timeout | undefined;
  let nextId = 0;
  let threadsStarted = 0;

  /** Fails the requests waiting on `worker`, or on any thread. */
  const fail = (error: Error, worker?: Worker) => {
    for (const [id, entry] of waiting) {
      if (worker && entry.worker !== worker) continue;
      waiting.delete(id);
      entry.reject(error);
    }
  };
  const waitingOn = (worker: Worker) => [...waiting.values()].some((entry) => entry.worker === worker);

  const start = (): Worker => {
    const worker = startRenderThread({ maxOldGenerationSizeMb, maxYoungGenerationSizeMb });
    threadsStarted++;
    worker.on('message', (reply: RenderReply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if ('pdf' in reply) entry.resolve(reply.pdf);
      else entry.reject(new Error(`Rendering the PDF failed: ${reply.error}`));
      if (!waitingOn(worker) && thread === worker) rest(worker);
    });
    worker.on('error', (error) => {
      if (thread === worker) thread = undefined;
      fail(new Error(`The PDF rendering thread failed: ${error.message}`), worker);
    });
    worker.on('exit', (code) => {
      if (thread === worker) thread = undefined;
      fail(new Error(`The PDF rendering thread ended (exit code ${code}) before it answered.`), worker);
    });
    return worker;
  };

  /** Ends a thread nothing waits on; the next render starts another. */
  const retire = (worker: Worker) => {
    clearTimeout(idleTimer);
    if (thread === worker) thread = undefined;
    void worker.terminate();
  };

  /** Nothing is waiting: the thread no longer keeps the process alive, and ends unless work comes within idleMs. */
  const rest = (worker: Worker) => {
    worker.unref();
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      if (thread === worker && !waitingOn(worker)) retire(worker);
    }, idleMs);
    idleTimer.unref();
  };

  return {
    get threadsStarted() {
      return threadsStarted;
    },
    render(input) {
      clearTimeout(idleTimer);
      thread ??= start();
      thread.ref();
      const id = nextId++;
      const request: RenderRequest = { id, input };
      const worker = thread;
      return new Promise<Uint8Array>((resolve, reject) => {
        waiting.set(id, { worker, resolve, reject });
        try {
          worker.postMessage(request);
        } catch (error) {
          // An input that cannot be copied to the thread (a function in it, say) never reaches it.
          waiting.delete(id);
          if (!waitingOn(worker)) rest(worker);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    },
    async close() {
      clearTimeout(idleTimer);
      const worker = thread;
      thread = undefined;
      fail(new Error('The PDF rendering thread was closed.'));
      await worker?.terminate();
    },
  };
}

let shared: PdfRenderWorker | undefined;

/** The process's PDF rendering thread, shared by every renderer that does not bring its own. */
export function sharedPdfRenderWorker(): PdfRenderWorker {
  shared ??= createPdfRenderWorker();
  return shared;
}

/**
 * Starts pdf-render-thread: the built `.js` file as it is, or, when Portico
 * runs from its TypeScript sources (tests, benches), through tsx, which a
 * worker thread does not inherit from its parent on Node 20.
 */
function startRenderThread(limits: { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number }): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./pdf-render-thread${fromSource ? '.ts' : '.js'}`, import.meta.url);
  const options = { resourceLimits: limits };
  if (!fromSource) return new Worker(entry, { ...options, workerData: { role: PDF_RENDER_THREAD } });
  return new Worker(TYPESCRIPT_BOOTSTRAP, {
    ...options,
    eval: true,
    workerData: { role: PDF_RENDER_THREAD, entry: entry.href, tsx: tsxApiUrl() },
  });
}

const TYPESCRIPT_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
import(workerData.tsx).then((tsx) => { tsx.register(); return import(workerData.entry); });
`;

/** tsx's ESM API, found through its package's own export map. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  let manifestPath: string;
  try {
    manifestPath = require.resolve('tsx/package.json');
  } catch {
    throw new Error('Rendering PDFs from the TypeScript sources needs tsx installed (it is a development dependency).');
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(join(dirname(manifestPath), manifest.exports['./esm/api']!.import.default)).href;
}
