import { LitElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { defaultLocale, loadedStrings, loadStrings, type Locale } from '../i18n/index.js';

/**
 * What every Portico tag shares, the portal included: the `theme` attribute,
 * and rendering only once the table of its language is loaded.
 * The scheme itself is CSS (`colorSchemeStyles` in theme.styles.ts): the
 * attribute sets the inherited `--portico-color-scheme` on the host, so the
 * widgets inside a pinned portal follow it. Not a tag of its own.
 *
 * The theme tokens every widget reads are documented here, once, and so
 * reach every tag's entry in the manifest (and docs/widgets.md) as
 * inherited; docs/theming.md has their defaults in light and dark. A
 * widget's own JSDoc lists only the tokens of its own (status badges, chart
 * bars, widths).
 *
 * @cssproperty --portico-accent - Accent colour: the business's brand colour by default (primary buttons, the selected tab, links, progress, Pay now).
 * @cssproperty --portico-on-accent - Text on the accent colour (black or white for the brand colour by default).
 * @cssproperty --portico-background - Background behind the widget (`transparent` to blend into the page).
 * @cssproperty --portico-surface - Background of cards, tables, inputs and buttons.
 * @cssproperty --portico-text - Main text colour.
 * @cssproperty --portico-muted - Secondary text colour.
 * @cssproperty --portico-border - Border colour.
 * @cssproperty --portico-danger - Errors and overdue amounts.
 * @cssproperty --portico-success - Confirmations.
 * @cssproperty --portico-focus-ring - Focus outline colour.
 * @cssproperty --portico-font-family - Font family of all text.
 * @cssproperty --portico-heading-font-family - Font family of headings (the font family by default).
 * @cssproperty --portico-font-size - Base font size; everything scales from it.
 * @cssproperty --portico-radius - Corner radius.
 * @cssproperty --portico-spacing - The spacing unit paddings and gaps are multiples of.
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

  #focus: string | null = null;
  #focusWaits = false;

  /**
   * Moves focus after the next update to the element of the shadow root
   * that `selector` finds (`null`: nowhere). With `wait`, one not rendered
   * yet (a thread still loading) takes focus at the first update that renders it.
   */
  protected focusAfterUpdate(selector: string | null, wait = false): void {
    this.#focus = selector;
    this.#focusWaits = wait;
  }

  protected override updated(_changed: PropertyValues): void {
    const selector = this.#focus;
    if (!selector) return;
    const target = this.renderRoot.querySelector<HTMLElement>(selector);
    if (target || !this.#focusWaits) this.#focus = null;
    target?.focus();
  }

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
