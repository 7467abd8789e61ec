import { css, unsafeCSS } from 'lit';

/**
 * The token declarations alone, for whichever element sets them: widgets on
 * their `:host`, the portal on its inner box (where the business's brand
 * colour arrives as `--_brand`). Colours that differ in dark mode are
 * `light-dark()`, resolved by the used `color-scheme` of the element that
 * paints with them (see `colorSchemeStyles`). Declarations without a rule
 * aren't a stylesheet, so they are constant strings (the build's CSS minifier
 * parses every css`` template as one).
 */
export const tokenDeclarations = unsafeCSS(`
  --_accent: var(--portico-accent, var(--_brand, #2f5bd3));
  --_on-accent: var(--portico-on-accent, var(--_brand-on, #ffffff));
  --_bg: var(--portico-background, light-dark(#f5f6f8, #111418));
  --_surface: var(--portico-surface, light-dark(#ffffff, #1a1f26));
  --_text: var(--portico-text, light-dark(#1b1f24, #e8ebef));
  --_muted: var(--portico-muted, light-dark(#58616d, #a4adba));
  --_border: var(--portico-border, light-dark(#d5dae1, #313843));
  --_danger: var(--portico-danger, light-dark(#b42318, #ff9b8f));
  --_success: var(--portico-success, light-dark(#1a7f37, #72d69a));
  --_focus: var(--portico-focus-ring, light-dark(#1d4ed8, #93b4ff));
  --_font: var(--portico-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);
  --_heading-font: var(--portico-heading-font-family, var(--_font));
  --_radius: var(--portico-radius, 10px);
  --_space: var(--portico-spacing, 0.5rem);
  --_status-draft: var(--portico-status-draft, light-dark(#4b5563, #c3c9d1));
  --_status-sent: var(--portico-status-sent, light-dark(#1d4ed8, #93b4ff));
  --_status-partially-paid: var(--portico-status-partially-paid, var(--_status-sent));
  --_status-overdue: var(--portico-status-overdue, light-dark(#b42318, #ff9b8f));
  --_status-paid: var(--portico-status-paid, light-dark(#166534, #72d69a));
  --_status-void: var(--portico-status-void, light-dark(#6b7280, #a4adba));
  --_chart-current: var(--portico-chart-current, var(--_accent));
  --_chart-overdue: var(--portico-chart-overdue, light-dark(#d97706, #f5a524));
  --_chart-track: var(--portico-chart-track, light-dark(#e8ebef, #2a313b));
`);

/**
 * Light or dark, on every widget's host and the portal's: the inherited
 * `--portico-color-scheme` decides, so a page (or a pinned portal) reaches
 * every widget inside it through shadow roots; without it, `light dark`
 * follows the visitor's `prefers-color-scheme`. The `theme` attribute sets
 * it on the host, `!important` so it wins over the page's own rules for
 * the tag (in a shadow tree's favour, for important declarations).
 */
export const colorSchemeStyles = css`
  :host {
    color-scheme: var(--portico-color-scheme, light dark);
  }
  :host([theme='light']) {
    --portico-color-scheme: light !important;
  }
  :host([theme='dark']) {
    --portico-color-scheme: dark !important;
  }
`;

/** Hidden on screen, still read by screen readers. */
export const visuallyHidden = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;

/** A count on the accent colour (unread tickets): `.badge`. */
export const countBadge = css`
  .badge {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.45em;
    font-size: 0.8em;
    font-weight: 700;
    line-height: 1.5;
    text-align: center;
    color: var(--_on-accent);
    background: var(--_accent);
    border-radius: 999px;
  }
`;

/** A confirmation or error box (`.message`, `.message.error`): the widgets' and the portal's. */
export const messageBox = css`
  .message {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_success);
    border-radius: var(--_radius);
  }
  .message.error {
    color: var(--_danger);
    border-color: var(--_danger);
  }
`;

/**
 * The design tokens every widget reads: each one a `--portico-*` custom
 * property with a default, light and dark. Set on `:host`, so a widget on its
 * own page and one inside `<portico-portal>` look the same; inside the
 * portal, the business's brand colour arrives as the inherited `--_brand`.
 */
export const themeTokens = css`
  ${colorSchemeStyles}

  :host {
    ${tokenDeclarations}

    display: block;
    /* Painted, so light text never lands on a light page in dark mode; set --portico-background: transparent to blend in. */
    background: var(--_bg);
    font-family: var(--_font);
    font-size: var(--portico-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
  }
  :host([hidden]) {
    display: none;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }

  ${visuallyHidden}

  h2,
  h3 {
    margin: 0;
    font-family: var(--_heading-font);
    line-height: 1.25;
  }

  ${messageBox}
  .message {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
`;

/** Buttons, links that look like buttons, inputs: the same in every widget. */
export const controlStyles = css`
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4em;
    min-height: 2.5rem;
    padding: 0.45em 1em;
    font: inherit;
    font-size: 0.9375em;
    line-height: 1.2;
    color: var(--_text);
    text-decoration: none;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button:hover:not(:disabled),
  .button:hover {
    border-color: var(--_accent);
  }
  button.primary,
  .button.primary {
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: transparent;
  }
  button.primary:hover:not(:disabled),
  .button.primary:hover {
    border-color: transparent;
    filter: brightness(1.08);
  }
  button:disabled {
    cursor: default;
    opacity: 0.65;
  }

  label {
    font-size: 0.875em;
    font-weight: 600;
  }

  input,
  select,
  textarea {
    min-height: 2.5rem;
    padding: 0.4em 0.7em;
    font: inherit;
    font-size: 0.9375em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    min-height: 5rem;
    resize: vertical;
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 0.85;
  }
  input[type='checkbox'] {
    min-height: 0;
    width: 1.15rem;
    height: 1.15rem;
    margin: 0;
    accent-color: var(--_accent);
    cursor: pointer;
  }
`;
