import type { ReactiveControllerHost } from 'lit';
import { PorticoApiError } from '../client/portico-client.js';
import { Poller } from '../shared/poller.js';

export interface SignedInPollerOptions {
  /** Milliseconds between polls; 0 or less turns polling off. Read at each poll. */
  interval: () => number;
  /** Fetches the rows on screen again, quietly; resolves `true` when something changed. */
  refresh: (signal: AbortSignal) => Promise<boolean>;
  /** A failed poll, told to the page (a 401 is the host app's session ending). */
  onError: (error: unknown) => void;
  /** The host app's admin session is gone (401 or 403): polling has stopped until the page loads again. */
  onSignedOut: () => void;
}

/**
 * The quiet refreshes of the business's lists (`<portico-admin-invoices>`,
 * `<portico-admin-estimates>`): a steady rhythm while all is well, slower
 * after failures (up to a minute), and none at all once the host app has
 * signed the business out.
 */
export function signedInPoller(host: ReactiveControllerHost, { interval, refresh, onError, onSignedOut }: SignedInPollerOptions): Poller {
  const poller: Poller = new Poller(host, {
    interval,
    backoff: 1,
    maxInterval: 60_000,
    poll: async (signal) => {
      try {
        return await refresh(signal);
      } catch (error) {
        onError(error);
        if (error instanceof PorticoApiError && (error.status === 401 || error.status === 403)) {
          onSignedOut();
          poller.stop();
        }
        throw error;
      }
    },
  });
  return poller;
}
