import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Live updates by short polling. The server has no push channel, and polling
 * needs none: it works through every host app, proxy and adapter (Node,
 * Express, Next.js route handlers, serverless), with any number of server
 * processes behind a load balancer, and keeps nothing open between requests.
 * What is polled is one small, cheap request (one invoice, or the page of a
 * list already on screen), and only while it can matter: while the page is
 * visible, slower and slower while nothing changes, and not at all after a
 * while without a change.
 */
export interface PollerOptions {
  /** Polls once; resolves `true` when something changed. A rejection slows down at least twice as fast. */
  poll: (signal: AbortSignal) => Promise<boolean>;
  /** Milliseconds before the first poll, and after each change; 0 or less turns polling off. Read at each poll. */
  interval: () => number;
  /** The wait grows by this factor after each poll that found nothing new (1: a steady rhythm). Default 1.5. */
  backoff?: number;
  /** The longest wait between two polls. Default 60 s. */
  maxInterval?: number;
  /** Polling stops this many milliseconds after the last change (or the start); it resumes when the page is shown again. Default: never. */
  stopAfter?: number;
}

/**
 * Runs `poll` on a timer while its owner wants it (`start()`/`stop()`), the
 * host element is connected and the document is visible. Hidden, it waits;
 * shown again, it polls at once (what it shows may be stale) and starts its
 * clock over. Polls never overlap, and a poll in flight is abandoned when the
 * host leaves the page or the page is hidden.
 */
export class Poller implements ReactiveController {
  readonly #options: Required<Omit<PollerOptions, 'stopAfter'>> & { stopAfter: number };
  #wanted = false;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #delay = 0;
  #since = 0;

  constructor(host: ReactiveControllerHost, options: PollerOptions) {
    this.#options = { backoff: 1.5, maxInterval: 60_000, stopAfter: Number.POSITIVE_INFINITY, ...options };
    host.addController(this);
  }

  /** True while polling is wanted and not yet given up (it may be waiting for the page to be shown). */
  get active(): boolean {
    return this.#wanted && this.#since > 0;
  }

  /** Starts polling (the first poll after one interval); does nothing if it is already running. */
  start(): void {
    if (this.#wanted && this.#since > 0) return;
    this.#wanted = true;
    this.#restartClock();
    this.#schedule();
  }

  /** Stops polling and abandons a poll in flight. */
  stop(): void {
    this.#wanted = false;
    this.#halt();
  }

  /** Something changed by other means: back to the short interval, with the clock started over. */
  nudge(): void {
    if (!this.#wanted) return;
    this.#restartClock();
    this.#schedule();
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    if (this.#wanted) {
      this.#restartClock();
      this.#schedule();
    }
  }

  /** How long it waits before the next poll: the schedule, readable without a clock. */
  get nextDelay(): number {
    return this.#delay;
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#halt();
  }

  #restartClock(): void {
    this.#delay = this.#options.interval();
    this.#since = Date.now();
  }

  #halt(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      this.#halt();
    } else if (this.#wanted) {
      this.#restartClock();
      void this.#run();
    }
  };

  #schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (!this.#wanted || !this.#connected || this.#abort || document.visibilityState === 'hidden') return;
    if (this.#options.interval() <= 0) return;
    if (Date.now() - this.#since > this.#options.stopAfter) {
      this.#since = 0; // given up until the page is shown again (or start())
      return;
    }
    this.#timer = setTimeout(() => void this.#run(), this.#delay);
  }

  async #run(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#abort || !this.#wanted || !this.#connected || this.#options.interval() <= 0) return;
    const abort = (this.#abort = new AbortController());
    let changed = false;
    let failed = false;
    try {
      changed = await this.#options.poll(abort.signal);
    } catch {
      failed = true;
    }
    if (abort !== this.#abort) return; // halted meanwhile
    this.#abort = undefined;
    const { backoff, maxInterval } = this.#options;
    if (changed) this.#restartClock();
    else this.#delay = Math.min(maxInterval, Math.max(this.#delay, 1) * (failed ? Math.max(2, backoff) : backoff));
    this.#schedule();
  }
}
