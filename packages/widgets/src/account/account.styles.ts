import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const accountStyles = [
  themeTokens,
  controlStyles,
  css`
    .root {
      display: grid;
      gap: calc(var(--_space) * 3);
      max-width: 48rem;
    }
    .section {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    h3 {
      font-size: 1.05em;
    }
    .intro,
    .hint {
      margin: 0;
      font-size: 0.875em;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
      gap: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
    }
    .field {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      align-content: start;
    }
    .field.wide,
    .actions {
      grid-column: 1 / -1;
    }
    input:not([type='checkbox']),
    select {
      width: 100%;
    }
    input[readonly] {
      color: var(--_muted);
      background: transparent;
      border-style: dashed;
    }
    input[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--_danger);
    }
    .locked {
      color: var(--_muted);
      font-style: italic;
    }
    .check {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 0.75);
    }
    .check label {
      font-weight: 400;
    }
    .contacts {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .contact {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space) calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 1.5);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .who {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: 0 calc(var(--_space) * 0.75);
      flex: 1 1 14rem;
    }
    .contact-name {
      font-weight: 600;
    }
    .contact-email {
      flex-basis: 100%;
      font-size: 0.875em;
      overflow-wrap: anywhere;
    }
    .tag {
      padding: 0 0.5em;
      font-size: 0.75em;
      color: var(--_muted);
      border: 1px solid var(--_border);
      border-radius: 999px;
    }
  `,
];
