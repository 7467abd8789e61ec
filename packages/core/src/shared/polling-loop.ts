export interface PollingLoop {
  /** Runs batches until stopped: at once, then every `intervalMs`, straight on while batches come back full. */
  start(intervalMs: number): void;
  /** Stops the loop and waits for the batch in flight. */
  stop(): Promise<void>;
}

/**
 * The loop behind Portico's workers: `runBatch` answers whether its batch was
 * full (more work is waiting, so the next one starts at once); a batch that
 * throws is reported to `onError` and the loop goes on.
 */
export function pollingLoop(runBatch: () => Promise<boolean>, onError: (error: unknown) => void): PollingLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let running = false;

  function schedule(delayMs: number, intervalMs: number): void {
    timer = setTimeout(() => {
      timer = undefined;
      inFlight = (async () => {
        let next = intervalMs;
        try {
          if (await runBatch()) next = 0;
        } catch (error) {
          onError(error);
        }
        if (running) schedule(next, intervalMs);
      })();
    }, delayMs);
  }

  return {
    start(intervalMs) {
      if (running) return;
      if (!(intervalMs >= 0)) throw new RangeError('start(intervalMs): intervalMs must be zero or more.');
      running = true;
      schedule(0, intervalMs);
    },
    async stop() {
      running = false;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
