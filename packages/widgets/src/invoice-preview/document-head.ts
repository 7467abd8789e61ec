import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DownloadedFile, PorticoAuthMode } from '../client/portico-client.js';
import type { Strings } from '../i18n/index.js';
import { saveDownloadedFile } from './document-body.js';
import { pdfIcon, printIcon } from './document-parts.js';

/**
 * The top of an invoice's or an estimate's preview: the business's brand,
 * the title with the status badge, and the Download PDF and Print buttons.
 */

export function renderDocumentHead(business: { name: string; logoUrl: string | null }, titleId: string, title: string, status: TemplateResult): TemplateResult {
  return html`<header part="header" class="head">
    <div part="brand" class="brand">
      ${business.logoUrl ? html`<img part="logo" class="logo" src=${business.logoUrl} alt="" />` : nothing}
      <span class="business-name">${business.name}</span>
    </div>
    <div class="title-row">
      <h2 id=${titleId} part="title" class="title">${title}</h2>
      ${status}
    </div>
  </header>`;
}

/** The "Download PDF" link (`href` works with the session cookie; `pdf` fetches it in bearer mode) and Print. */
export function renderDocumentActions(href: string, filename: string, pdf: PdfDownload, strings: Strings): TemplateResult {
  return html`<div part="actions" class="actions">
    <a part="pdf-link button" class="button primary" href=${href} download=${filename} aria-busy=${pdf.busy ? 'true' : 'false'} @click=${pdf.click}
      >${pdfIcon}${strings.downloadPdf}</a
    >
    <button part="button print" type="button" @click=${() => window.print()}>${printIcon}${strings.printInvoice}</button>
    ${pdf.error ? html`<span class="pdf-error" role="alert">${pdf.error}</span>` : nothing}
  </div>`;
}

export interface PdfDownloadOptions {
  mode: () => PorticoAuthMode;
  fetch: () => Promise<DownloadedFile>;
  /** Where the hidden link that saves the file goes. */
  root: () => ParentNode;
  /** Reports the failure (a 401 to the page) and answers what to show. */
  failed: (error: unknown) => string;
}

/** The PDF link's click: in bearer mode a plain link carries no credentials, so the file is fetched with the token and saved. */
export class PdfDownload implements ReactiveController {
  busy = false;
  error: string | null = null;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: PdfDownloadOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forget the last failure (another document is loading). */
  reset(): void {
    this.error = null;
  }

  click = (event: MouseEvent): Promise<void> => this.clickFor(this.options.fetch)(event);

  /** The click of another link of the document (a payment's receipt): the same, fetching `fetch`. */
  clickFor = (fetch: () => Promise<DownloadedFile>) => async (event: MouseEvent): Promise<void> => {
    if (this.options.mode() !== 'bearer') return;
    event.preventDefault();
    if (this.busy) return;
    this.#set(true, null);
    try {
      saveDownloadedFile(this.options.root(), await fetch());
      this.#set(false, null);
    } catch (error) {
      this.#set(false, this.options.failed(error));
    }
  };

  #set(busy: boolean, error: string | null): void {
    this.busy = busy;
    this.error = error;
    this.host.requestUpdate();
  }
}
