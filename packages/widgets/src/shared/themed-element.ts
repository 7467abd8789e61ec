import { LitElement, type PropertyDeclarations } from 'lit';

/**
 * What every Portico tag shares, the portal included: the `theme` attribute.
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

  /**
   * `light` or `dark` pins this widget, and every widget inside it, to that
   * colour scheme; without it (or with any other value) it follows the
   * page's `--portico-color-scheme`, else the visitor's `prefers-color-scheme`.
   */
  declare theme: 'light' | 'dark' | null;

  constructor() {
    super();
    this.theme = null;
  }
}
