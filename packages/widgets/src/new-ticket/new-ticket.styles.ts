import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';
import { ticketStyles, ticketTokens } from '../shared/ticket.styles.js';

export const newTicketStyles = [
  themeTokens,
  ticketTokens,
  controlStyles,
  ticketStyles,
  css`
    .root {
      display: grid;
      gap: calc(var(--_space) * 2);
      max-width: 40rem;
    }
    h2 {
      font-size: 1.25em;
    }
    form {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    input {
      width: 100%;
    }
    textarea {
      min-height: 10rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
    }
  `,
];
