let loading: Promise<void> | undefined;

/**
 * Fetches and registers `<portico-estimate-list>` and
 * `<portico-estimate-preview>` (their chunk, estimates.ts), once; a failed
 * fetch is tried again at the next call. Tags already in the page upgrade
 * when it arrives.
 */
export function loadEstimateWidgets(): Promise<void> {
  loading ??= import('./estimates.js').then(
    () => undefined,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
