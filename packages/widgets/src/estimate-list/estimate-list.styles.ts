import { css } from 'lit';
import { estimateStatusStyles } from '../estimates/estimate-status.js';
import { invoiceListStyles } from '../invoice-list/invoice-list.styles.js';

/** The invoice list's look (table, cards when narrow, selection, download box), with the estimates' columns and status colours. */
export const estimateListStyles = [
  ...invoiceListStyles,
  estimateStatusStyles,
  css`
    @container invoices (max-width: 46rem) {
      tbody tr {
        grid-template-areas:
          'select number status'
          'select issued due'
          'select amount amount';
      }
    }
  `,
];
