import { defaultListView, isNavigation, PortalHistory, sameRoute, type PortalHistoryMode, type PortalRoute } from './portal-route.js';

/** What the URL sync asks of the portal. */
export interface RoutedPortal {
  /** The ids of the tabs shown, so the URL can name no other. */
  tabIds(): string[];
  /** Where the client is now. */
  currentRoute(): PortalRoute;
  /** Shows a route read from the URL; `fromHistory` on Back and Forward, when it replaces an item the page set. */
  showRoute(route: PortalRoute, fromHistory: boolean): void;
}

/**
 * Keeps the portal's place and the page's URL in step (portal-route.ts):
 * reads the URL when the portal first connects, follows Back and Forward,
 * and writes each move once it is on screen. Opening a tab or an item is a
 * step Back undoes; changing the list's filters is not.
 */
export class PortalUrlSync {
  readonly #portal: RoutedPortal;
  #history = new PortalHistory('none', '');
  /** The route last written to (or read from) the URL; `null` before the first write. */
  #written: PortalRoute | null = null;
  /** The next write replaces the current history entry (after Back, after sign-in) rather than adding one. */
  #replaceNext = true;

  constructor(portal: RoutedPortal) {
    this.#portal = portal;
  }

  /** Reads where the URL (or the item a sign-in redirect or email named with `?invoice=`, `?estimate=`, `?ticket=`) puts the client. */
  start(mode: PortalHistoryMode, param: string): void {
    this.#history = new PortalHistory(mode === 'hash' || mode === 'none' ? mode : 'query', param);
    const route = this.#history.enabled ? this.#history.read(this.#portal.tabIds()) : null;
    const entry = this.#history.entry();
    this.#portal.showRoute({ tab: entry?.tab ?? route?.tab ?? null, item: entry?.item ?? route?.item ?? null, list: route?.list ?? defaultListView }, false);
  }

  listen(): void {
    if (this.#history.enabled) window.addEventListener('popstate', this.#onPopState);
  }

  unlisten(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** Puts where the client now is into the URL, unless it is already there. */
  write(): void {
    if (!this.#history.enabled) return;
    const route = this.#portal.currentRoute();
    if (this.#written && sameRoute(this.#written, route)) return;
    const push = !this.#replaceNext && this.#written !== null && isNavigation(this.#written, route);
    this.#history.write(route, push);
    this.#written = route;
    this.#replaceNext = false;
  }

  #onPopState = (): void => {
    this.#replaceNext = true;
    this.#written = this.#history.read(this.#portal.tabIds());
    this.#portal.showRoute(this.#written, true);
  };
}
