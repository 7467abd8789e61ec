import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const payButtonStyles = [
  themeTokens,
  controlStyles,
  css`
    :host {
      /* Sits on whatever is around it (a table cell, the totals): nothing painted of its own but the button and its messages. */
      background: none;
    }
    :host([state='hidden']) {
      display: none;
    }

    .root {
      display: grid;
      gap: var(--_space);
      justify-items: start;
    }

    .pay {
      gap: 0.5em;
      min-height: 2.75rem;
      padding-inline: 1.15em;
      font-size: 1em;
      font-weight: 650;
      white-space: nowrap;
      box-shadow: 0 1px 2px rgb(0 0 0 / 0.12);
    }
    .pay .amount {
      font-variant-numeric: tabular-nums;
      padding-inline-start: 0.5em;
      border-inline-start: 1px solid color-mix(in srgb, var(--_on-accent) 45%, transparent);
    }
    :host([compact]) .pay {
      min-height: 2.25rem;
      padding-inline: 0.85em;
      font-size: 0.9375em;
    }
    .pay[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.8;
    }
    .icon {
      flex: none;
    }
    .spinner {
      animation: spin 0.9s linear infinite;
    }
    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }

    .message {
      display: flex;
      align-items: center;
      gap: 0.5em;
      padding: var(--_space) calc(var(--_space) * 1.5);
      font-size: 0.9375em;
      color: var(--_text);
    }
    .message.info {
      border-inline-start-color: var(--_accent);
    }
    .message.progress {
      border-inline-start-color: var(--_muted);
    }
    .message:focus,
    .paid:focus {
      outline: none;
    }
    .with-message {
      display: grid;
      gap: var(--_space);
      justify-items: start;
    }

    .paid {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.2em 0.5em;
      margin: 0;
      padding: var(--_space) calc(var(--_space) * 1.5);
      color: var(--_text);
      background: color-mix(in srgb, var(--_status-paid) 8%, var(--_surface));
      border: 1px solid color-mix(in srgb, var(--_status-paid) 45%, transparent);
      border-radius: var(--_radius);
    }
    .paid .icon,
    .paid strong {
      color: var(--_status-paid);
    }
    .paid .thanks {
      font-size: 0.875em;
      color: var(--_muted);
    }

    .checkout {
      justify-self: stretch;
      display: grid;
      gap: calc(var(--_space) * 1.5);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-block-start: 4px solid var(--_accent);
      border-radius: var(--_radius);
    }
    .checkout-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }
    .checkout-head h3 {
      font-size: 1.05em;
    }
    .checkout-body {
      min-height: 12rem;
      /* Stripe's form is light on its own: give it a light ground whatever the scheme. */
      padding: calc(var(--_space) * 1.5);
      background: #ffffff;
      border-radius: calc(var(--_radius) * 0.7);
    }

    @media print {
      :host {
        display: none;
      }
    }
  `,
];
