import { waitUntil as openWcWaitUntil } from '@open-wc/testing';

/**
 * open-wc's waitUntil with a timeout that holds on a loaded CI machine. Its own
 * default (one second) is too short when Chromium shares two cores with the
 * other packages' tests; a condition that is met returns at once whatever the
 * limit, so a long one costs nothing when all is well.
 */
export function waitUntil(predicate: () => unknown, message?: string, options: { timeout?: number; interval?: number } = {}): Promise<void> {
  return openWcWaitUntil(predicate, message, { timeout: 8000, ...options });
}
