import { css } from 'lit';
import { invoiceTableStyles } from '../shared/invoice-table.styles.js';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const adminInvoicesStyles = [
  themeTokens,
  controlStyles,
  invoiceTableStyles,
  css`
    tbody tr {
      cursor: auto;
    }
    tbody th.number {
      white-space: nowrap;
    }
    tbody th.unnumbered {
      font-style: italic;
      font-weight: 400;
      color: var(--_muted);
    }
    td.client {
      overflow-wrap: anywhere;
    }
    th.action,
    td.action {
      width: 1%;
      white-space: nowrap;
    }
    .action-box {
      display: flex;
      align-items: center;
      justify-content: flex-end;
      gap: var(--_space);
    }
    [part~='send-button'] {
      min-height: 2.25rem;
      padding-block: 0.3em;
    }
    [part~='send-button'][aria-disabled='true'] {
      cursor: progress;
      opacity: 0.65;
    }
    .sent,
    .failed {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      font-size: 0.8125em;
      white-space: nowrap;
    }
    .sent {
      color: var(--_success);
    }
    .failed {
      color: var(--_danger);
    }
    /* One line of the wide table is "Sent to 2 contacts" under the button. */
    @container invoices (min-width: 46.01rem) {
      .action-box {
        flex-direction: column;
        align-items: flex-end;
        gap: 0.2rem;
      }
    }

    @container invoices (max-width: 46rem) {
      tbody tr {
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        grid-template-areas:
          'number status'
          'client client'
          'issued due'
          'amount balance'
          'action action';
      }
      td.client {
        grid-area: client;
      }
      td.action {
        grid-area: action;
        width: auto;
      }
      td.action:empty,
      .action-box:empty {
        display: none;
      }
      .action-box {
        justify-content: flex-start;
        flex-wrap: wrap;
      }
    }
  `,
];
