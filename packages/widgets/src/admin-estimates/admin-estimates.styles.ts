import { css } from 'lit';
import { rowActionStyles } from '../admin/row-actions.styles.js';
import { invoiceTableStyles } from '../shared/invoice-table.styles.js';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const adminEstimatesStyles = [
  themeTokens,
  controlStyles,
  invoiceTableStyles,
  rowActionStyles,
  css`
    /* The estimate statuses an invoice does not have, in the invoice colours that mean the same. */
    .status-expired {
      --_s: var(--_status-overdue);
    }
    .status-accepted,
    .status-converted {
      --_s: var(--_status-paid);
    }
    .status-declined {
      --_s: var(--_status-overdue);
    }
    /* Void: the draft grey, which reads on its tint (the lighter void grey does not at this size). */
    .status-void {
      --_s: var(--_status-draft);
    }
    td.invoice {
      white-space: nowrap;
    }
    @container invoices (max-width: 46rem) {
      tbody tr {
        grid-template-areas:
          'number status'
          'client client'
          'valid amount'
          'invoice invoice'
          'action action';
      }
      td.valid-until {
        grid-area: valid;
      }
      td.invoice {
        grid-area: invoice;
      }
      td.invoice:empty {
        display: none;
      }
    }
  `,
];
