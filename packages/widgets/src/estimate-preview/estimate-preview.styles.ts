import { css } from 'lit';
import { estimateStatusStyles } from '../estimates/estimate-status.js';
import { invoicePreviewStyles } from '../invoice-preview/invoice-preview.styles.js';

/** The invoice preview's look (the same document parts), with the estimate's status colours and its answer box. */
export const estimatePreviewStyles = [
  ...invoicePreviewStyles,
  estimateStatusStyles,
  css`
    .answer {
      display: grid;
      gap: calc(var(--_space) * 1.5);
      padding: calc(var(--_space) * 2);
      background: color-mix(in srgb, var(--_accent) 6%, var(--_surface));
      border: 1px solid color-mix(in srgb, var(--_accent) 35%, var(--_border));
      border-radius: var(--_radius);
    }
    .answer:focus {
      outline: none;
    }
    .answer:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .outcome-declined,
    .outcome-expired,
    .outcome-void {
      background: var(--_surface);
      border-color: var(--_border);
    }
    .answer p,
    .answer h3 {
      margin: 0;
    }
    .answer h3 {
      font-size: 1.05em;
    }
    .outcome-main {
      font-weight: 600;
    }
    .version {
      font-size: 0.8125em;
      overflow-wrap: anywhere;
    }
    .reason {
      white-space: pre-line;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .invoice-link {
      justify-self: start;
    }
    .answer-form {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    .field {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      max-width: 32rem;
    }
    .field.check {
      grid-template-columns: auto 1fr;
      align-items: start;
      column-gap: var(--_space);
      max-width: none;
    }
    .field.check input {
      margin-block-start: 0.15rem;
    }
    .field.check .field-error {
      grid-column: 2;
    }
    .field.check label {
      font-weight: 400;
      font-size: 1em;
    }
    .hint {
      font-size: 0.8125em;
    }
    .field-error {
      font-size: 0.875em;
      font-weight: 600;
      color: var(--_danger);
    }
    [aria-invalid='true'] {
      border-color: var(--_danger);
      outline-color: var(--_danger);
    }

    @media print {
      .answer:not(.outcome) {
        display: none;
      }
      .invoice-link {
        display: none;
      }
    }
  `,
];
