import { css } from 'lit';
import { invoiceTableStyles } from '../shared/invoice-table.styles.js';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const invoiceListStyles = [
  themeTokens,
  controlStyles,
  invoiceTableStyles,
  css`
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
    .icon {
      flex: none;
    }

    th.select,
    td.select {
      width: 1%;
      padding-inline-end: 0;
    }
    .select input {
      display: block;
    }
    .select-all {
      display: flex;
      align-items: center;
      gap: 0.5em;
      font-weight: 600;
      cursor: pointer;
    }
    /* "Select all" is read out in the table, and shown beside the box on cards. */
    .select-all-text {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    td.balance.owing {
      font-weight: 600;
    }
    th.pay,
    td.pay {
      width: 1%;
      white-space: nowrap;
    }
    td.pay {
      padding-block: calc(var(--_space) * 0.5);
    }

    .selection {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 2);
      padding: var(--_space) calc(var(--_space) * 2);
      background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
      border: 1px solid color-mix(in srgb, var(--_accent) 35%, var(--_border));
      border-radius: var(--_radius);
    }

    .download {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      padding: calc(var(--_space) * 1.5) calc(var(--_space) * 2);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .download.done {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }
    .progress-row {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 1.5);
    }
    .progress {
      flex: 1;
      height: 0.75rem;
      overflow: hidden;
      background: var(--_chart-track);
      border-radius: 999px;
    }
    .progress-fill {
      height: 100%;
      background: var(--_accent);
      border-radius: inherit;
      transition: inline-size 0.2s ease-out;
    }
    .progress-text {
      font-size: 0.875em;
      color: var(--_muted);
      font-variant-numeric: tabular-nums;
    }

    @media (prefers-reduced-motion: reduce) {
      .progress-fill {
        transition: none;
      }
    }

    @container invoices (max-width: 46rem) {
      .select-all-text {
        position: static;
        width: auto;
        height: auto;
        clip: auto;
      }
      thead th.select {
        flex-basis: 100%;
        padding-block-end: calc(var(--_space) * 0.5);
      }
      tbody tr {
        grid-template-columns: auto 1fr 1fr;
        grid-template-areas:
          'select number status'
          'select issued due'
          'select amount balance'
          'select pay pay';
      }
      td.pay {
        grid-area: pay;
        width: auto;
      }
      td.pay:empty,
      td.pay:not(:has(portico-pay-button:not([state='hidden']))) {
        display: none;
      }
      td.select {
        grid-area: select;
        padding-block-start: 0.2rem;
      }
      .top .downloads {
        width: 100%;
      }
      .top .downloads button {
        flex: 1 1 auto;
      }
    }

    @media print {
      .filters,
      .downloads,
      .download,
      .selection,
      .footer button,
      th.select,
      td.select,
      th.pay,
      td.pay {
        display: none;
      }
    }
  `,
];
