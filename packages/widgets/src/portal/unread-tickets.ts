import type { ReactiveControllerHost } from 'lit';
import type { PorticoClient } from '../client/portico-client.js';
import { Poller } from '../shared/poller.js';
import { endsPolling } from '../shared/ticket-view.js';

/**
 * The client's unread tickets, for the portal's Support tab badge: counted
 * at sign-in, then by short polling (`GET /api/tickets`) while the page is
 * visible, except while the Support tab itself is open (its list polls and
 * reports the count). A server without tickets (404) or an ended session
 * stops it.
 */
export class UnreadTicketsCounter {
  #count = 0;
  #running = false;
  #generation = 0;
  readonly #host: ReactiveControllerHost;
  readonly #client: () => PorticoClient;
  readonly #poller: Poller;

  constructor(host: ReactiveControllerHost, client: () => PorticoClient, interval: () => number) {
    this.#host = host;
    this.#client = client;
    this.#poller = new Poller(host, { interval, maxInterval: 120_000, stopAfter: 30 * 60_000, poll: (signal) => this.#poll(signal) });
  }

  get count(): number {
    return this.#count;
  }

  /** Counts now, then keeps counting (or not, with `poll: false`). */
  start(poll: boolean): void {
    if (!this.#running) {
      this.#running = true;
      this.refresh();
    }
    this.polling(poll);
  }

  /** Polls (or stops polling) while started. */
  polling(on: boolean): void {
    if (on && this.#running) this.#poller.start();
    else this.#poller.stop();
  }

  stop(): void {
    this.#running = false;
    this.#generation++;
    this.#poller.stop();
    this.set(0);
  }

  /** A count from elsewhere (the ticket list): taken as is. */
  set(count: number): void {
    if (count === this.#count) return;
    this.#count = count;
    this.#host.requestUpdate();
  }

  /** Counts again now. */
  refresh(): void {
    void this.#poll().catch(() => undefined);
  }

  async #poll(signal?: AbortSignal): Promise<boolean> {
    const generation = this.#generation;
    try {
      const { unreadCount } = await this.#client().listTickets(signal ? { signal } : {});
      if (generation !== this.#generation) return false;
      const changed = unreadCount !== this.#count;
      this.set(unreadCount);
      return changed;
    } catch (error) {
      // No tickets on this server, or the session ended: nothing to count until the next sign-in.
      if (endsPolling(error)) {
        this.#running = false;
        this.#poller.stop();
      }
      throw error;
    }
  }
}
