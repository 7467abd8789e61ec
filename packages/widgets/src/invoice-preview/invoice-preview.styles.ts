import { css } from 'lit';
import { statusBadgeStyles } from '../shared/invoice-table.styles.js';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

/**
 * The document is a size container (`invoice`): 40rem and wider, line items
 * are a table; narrower, each line is a card. Print drops the buttons, the
 * shadows and the page background.
 */
export const invoicePreviewStyles = [
  themeTokens,
  controlStyles,
  statusBadgeStyles,
  css`
    .root {
      container: invoice / inline-size;
    }
    .message-plain {
      margin: 0;
    }
    .message.with-button {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }

    .invoice {
      display: grid;
      gap: calc(var(--_space) * 3);
      max-width: var(--portico-invoice-max-width, 56rem);
      margin-inline: auto;
      padding: calc(var(--_space) * 4);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-block-start: 6px solid var(--_accent);
      border-radius: var(--_radius);
    }

    .head {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      justify-content: space-between;
      gap: calc(var(--_space) * 2);
    }
    .brand {
      display: flex;
      align-items: center;
      gap: calc(var(--_space) * 1.5);
      min-width: 0;
      font-family: var(--_heading-font);
      font-size: 1.15em;
      font-weight: 650;
    }
    .logo {
      display: block;
      height: 2.5em;
      width: auto;
      max-width: 10em;
      object-fit: contain;
    }
    .business-name {
      overflow-wrap: anywhere;
    }
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space) calc(var(--_space) * 1.5);
    }
    .title {
      font-size: 1.5em;
      font-weight: 700;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    .icon {
      flex: none;
    }
    .pdf-error {
      color: var(--_danger);
      font-size: 0.875em;
    }

    dl {
      margin: 0;
    }
    dt {
      font-size: 0.8125em;
      color: var(--_muted);
    }
    dd {
      margin: 0;
    }
    .overdue {
      color: var(--_danger);
    }

    .meta {
      display: grid;
      grid-template-columns: repeat(3, minmax(0, auto));
      justify-content: space-between;
      gap: calc(var(--_space) * 2) calc(var(--_space) * 3);
      padding-block: calc(var(--_space) * 2);
      border-block: 1px solid var(--_border);
    }
    .meta dd {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .meta .balance-due dd {
      font-size: 1.25em;
      font-variant-numeric: tabular-nums;
    }

    /* ---- line items ---- */
    .lines {
      width: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .lines th,
    .lines td {
      padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1);
      text-align: start;
      vertical-align: top;
      border-block-end: 1px solid var(--_border);
    }
    .lines thead th {
      font-size: 0.8125em;
      font-weight: 600;
      color: var(--_muted);
      white-space: nowrap;
    }
    .lines th:first-child,
    .lines td:first-child {
      padding-inline-start: 0;
    }
    .lines th:last-child,
    .lines td:last-child {
      padding-inline-end: 0;
    }
    .lines thead th {
      border-block-end: 2px solid var(--_text);
    }
    .lines .num {
      text-align: end;
      white-space: nowrap;
    }
    .lines td.desc {
      width: 100%;
      overflow-wrap: anywhere;
    }

    /* ---- totals, notes ---- */
    .bottom {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(16rem, auto);
      gap: calc(var(--_space) * 3);
      align-items: start;
    }
    .side {
      display: grid;
      gap: calc(var(--_space) * 2);
      align-content: start;
    }
    .pay::part(pay-button) {
      width: 100%;
    }
    .totals {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      font-variant-numeric: tabular-nums;
    }
    .totals div {
      display: flex;
      justify-content: space-between;
      gap: calc(var(--_space) * 3);
    }
    .totals dt {
      font-size: 1em;
      color: var(--_text);
    }
    .totals dd {
      white-space: nowrap;
    }
    .totals .total {
      padding-block-start: calc(var(--_space) * 0.75);
      border-block-start: 1px solid var(--_border);
      font-weight: 700;
    }
    .totals .balance {
      margin-block-start: calc(var(--_space) * 0.5);
      padding: calc(var(--_space) * 1) calc(var(--_space) * 1.25);
      font-size: 1.1em;
      font-weight: 700;
      background: var(--_bg);
      border-radius: calc(var(--_radius) * 0.7);
    }
    .totals .balance.overdue dt,
    .totals .balance.overdue dd {
      color: var(--_danger);
    }

    h3 {
      margin-block-end: calc(var(--_space) * 0.5);
      font-size: 0.875em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_muted);
    }
    .notes p {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .payments ul {
      display: grid;
      gap: calc(var(--_space) * 0.5);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .payments li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: var(--_space);
      padding-block: calc(var(--_space) * 0.75);
      border-block-end: 1px solid var(--_border);
    }
    .payments li > span:first-child {
      flex: 1 1 12rem;
    }
    .payments .amount {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .payments .receipt-link {
      white-space: nowrap;
    }
    .refunded {
      color: var(--_muted);
    }

    /* ---- parties, tax summary, terms, how to pay ---- */
    .parties {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: calc(var(--_space) * 2) calc(var(--_space) * 3);
    }
    .party p,
    .terms p {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .party-name {
      font-weight: 600;
    }
    .party address {
      display: grid;
      font-style: normal;
    }
    .party-ids {
      margin-block-start: calc(var(--_space) * 0.75);
    }
    .party-ids div,
    .bank-transfer dl div {
      display: flex;
      flex-wrap: wrap;
      gap: 0 var(--_space);
      align-items: baseline;
    }
    .tax-summary {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875em;
      font-variant-numeric: tabular-nums;
    }
    .tax-summary caption {
      text-align: start;
      font-weight: 600;
      color: var(--_muted);
    }
    .tax-summary th,
    .tax-summary td {
      padding: calc(var(--_space) * 0.5) 0;
      text-align: start;
      font-weight: normal;
      border-block-end: 1px solid var(--_border);
    }
    .tax-summary .num {
      text-align: end;
      white-space: nowrap;
      padding-inline-start: var(--_space);
    }
    .terms {
      display: grid;
      gap: var(--_space);
    }
    .terms p {
      white-space: pre-line;
    }
    .how-to-pay {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    .how-to-pay h3 {
      margin: 0;
    }
    h4 {
      margin: 0 0 calc(var(--_space) * 0.5);
      font-size: 1em;
    }
    .bank-transfer dl {
      display: grid;
      gap: calc(var(--_space) * 0.75);
    }
    .bank-transfer dd {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      font-weight: 600;
    }
    .bank-transfer .value {
      overflow-wrap: anywhere;
      font-variant-numeric: tabular-nums;
    }
    .copy {
      padding-block: 0.15em;
      font-size: 0.8125em;
    }
    .payment-instructions,
    .contact {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
    .contact a {
      margin-inline-end: var(--_space);
    }

    /* ---- medium: the three facts ---- */
    @container invoice (max-width: 52rem) {
      .meta {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
    }

    /* ---- narrow (a phone): line items as cards ---- */
    @container invoice (max-width: 40rem) {
      .invoice {
        padding: calc(var(--_space) * 2);
        gap: calc(var(--_space) * 2.5);
      }
      .title {
        font-size: 1.3em;
      }
      .actions > * {
        flex: 1 1 auto;
      }
      .meta {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .meta .balance-due {
        grid-column: 1 / -1;
      }
      .lines,
      .lines tbody {
        display: block;
      }
      .lines thead {
        display: none;
      }
      .lines tbody {
        display: grid;
        gap: var(--_space);
      }
      .lines tbody tr {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: calc(var(--_space) * 0.75) calc(var(--_space) * 1.5);
        padding: calc(var(--_space) * 1.5);
        background: var(--_bg);
        border: 0;
        border-radius: calc(var(--_radius) * 0.8);
      }
      .lines tbody tr > *,
      .lines tbody tr > .num {
        display: block;
        padding: 0;
        border: 0;
        text-align: start;
      }
      .lines td.desc {
        grid-column: 1 / -1;
        font-weight: 600;
      }
      .lines td.amount {
        font-weight: 600;
      }
      .lines td[data-label]::before {
        content: attr(data-label);
        display: block;
        font-size: 0.75em;
        font-weight: 600;
        color: var(--_muted);
      }
      .bottom {
        grid-template-columns: minmax(0, 1fr);
      }
      .bottom .side {
        order: -1;
      }
    }

    @media print {
      :host {
        background: none;
      }
      .invoice {
        max-width: none;
        padding: 0;
        border: 0;
        border-block-start: 6px solid var(--_accent);
        padding-block-start: 1rem;
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
      .actions,
      .copy {
        display: none;
      }
      .lines tbody tr {
        break-inside: avoid;
      }
    }
  `,
];
