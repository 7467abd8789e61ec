import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';
import { ticketRowStyles, ticketStyles, ticketTokens } from '../shared/ticket.styles.js';

export const ticketListStyles = [
  themeTokens,
  ticketTokens,
  controlStyles,
  ticketStyles,
  ticketRowStyles,
  css`
    .root {
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
    h2 {
      display: flex;
      align-items: center;
      gap: var(--_space);
      font-size: 1.25em;
    }
    .tickets {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .ticket {
      min-height: 3.5rem;
      padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    }
    .preview {
      flex-basis: 100%;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .state {
      margin: 0;
    }
  `,
];
