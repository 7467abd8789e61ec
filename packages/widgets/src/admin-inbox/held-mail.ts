import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { HeldInboundListResponse, HeldInboundWire } from '@portico/wire';
import type { AdminWidgetStrings } from '../admin/i18n/index.js';
import type { WidgetView } from '../shared/portico-element.js';
import { renderRetry, renderTime } from '../shared/ticket-view.js';
import { renderActionError, type InboxBusy } from './inbox-thread.js';
import { renderQuotedText } from './quoted-text.js';

/**
 * The inbound mail held for review, as the inbox shows it: fetched when the
 * pane opens and at each poll while it is open, a failure kept to show with
 * "Try again", a mail taken off the list once settled.
 */
export class HeldMail {
  /** The held mail, `null` until it arrives. */
  items: readonly HeldInboundWire[] | null = null;
  /** Why the last fetch failed (`null` once one succeeds). */
  error: unknown = null;

  readonly #host: ReactiveControllerHost;
  readonly #fetch: (signal?: AbortSignal) => Promise<HeldInboundListResponse>;

  constructor(host: ReactiveControllerHost, fetch: (signal?: AbortSignal) => Promise<HeldInboundListResponse>) {
    this.#host = host;
    this.#fetch = fetch;
  }

  /** Fetches it quietly; true when it changed. Rejects when the fetch fails. */
  async refresh(signal?: AbortSignal): Promise<boolean> {
    const { held } = await this.#fetch(signal);
    const changed = JSON.stringify(held) !== JSON.stringify(this.items);
    this.items = held;
    this.error = null;
    this.#host.requestUpdate();
    return changed;
  }

  /** Fetches it, keeping a failure to show. Never rejects. */
  async load(): Promise<void> {
    try {
      await this.refresh();
    } catch (error) {
      this.error = error;
      this.#host.requestUpdate();
    }
  }

  /** Takes a settled mail off the list. */
  remove(id: string): void {
    this.items = (this.items ?? []).filter((item) => item.id !== id);
    this.#host.requestUpdate();
  }
}

/** What the held-mail pane reads of the inbox. */
export interface HeldMailView extends WidgetView<AdminWidgetStrings> {
  busy: InboxBusy;
  actionError: string;
  held: HeldMail;
  settle: (held: HeldInboundWire, accept: boolean) => void;
}

/** Inbound mail held for a person (unknown sender, forged reply): each with Accept (into its ticket) and Discard. */
export function renderHeldMail(view: HeldMailView): TemplateResult {
  const { strings } = view;
  const { items: held, error } = view.held;
  let body: TemplateResult;
  if (error) body = renderRetry(view.errorText(error), strings, () => void view.held.load());
  else if (!held) body = html`<p class="muted" role="status">${strings.ticketsLoading}</p>`;
  else if (held.length === 0) body = html`<p class="muted">${strings.heldEmpty}</p>`;
  else {
    body = html`<ul class="held-list">
      ${held.map((item) => {
        const busy = view.busy === `held:${item.id}`;
        return html`<li part="held" class="held-item" data-id=${item.id}>
          <strong dir="auto">${item.subject ?? strings.heldNoSubject}</strong>
          <span class="meta">${strings.heldFrom(view.isolate(item.from ?? strings.heldUnknownSender))}, ${renderTime(item.receivedAt, view.locale, view.timeZone)}</span>
          <span class="meta" dir="auto">${item.reason}</span>
          ${item.ticketId ? html`<span class="meta">${strings.heldClaimsTicket}</span>` : nothing}
          <div part="body" class="body" dir="auto">${item.body}</div>
          ${renderQuotedText(item.quotedText, strings)}
          <div class="held-actions">
            <button part="button accept-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.settle(item, true)}>${strings.acceptHeld}</button>
            <button part="button discard-button" type="button" aria-disabled=${busy ? 'true' : 'false'} @click=${() => view.settle(item, false)}>${strings.discardHeld}</button>
          </div>
        </li>`;
      })}
    </ul>`;
  }
  return html`<div class="thread">
    <h3 id="held-heading" tabindex="-1">${strings.heldHeading}</h3>
    ${renderActionError(view.actionError)}
    ${body}
  </div>`;
}
