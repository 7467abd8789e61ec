import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';

export const statementStyles = [
  themeTokens,
  controlStyles,
  css`
    .root {
      container: statement / inline-size;
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    .top {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: var(--_space);
    }
    .top h2 {
      font-size: 1.2em;
    }
    .as-of {
      font-size: 0.875em;
    }
    .message-plain {
      margin: 0;
    }
    .message.error {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: var(--_space);
    }

    .currencies {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr));
      gap: calc(var(--_space) * 2);
    }
    .currency {
      display: grid;
      align-content: start;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .currency h3 {
      font-size: 1em;
    }

    .figures {
      display: grid;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: var(--_space);
      margin: 0;
    }
    .figure {
      min-width: 0;
      padding: calc(var(--_space) * 1.25) calc(var(--_space) * 1.5);
      background: var(--_bg);
      border-radius: calc(var(--_radius) * 0.8);
    }
    dt {
      font-size: 0.8125em;
      color: var(--_muted);
    }
    dd {
      margin: 0;
    }
    dd.amount {
      font-size: 1.25em;
      font-weight: 650;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }
    .figure.overdue dd.amount {
      color: var(--_danger);
    }
    dd.detail,
    dd.none {
      font-size: 0.8125em;
      color: var(--_muted);
    }
    dd.none {
      padding-block-start: 0.35em;
    }

    .aging {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875em;
      font-variant-numeric: tabular-nums;
    }
    .aging caption {
      margin-block-end: calc(var(--_space) * 0.5);
      font-weight: 600;
      text-align: start;
    }
    .aging th,
    .aging td {
      padding: 0.2rem 0;
    }
    .aging th {
      width: 1%;
      padding-inline-end: calc(var(--_space) * 1.5);
      font-weight: 400;
      text-align: start;
      white-space: nowrap;
    }
    .aging .track {
      width: 100%;
    }
    .bar-track {
      display: block;
      overflow: hidden;
      background: var(--_chart-track);
      border-radius: 999px;
    }
    .bar {
      display: block;
      height: 0.7rem;
      background: var(--_chart-current);
      border-radius: 999px;
    }
    .bar.late {
      background: var(--_chart-overdue);
    }
    .aging td.amount {
      padding-inline-start: calc(var(--_space) * 1.5);
      text-align: end;
      white-space: nowrap;
    }
    .aging tr.empty {
      color: var(--_muted);
    }

    @container statement (max-width: 30rem) {
      .currency {
        padding: calc(var(--_space) * 1.5);
      }
      dd.amount {
        font-size: 1.1em;
      }
      .figure {
        padding: var(--_space) calc(var(--_space) * 1.25);
      }
    }
    @container statement (max-width: 17rem) {
      .figures {
        grid-template-columns: minmax(0, 1fr);
      }
    }

    @media (forced-colors: active) {
      .bar {
        background: CanvasText;
        forced-color-adjust: none;
      }
    }
    .statement-pdf {
      display: grid;
      gap: var(--_space);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .statement-pdf h3 {
      font-size: 1em;
    }
    .statement-pdf .intro,
    .statement-pdf .error {
      margin: 0;
      font-size: 0.875em;
    }
    .statement-pdf .error {
      color: var(--_danger);
    }
    .period {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: var(--_space) calc(var(--_space) * 2);
    }
    .period label {
      display: grid;
      gap: calc(var(--_space) * 0.5);
    }
    .period .icon {
      flex: none;
    }

    @media print {
      .statement-pdf {
        display: none;
      }
      .currency,
      .figure {
        background: none;
      }
      .bar {
        print-color-adjust: exact;
        -webkit-print-color-adjust: exact;
      }
    }
  `,
];
