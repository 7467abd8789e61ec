import { css } from 'lit';
import { rowActionStyles } from '../admin/row-actions.styles.js';
import { invoiceTableStyles } from '../shared/invoice-table.styles.js';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const adminInvoicesStyles = [
  themeTokens,
  controlStyles,
  invoiceTableStyles,
  rowActionStyles,
  css`
    tbody th.unnumbered {
      font-style: italic;
      font-weight: 400;
      color: var(--_muted);
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
        grid-template-areas:
          'number status'
          'client client'
          'issued due'
          'amount balance'
          'action action';
      }
    }
  `,
];
