import { css } from 'lit';

/**
 * The action cell of the business's tables (`<portico-admin-invoices>`,
 * `<portico-admin-estimates>`): the buttons at the end of a row and what an
 * action answered ("Sent to 2 contacts", or the error) beside them.
 */
export const rowActionStyles = css`
  tbody tr {
    cursor: auto;
  }
  tbody th.number {
    white-space: nowrap;
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
  .action-box [part~='button'] {
    min-height: 2.25rem;
    padding-block: 0.3em;
  }
  .action-box [part~='button'][aria-disabled='true'] {
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

  @container invoices (max-width: 46rem) {
    /* Cards of two columns; each table names its own areas. */
    tbody tr {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
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
`;
