import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Where a resource stands: being fetched, failed, or on screen. */
export type ResourceState<T> = { kind: 'loading' } | { kind: 'error'; error: unknown } | { kind: 'ready'; value: T };

export interface ResourceOptions<T> {
  /**
   * What the value depends on, read at every update of the host: when a part
   * changes (compared with `===`, part by part) the value is fetched again.
   * `null` while there is nothing to fetch (no server yet, no id).
   */
  key: () => readonly unknown[] | null;
  /** Fetches the value; the signal aborts when the key changes, on `reload()` and when the host disconnects. */
  load: (signal: AbortSignal) => Promise<T>;
  /**
   * A reload keeps the value on screen (no loading state) while this says so
   * of the value shown: the same invoice fetched again, say. Default: never.
   */
  keep?: (value: T) => boolean;
  /** A fetch starts (the key changed, or `reload()`). */
  onStart?: () => void;
  /** A value arrived (not cancelled, not overtaken by a newer fetch). */
  onValue?: (value: T) => void;
  /** A fetch failed (not cancelled, not overtaken). */
  onError?: (error: unknown) => void;
}

const loading = { kind: 'loading' } as const;

/**
 * One fetched value of a widget, and its load lifecycle: fetched when the
 * key derived from the host's properties changes, the previous request
 * aborted when a newer one starts or the host disconnects (reconnected, it
 * fetches again), `reload()` for a Retry button, and a `state` of
 * loading/error/ready for the render. An answer overtaken by a newer request
 * is dropped.
 */
export class ResourceController<T> implements ReactiveController {
  /** What to render. */
  state: ResourceState<T> = loading;

  readonly #host: ReactiveControllerHost;
  readonly #options: ResourceOptions<T>;
  #key: readonly unknown[] | undefined;
  #abort: AbortController | undefined;
  #value: T | null = null;

  constructor(host: ReactiveControllerHost, options: ResourceOptions<T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The last value that arrived; kept through a quiet reload, even one that failed. `null` before the first. */
  get value(): T | null {
    return this.#value;
  }

  /** True while there is a key (something to fetch, and the host is connected). */
  get active(): boolean {
    return this.#key !== undefined;
  }

  /**
   * Fetches again when the key changed; true when it did. Runs before every
   * render; a host may call it earlier in its `willUpdate`.
   */
  sync(): boolean {
    const key = this.#options.key();
    const last = this.#key;
    if (key === null) {
      if (last) this.#reset();
      return false;
    }
    if (last && last.length === key.length && key.every((part, i) => part === last[i])) return false;
    this.#key = key;
    void this.reload();
    return true;
  }

  hostUpdate(): void {
    this.sync();
  }

  /** Reconnected after a disconnect aborted the fetch: an update fetches again. */
  hostConnected(): void {
    if (!this.#key) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#key = undefined;
  }

  /**
   * Fetches the value again. `quiet` keeps what is on screen until the
   * answer is in (by default, what `keep` says). Never rejects: a failure is
   * the error state.
   */
  async reload({ quiet }: { quiet?: boolean } = {}): Promise<void> {
    if (this.#options.key() === null) return;
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const { state } = this;
    if (!(quiet ?? (state.kind === 'ready' && this.#options.keep?.(state.value)))) this.#show(loading, null);
    this.#options.onStart?.();
    try {
      const value = await this.#options.load(abort.signal);
      if (abort !== this.#abort) return;
      this.set(value);
      this.#options.onValue?.(value);
    } catch (error) {
      if (abort !== this.#abort || abort.signal.aborted) return;
      this.#options.onError?.(error);
      this.#show({ kind: 'error', error }, this.#value);
    }
  }

  /**
   * Fetches quietly (a poll, a refresh after an action): what is on screen
   * stays until the answer is in, which then shows. It overtakes a fetch in
   * flight and is overtaken by a newer one, and also aborts with `signal`.
   * Resolves with the answer, `null` when overtaken; rejects when it fails,
   * leaving the state as it was.
   */
  async fetch(signal?: AbortSignal): Promise<T | null> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    signal?.addEventListener('abort', () => abort.abort(), { once: true });
    const value = await this.#options.load(abort.signal);
    if (abort !== this.#abort) return null;
    this.set(value);
    return value;
  }

  /** Puts a value on screen that came another way (a poll, the answer to a reply). */
  set(value: T): void {
    this.#show({ kind: 'ready', value }, value);
  }

  #reset(): void {
    this.#abort?.abort();
    this.#key = undefined;
    this.#show(loading, null);
  }

  #show(state: ResourceState<T>, value: T | null): void {
    this.state = state;
    this.#value = value;
    this.#host.requestUpdate();
  }
}
