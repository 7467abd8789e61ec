import { css } from 'lit';

/**
 * Styles of the shared invoice table pieces (see `invoice-table.ts`). The
 * widget's root is a size container named `invoices`: narrower than 46rem
 * the table turns into one card per invoice, and the header row into a bar
 * of sort buttons. The common cells take the grid areas named after them
 * (number, status, issued, due, amount, balance); each widget arranges
 * those areas, and places its own cells, with `grid-template-areas` on
 * `tbody tr`.
 */
const tableStyles = css`
  .root {
    container: invoices / inline-size;
    display: grid;
    gap: calc(var(--_space) * 2);
  }

  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  .top h2 {
    font-size: 1.2em;
  }

  /* ---- filters ---- */

  .filters {
    display: grid;
    gap: calc(var(--_space) * 1.5);
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .chip {
    min-height: 2.25rem;
    padding: 0.3em 0.85em;
    border-radius: 999px;
    font-size: 0.875em;
  }
  .chip-count {
    min-width: 1.6em;
    padding: 0 0.4em;
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
    text-align: center;
    color: var(--_text);
    background: var(--_bg);
    border-radius: 999px;
  }
  .chip[aria-pressed='true'] {
    font-weight: 600;
    color: var(--_on-accent);
    background: var(--_accent);
    border-color: var(--_accent);
  }
  .chip[aria-pressed='true'] .chip-count {
    color: var(--_on-accent);
    background: none;
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--_on-accent) 55%, transparent);
  }
  .fields {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    gap: var(--_space) calc(var(--_space) * 1.5);
  }
  .field {
    display: grid;
    flex: 1 1 9rem;
    gap: 0.2rem;
  }
  @container invoices (min-width: 46.01rem) {
    .field {
      flex: 0 1 auto;
    }
  }
  .field.search {
    flex: 1 1 14rem;
  }
  .field input {
    width: 100%;
  }
  .clear {
    min-height: 2.5rem;
  }
  .range-shown {
    margin: 0;
    font-size: 0.875em;
  }

  /* ---- table ---- */

  .table-wrap {
    min-width: 0;
  }
  table {
    width: 100%;
    border-collapse: separate;
    border-spacing: 0;
    font-variant-numeric: tabular-nums;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  th,
  td {
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
    text-align: start;
    vertical-align: middle;
    border-block-end: 1px solid var(--_border);
  }
  tbody tr:last-child > * {
    border-block-end: 0;
  }
  thead th {
    font-size: 0.8125em;
    font-weight: 600;
    color: var(--_muted);
    white-space: nowrap;
  }
  th.sortable {
    padding: calc(var(--_space) * 0.5);
  }
  th.money,
  td.money {
    text-align: end;
    white-space: nowrap;
  }
  th.money button {
    margin-inline-start: auto;
  }
  td.date {
    white-space: nowrap;
  }
  tbody tr {
    cursor: pointer;
  }
  tbody tr:hover > * {
    background: color-mix(in srgb, var(--_accent) 5%, var(--_surface));
  }
  tbody tr.selected > * {
    background: color-mix(in srgb, var(--_accent) 9%, var(--_surface));
  }
  tbody th {
    font-weight: 600;
  }

  [part~='sort-button'] {
    display: flex;
    gap: 0.35em;
    width: 100%;
    min-height: 2.25rem;
    padding: 0.25em calc(var(--_space) * 1);
    font-size: 1em;
    font-weight: 600;
    color: inherit;
    background: transparent;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) * 0.6);
    justify-content: flex-start;
    white-space: nowrap;
  }
  th.money [part~='sort-button'] {
    justify-content: flex-end;
  }
  [part~='sort-button']:hover:not(:disabled) {
    color: var(--_text);
    border-color: var(--_border);
  }
  th[aria-sort] [part~='sort-button'] {
    color: var(--_text);
  }
  .sort-icon {
    flex: none;
    fill: currentColor;
  }
  .sort-icon path {
    opacity: 0.3;
  }
  th[data-order='asc'] .sort-icon .up,
  th[data-order='desc'] .sort-icon .down {
    opacity: 1;
  }

  .open {
    min-height: 0;
    padding: 0;
    font-weight: 600;
    /* Text colour, accent underline: readable whatever the brand colour, light or dark. */
    color: var(--_text);
    text-align: start;
    text-decoration: underline;
    text-decoration-color: var(--_accent);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.2em;
    background: none;
    border: 0;
    border-radius: 2px;
  }
  .open.unnumbered {
    font-style: italic;
  }

  .state {
    margin: 0;
    padding: calc(var(--_space) * 3) calc(var(--_space) * 2);
    text-align: center;
    background: var(--_surface);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .message.state {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    text-align: start;
    border-style: solid;
  }

  .footer {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    color: var(--_muted);
    font-size: 0.9375em;
  }

  /* ---- narrow: one card per invoice ---- */

  @container invoices (max-width: 46rem) {
    table,
    thead,
    tbody {
      display: block;
      background: none;
      border: 0;
    }
    thead tr {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) * 0.5);
      padding-block-end: var(--_space);
    }
    thead th {
      display: block;
      padding: 0;
      border: 0;
    }
    thead th:not(.sortable):not(.select) {
      display: none;
    }
    thead th.select {
      padding-inline: calc(var(--_space) * 1.25) var(--_space);
    }
    th.sortable [part~='sort-button'],
    th.money [part~='sort-button'] {
      width: auto;
      min-height: 2.25rem;
      font-size: 0.875em;
      border-color: var(--_border);
      border-radius: 999px;
      background: var(--_surface);
    }
    th[aria-sort] [part~='sort-button'] {
      border-color: var(--_accent);
    }
    tbody {
      display: grid;
      gap: var(--_space);
    }
    tbody tr {
      display: grid;
      gap: calc(var(--_space) * 0.75) calc(var(--_space) * 2);
      padding: calc(var(--_space) * 1.5);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    tbody tr > * {
      display: block;
      padding: 0;
      border: 0;
      background: none !important;
    }
    /* The cells every invoice table has, each in the area of its name. */
    tbody th.number {
      grid-area: number;
    }
    td.status-cell {
      grid-area: status;
      justify-self: end;
    }
    td.issued {
      grid-area: issued;
    }
    td.due {
      grid-area: due;
    }
    td.amount {
      grid-area: amount;
    }
    td.balance {
      grid-area: balance;
    }
    tbody td[data-label]::before {
      content: attr(data-label);
      display: block;
      font-size: 0.75em;
      font-weight: 600;
      color: var(--_muted);
    }
    td.money {
      text-align: start;
    }
    tbody tr:hover {
      border-color: var(--_accent);
    }
    tbody tr.selected {
      border-color: var(--_accent);
      background: color-mix(in srgb, var(--_accent) 7%, var(--_surface));
    }
  }
`;

/** The status badge (`renderStatusBadge`). */
export const statusBadgeStyles = css`
  /* ---- status badge ---- */

  .status {
    --_s: var(--_status-sent);
    display: inline-block;
    padding: 0.1em 0.6em;
    font-size: 0.8125em;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
    color: var(--_s);
    background: color-mix(in srgb, var(--_s) 9%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_s) 40%, transparent);
    border-radius: 999px;
  }
  .status-draft {
    --_s: var(--_status-draft);
  }
  .status-partially_paid {
    --_s: var(--_status-partially-paid);
  }
  .status-overdue {
    --_s: var(--_status-overdue);
  }
  .status-paid {
    --_s: var(--_status-paid);
  }
  .status-void {
    --_s: var(--_status-void);
  }
`;

export const invoiceTableStyles = [statusBadgeStyles, tableStyles];
