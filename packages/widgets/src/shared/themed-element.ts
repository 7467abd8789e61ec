import { LitElement, type PropertyDeclarations } from 'lit';
import { defaultLocale, loadedStrings, loadStrings, type Locale } from '../i18n/index.js';

/**
 * What every Portico tag shares, the portal included: the `theme` attribute,
 * and rendering only once the table of its language is loaded.
 * The scheme itself is CSS (`colorSchemeStyles` in theme.styles.ts): the
 * attribute sets the inherited `--portico-color-scheme` on the host, so the
 * widgets inside a pinned portal follow it. Not a tag of its own.
 *
 * @cssproperty --portico-color-scheme - `light`, `dark`, or `light dark` (the default: the visitor's `prefers-color-scheme`); inherited, so set on the page it pins every widget. The `theme` attribute wins.
 */
export class PorticoThemedElement extends LitElement {
  static override properties: PropertyDeclarations = {
    theme: { type: String, reflect: true },
  };

  /** The tag the widget registers as (`portico-statement`); each widget names its own. */
  static readonly tag: string = '';

  /**
   * Registers the widget as `tagName` (by default its own tag). Safe to run
   * twice (a page may load two copies of the widgets): the first definition
   * wins. Another name registers a subclass, since a class is defined once.
   */
  static define(tagName: string = this.tag): void {
    if (!customElements.get(tagName)) customElements.define(tagName, tagName === this.tag ? this : class extends this {});
  }

  /**
   * `light` or `dark` pins this widget, and every widget inside it, to that
   * colour scheme; without it (or with any other value) it follows the
   * page's `--portico-color-scheme`, else the visitor's `prefers-color-scheme`.
   */
  theme: 'light' | 'dark' | null = null;

  /** The language the widget shows (subclasses say how they pick it). */
  protected get language(): Locale {
    return defaultLocale;
  }

  /** Each update waits for the language's table (fetched once), so a page in German never flashes English. */
  protected override async scheduleUpdate(): Promise<void> {
    const language = this.language;
    if (!loadedStrings(language)) await loadStrings(language);
    super.scheduleUpdate();
  }
}
