export interface BackoffOptions {
  /** The wait after the first failed attempt (default 30 s). */
  initialMs?: number;
  /** The longest wait (default 1 h). */
  maxMs?: number;
  /** Up to this share of each wait is taken off at random, so retries of many emails spread out (default 0.2). */
  jitter?: number;
  /** A number in [0, 1); tests pass a fixed one. */
  random?: () => number;
}

/**
 * Exponential backoff with jitter: after attempt n the wait is
 * min(initial × 2^(n−1), max), less up to `jitter` of it at random. With the
 * defaults: about 30 s, 1 min, 2 min, 4 min, ... and never more than 1 h.
 */
export function exponentialBackoff(options: BackoffOptions = {}): (attempt: number) => number {
  const { initialMs = 30_000, maxMs = 3_600_000, jitter = 0.2, random = Math.random } = options;
  if (!(initialMs > 0) || !(maxMs >= initialMs) || !(jitter >= 0 && jitter <= 1)) {
    throw new RangeError('exponentialBackoff needs initialMs > 0, maxMs >= initialMs and jitter between 0 and 1.');
  }
  return (attempt: number) => {
    const exponent = Math.min(Math.max(Math.trunc(attempt) - 1, 0), 52);
    const base = Math.min(initialMs * 2 ** exponent, maxMs);
    return Math.round(base * (1 - jitter * random()));
  };
}
