import type { PropertyDeclarations } from 'lit';
import { PorticoApiError, PorticoClient, type PorticoClientOptions } from '../client/portico-client.js';
import { defaultLocale, intlLocale, resolveLocale, stringsFor, textDirection, type Locale, type Strings } from '../i18n/index.js';
import { ResourceController, type ResourceOptions } from './resource-controller.js';
import { PorticoThemedElement } from './themed-element.js';
import { emit } from './events.js';

/** Detail of `portico-auth-required`: the request that answered 401. */
export interface PorticoAuthRequiredDetail {
  error: PorticoApiError;
}

/** What a widget's render functions read of it (`viewContext`): its language's table and locale, names kept whole, error text. */
export interface WidgetView<S extends Strings = Strings> {
  strings: S;
  locale: string;
  /** The zone times are shown in: the session's, once known (see `PorticoClient.timeZone`). */
  timeZone: string | undefined;
  isolate: (text: string) => string;
  errorText: (error: unknown) => string;
}

/**
 * What every data widget shares: where the server is (or an API client
 * handed over by `<portico-portal>`), the language, how errors read, and
 * (from `PorticoThemedElement`) the `theme` attribute. Not a tag of its own.
 */
export class PorticoElement extends PorticoThemedElement {
  static override properties: PropertyDeclarations = {
    server: { type: String },
    business: { type: String },
    client: { attribute: false },
    _langAttribute: { type: String, attribute: 'lang' },
  };

  /** Where Portico is mounted: a path on this origin (`/portal`) or a URL on another origin. */
  server: string = '';
  /** The business's slug. */
  business: string = '';
  /**
   * The API client to use. `<portico-portal>` hands over its own (signed in
   * by cookie or bearer token); on its own a widget makes one from `server`
   * and `business` and uses the session cookie.
   */
  client: PorticoClient | null = null;
  /** @internal mirrors the `lang` attribute so a change re-renders. */
  _langAttribute: string | null = null;

  #ownClient: PorticoClient | undefined;
  #ownClientFor = '';

  /** The client in use: the one handed over, else one for `server` and `business`. */
  protected get api(): PorticoClient {
    if (this.client) return this.client;
    const key = `${this.server}\n${this.business}`;
    if (!this.#ownClient || this.#ownClientFor !== key) {
      this.#ownClient = this.createClient({ server: this.server, business: this.business });
      this.#ownClientFor = key;
    }
    return this.#ownClient;
  }

  /** The client a widget makes for itself (the business's widgets make a `PorticoAdminClient`). */
  protected createClient(options: PorticoClientOptions): PorticoClient {
    return new PorticoClient(options);
  }

  /** True once there is somewhere to send requests. */
  protected get canLoad(): boolean {
    return this.client !== null || this.server !== '';
  }

  /**
   * A value this widget fetches: keyed on the API client in use (plus what
   * `key` adds; `null` there while there is nothing to fetch), a failure
   * told to the page as `noticeError` does.
   */
  protected resource<T>({ key, ...options }: Omit<ResourceOptions<T>, 'key'> & { key?: () => readonly unknown[] | null }): ResourceController<T> {
    return new ResourceController<T>(this, {
      onError: (error) => this.noticeError(error),
      ...options,
      key: () => {
        const more = key ? key() : [];
        return this.canLoad && more ? [this.client ?? `${this.server}\n${this.business}`, ...more] : null;
      },
    });
  }

  /** The language asked for: this element's `lang`, else the nearest ancestor's (the page's). */
  protected get requestedLanguage(): string {
    return this._langAttribute || this.parentElement?.closest('[lang]')?.getAttribute('lang') || hostLanguage(this) || defaultLocale;
  }

  protected override get language(): Locale {
    return resolveLocale(this.requestedLanguage);
  }

  protected get strings(): Strings {
    return stringsFor(this.language);
  }

  /** BCP 47 tag for `Intl`. */
  protected get locale(): string {
    return intlLocale(this.requestedLanguage);
  }

  /** The zone times are shown in: the business's, from the session, once the API client has loaded it. */
  protected get timeZone(): string | undefined {
    return this.api.timeZone;
  }

  protected get direction(): 'ltr' | 'rtl' {
    return textDirection(this.requestedLanguage);
  }

  /**
   * A name or number put into a sentence (`HP-2025-035`, a business name), kept
   * whole in right-to-left text: wrapped in Unicode isolates, so its hyphens
   * and digits do not reorder the words around it. Left-to-right text is left as is.
   */
  protected isolate(text: string): string {
    return this.direction === 'rtl' ? `\u2068${text}\u2069` : text;
  }

  /** What render functions in a widget's other files read of it. */
  protected get viewContext(): WidgetView {
    return { strings: this.strings, locale: this.locale, timeZone: this.timeZone, isolate: (text) => this.isolate(text), errorText: (error) => this.errorText(error) };
  }

  /** Text for an error (no side effects: safe to call while rendering). */
  protected errorText(error: unknown): string {
    const strings = this.strings;
    if (!(error instanceof PorticoApiError)) return strings.unknownError;
    if (error.status === 401) return strings.sessionEnded;
    if (error.code === 'network_error') return strings.networkError;
    if (error.code === 'forbidden_origin' && error.expectedOrigin) return strings.wrongOrigin(error.expectedOrigin);
    if (error.code === 'attachment_type_not_allowed') return strings.fileTypeRefused;
    return error.message || strings.loadFailed;
  }

  /** Call once when a request fails: a 401 tells the page (and the portal) that the session ended. */
  protected noticeError(error: unknown): void {
    if (error instanceof PorticoApiError && error.status === 401) {
      emit<PorticoAuthRequiredDetail>(this, 'portico-auth-required', { error });
    }
  }
}

/** The `lang` of the nearest ancestor across shadow roots (a widget inside another widget's shadow tree). */
function hostLanguage(element: Element): string | null {
  let node: Node | null = element;
  while (node) {
    const root = node.getRootNode();
    if (!(root instanceof ShadowRoot)) return null;
    const lang = root.host.closest('[lang]')?.getAttribute('lang');
    if (lang) return lang;
    node = root.host;
  }
  return null;
}

/** `true` for an error the user caused by cancelling (nothing to show). */
export function isAbort(error: unknown): boolean {
  return error instanceof PorticoApiError && error.code === 'aborted';
}
