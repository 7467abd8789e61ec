import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';
import { ticketStyles, ticketTokens } from '../shared/ticket.styles.js';

/** Shared with `<portico-admin-inbox>`'s thread pane. */
export const threadLayoutStyles = css`
  .thread {
    display: grid;
    gap: calc(var(--_space) * 2);
  }
  .thread-head {
    display: grid;
    gap: 0.35rem;
  }
  .thread-head h2,
  .thread-head h3 {
    font-size: 1.25em;
    overflow-wrap: anywhere;
  }
  .thread-meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem calc(var(--_space) * 1.5);
    font-size: 0.875em;
    color: var(--_muted);
  }
  .reply {
    display: grid;
    gap: var(--_space);
  }
  .reply-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .notice {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
`;

export const ticketThreadStyles = [themeTokens, ticketTokens, controlStyles, ticketStyles, threadLayoutStyles];
