import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';
import { ticketStyles, ticketTokens } from '../shared/ticket.styles.js';

export const ticketListStyles = [
  themeTokens,
  ticketTokens,
  controlStyles,
  ticketStyles,
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
      display: grid;
      grid-template-columns: 0.75rem minmax(0, 1fr) auto;
      grid-template-areas:
        'dot subject status'
        'dot meta meta';
      align-items: center;
      gap: 0.15rem var(--_space);
      width: 100%;
      min-height: 3.5rem;
      padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
      text-align: start;
      font-size: 1em;
    }
    .ticket.selected {
      border-color: var(--_accent);
      box-shadow: inset 3px 0 0 var(--_accent);
    }
    .ticket .unread-dot {
      grid-area: dot;
    }
    .subject {
      grid-area: subject;
      overflow-wrap: anywhere;
    }
    .ticket.unread .subject {
      font-weight: 700;
    }
    .ticket .status {
      grid-area: status;
    }
    .ticket-meta {
      grid-area: meta;
      display: flex;
      flex-wrap: wrap;
      gap: 0 calc(var(--_space) * 1.5);
      font-size: 0.8125em;
      color: var(--_muted);
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
