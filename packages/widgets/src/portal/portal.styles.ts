import { css } from 'lit';
import { colorSchemeStyles, countBadge, messageBox, tokenDeclarations, visuallyHidden } from '../shared/theme.styles.js';

/**
 * Every colour, font, radius and spacing reads a `--portico-*` custom
 * property with a default. The business's brand colour arrives as `--_brand`
 * on the portal box and is used only when the page sets no `--portico-accent`.
 */
export const portalStyles = css`
  ${colorSchemeStyles}

  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }

  .portal {
    ${tokenDeclarations}

    box-sizing: border-box;
    max-width: var(--portico-max-width, 960px);
    margin-inline: auto;
    overflow: hidden;
    font-family: var(--_font);
    font-size: var(--portico-font-size, 1rem);
    line-height: 1.5;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
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

  /* ---- header ---- */

  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    padding: calc(var(--_space) * 2) calc(var(--_space) * 3);
    background: var(--_surface);
    border-block-end: 4px solid var(--_accent);
  }

  .brand {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
    margin-inline-end: auto;
    min-width: 0;
    font-family: var(--_heading-font);
    font-size: 1.25em;
    font-weight: 650;
  }

  .logo {
    display: block;
    height: 2.25em;
    width: auto;
    max-width: 10em;
    object-fit: contain;
  }

  .business-name {
    overflow-wrap: anywhere;
  }

  .who {
    display: flex;
    flex-direction: column;
    text-align: end;
    font-size: 0.875em;
    line-height: 1.35;
  }
  .who-name {
    font-weight: 600;
  }
  .who-email,
  .who-client {
    color: var(--_muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }

  /* ---- controls ---- */

  button {
    min-height: 2.5rem;
    padding: 0.45em 1em;
    font: inherit;
    font-size: 0.9375em;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    border-color: var(--_accent);
  }
  button.primary {
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: transparent;
  }
  button.primary:hover:not(:disabled) {
    border-color: transparent;
    filter: brightness(1.08);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.65;
  }

  .form {
    display: grid;
    gap: var(--_space);
    margin-block: calc(var(--_space) * 2);
  }

  label {
    font-size: 0.875em;
    font-weight: 600;
  }

  input {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5em 0.75em;
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  input::placeholder {
    color: var(--_muted);
    opacity: 0.8;
  }
  input[aria-invalid='true'] {
    border-color: var(--_danger);
  }

  /* ---- tabs ---- */

  .tabs {
    display: flex;
    gap: calc(var(--_space) * 3);
    padding-inline: calc(var(--_space) * 3);
    overflow-x: auto;
    background: var(--_surface);
    border-block-end: 1px solid var(--_border);
  }

  .tab {
    min-height: 2.75rem;
    padding: calc(var(--_space) * 1.25) 0.25em;
    color: var(--_muted);
    background: transparent;
    border: 0;
    border-block-end: 3px solid transparent;
    border-radius: 0;
  }
  .tab:hover:not(:disabled) {
    color: var(--_text);
  }
  .tab[aria-selected='true'] {
    font-weight: 600;
    color: var(--_text);
    border-block-end-color: var(--_accent);
  }
  .tab:focus-visible {
    outline-offset: -3px;
  }

  /* ---- panels ---- */

  .panel {
    padding: calc(var(--_space) * 3);
  }
  .panel.narrow {
    max-width: 30rem;
    margin-inline: auto;
    padding-block: calc(var(--_space) * 4);
  }
  .panel:focus-visible {
    outline-offset: -3px;
  }
  .panel > p {
    margin-block: 0 calc(var(--_space) * 2);
  }

  .panel-heading {
    margin: 0 0 var(--_space);
    font-family: var(--_heading-font);
    font-size: 1.3em;
    line-height: 1.25;
  }
  .panel-heading:focus {
    outline: none;
  }

  .loading {
    color: var(--_muted);
  }

  ${messageBox}
  .message {
    margin-block: calc(var(--_space) * 2);
  }
  .message.sent p {
    margin: 0;
  }
  .header + .message {
    margin: calc(var(--_space) * 2) calc(var(--_space) * 3) 0;
  }

  /* ---- account ---- */

  .facts {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr));
    gap: calc(var(--_space) * 2);
    margin: calc(var(--_space) * 2) 0 0;
  }
  .fact {
    padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  dt {
    font-size: 0.8125em;
    color: var(--_muted);
  }
  dd {
    margin: 0;
    font-weight: 600;
    overflow-wrap: anywhere;
  }

  /* ---- invoices ---- */

  [hidden] {
    display: none !important;
  }
  .invoices-home,
  .invoice-view {
    display: grid;
    gap: calc(var(--_space) * 4);
  }
  .invoice-view {
    gap: calc(var(--_space) * 2);
  }
  .back {
    justify-self: start;
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
  }
  .portal[dir='rtl'] .back-icon {
    transform: scaleX(-1);
  }

  /* ---- support ---- */

  .support-home,
  .ticket-view,
  .estimate-view {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  ${countBadge}
  .tab-badge {
    margin-inline-start: 0.4em;
  }
  ${visuallyHidden}

  @media print {
    .portal {
      max-width: none;
      background: none;
      border: 0;
    }
    .header,
    .tabs,
    .back,
    .header + .message {
      display: none;
    }
    .panel {
      padding: 0;
    }
  }

  @media (max-width: 40rem) {
    .header {
      padding-inline: calc(var(--_space) * 2);
    }
    .who {
      text-align: start;
      flex-basis: 100%;
    }
    .tabs,
    .panel {
      padding-inline: calc(var(--_space) * 2);
    }
  }
`;
