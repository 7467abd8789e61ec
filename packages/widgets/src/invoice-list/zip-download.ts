import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { DownloadedFile, DownloadProgress } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { formatBytes } from '../shared/format.js';
import { emit } from '../shared/events.js';
import { isAbort } from '../shared/portico-element.js';

/** Where a ZIP download stands. */
export type ZipDownloadState =
  | { state: 'running'; expected: number; bytes: number; pdfs: number; abort: AbortController }
  | { state: 'done'; url: string; filename: string; pdfs: number; bytes: number }
  | { state: 'failed'; message: string }
  | { state: 'cancelled' };

/**
 * One ZIP of PDFs at a time, for the invoice list: its progress while it
 * streams, Cancel, and the object URL of the finished file, revoked when the
 * next download starts or the host leaves the page (a running download is
 * aborted then too).
 */
export class ZipDownload implements ReactiveController {
  /** What to show (`null`: no download yet). */
  state: ZipDownloadState | null = null;

  readonly #host: ReactiveControllerHost;
  #url: string | null = null;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  get running(): boolean {
    return this.state?.state === 'running';
  }

  /**
   * Runs a download of `expected` PDFs (`fetch` streams it, reporting
   * progress). Resolves with the file and its object URL, or `null` when it
   * was cancelled; rejects when it failed (`fail` then says why).
   */
  async run(expected: number, fetch: (onProgress: (progress: DownloadProgress) => void, signal: AbortSignal) => Promise<DownloadedFile>): Promise<(DownloadedFile & { url: string }) | null> {
    const abort = new AbortController();
    this.#revoke();
    this.#show({ state: 'running', expected, bytes: 0, pdfs: 0, abort });
    try {
      const file = await fetch(({ bytes, pdfs }) => {
        const { state } = this;
        if (state?.state === 'running' && state.abort === abort) this.#show({ ...state, bytes, pdfs });
      }, abort.signal);
      const url = (this.#url = URL.createObjectURL(file.blob));
      this.#show({ state: 'done', url, filename: file.filename, pdfs: file.pdfs || expected, bytes: file.bytes });
      return { ...file, url };
    } catch (error) {
      if (!isAbort(error)) throw error;
      this.#show({ state: 'cancelled' });
      return null;
    }
  }

  /** The download failed: shows why. */
  fail(message: string): void {
    this.#show({ state: 'failed', message });
  }

  hostDisconnected(): void {
    if (this.state?.state === 'running') this.state.abort.abort();
    this.#revoke();
  }

  #show(state: ZipDownloadState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  #revoke(): void {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = null;
  }
}

/** What `saveZip` needs of the list it runs in. */
export interface ZipListHost {
  /** The list element: `portico-download-complete` is emitted from it. */
  element: HTMLElement & { readonly updateComplete: Promise<boolean>; readonly renderRoot: HTMLElement | DocumentFragment };
  strings: Strings;
  focusAfterUpdate: (selector: string) => void;
  noticeError: (error: unknown) => void;
  errorText: (error: unknown) => string;
  /** What to announce: the download is ready, or was cancelled. */
  announce: (text: string) => void;
}

/**
 * A list's "Download" button: runs `zip` for `expected` PDFs, then emits
 * `portico-download-complete` (cancelled, the page saves the file itself;
 * else the Save link is clicked) and puts focus on the Save link; a
 * failure is shown in the box, and focus goes back to the download button.
 * `ready` says the file is ready, in the list's own words.
 */
export async function saveZip(
  host: ZipListHost,
  zip: ZipDownload,
  expected: number,
  fetch: (onProgress: (progress: DownloadProgress) => void, signal: AbortSignal) => Promise<DownloadedFile>,
  ready: (pdfs: number) => string,
): Promise<void> {
  if (zip.running) return;
  const { strings, element } = host;
  host.focusAfterUpdate('[part~="download"] button');
  try {
    const file = await zip.run(expected, fetch);
    if (file) {
      host.announce(ready(file.pdfs || expected));
      const save = emit<PorticoDownloadCompleteDetail>(element, 'portico-download-complete', file, true);
      await element.updateComplete;
      const link = element.renderRoot.querySelector<HTMLAnchorElement>('[part~="save-link"]');
      if (save) link?.click();
      link?.focus();
      return;
    }
    host.announce(strings.downloadCancelled);
  } catch (error) {
    host.noticeError(error);
    const text = host.errorText(error);
    zip.fail(text === strings.loadFailed || text === strings.unknownError ? strings.downloadFailed : text);
  }
  host.focusAfterUpdate('[part~="download-button"]');
}

/** Detail of `portico-download-complete`. Cancel the event to save the file yourself. */
export interface PorticoDownloadCompleteDetail extends DownloadedFile {
  /** The object URL of the "Save" link (revoked at the next download, or when the element leaves the page). */
  url: string;
}

/** The download's box: a progress bar with Cancel, the "Save" link, or why it ended. */
export function renderZipDownload(download: ZipDownloadState | null, strings: Strings, locale: string, isolate: (text: string) => string): TemplateResult | typeof nothing {
  switch (download?.state) {
    case 'running': {
      const done = Math.min(download.pdfs, download.expected);
      const share = download.expected > 0 ? done / download.expected : 0;
      const text = `${strings.downloadProgress(done, download.expected)} · ${formatBytes(download.bytes, locale)}`;
      return html`<div part="download" class="download">
        <div class="progress-row">
          <div
            part="progress"
            class="progress"
            role="progressbar"
            aria-label=${strings.downloadingLabel}
            aria-valuemin="0"
            aria-valuemax=${download.expected}
            aria-valuenow=${done}
            aria-valuetext=${text}
          >
            <div class="progress-fill" style=${styleMap({ inlineSize: `${(share * 100).toFixed(1)}%` })}></div>
          </div>
          <button part="button" type="button" @click=${() => download.abort.abort()}>${strings.cancelDownload}</button>
        </div>
        <span class="progress-text" aria-hidden="true">${text}</span>
      </div>`;
    }
    case 'done':
      return html`<div part="download message" class="download message done">
        <span>${strings.downloadReady(download.pdfs)}</span>
        <a part="save-link" class="button" href=${download.url} download=${download.filename}>${downloadIcon}${strings.saveFile(isolate(download.filename))}</a>
      </div>`;
    case 'failed':
      return html`<div part="download message" class="download message error" role="alert">${download.message}</div>`;
    case 'cancelled':
      return html`<div part="download message" class="download message">${strings.downloadCancelled}</div>`;
    default:
      return nothing;
  }
}

export const downloadIcon = html`<svg class="icon" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
  <path d="M8 1v9m0 0L4.5 6.5M8 10l3.5-3.5M2 11v3h12v-3" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;
