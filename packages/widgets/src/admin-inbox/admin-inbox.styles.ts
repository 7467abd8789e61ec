import { css } from 'lit';
import { controlStyles, themeTokens } from '../shared/theme.styles.js';
import { ticketRowStyles, ticketStyles, ticketTokens } from '../shared/ticket.styles.js';
import { threadLayoutStyles } from '../ticket-thread/ticket-thread.styles.js';
import { quotedTextStyles } from './quoted-text.js';

export const adminInboxStyles = [
  themeTokens,
  ticketTokens,
  controlStyles,
  ticketStyles,
  ticketRowStyles,
  threadLayoutStyles,
  quotedTextStyles,
  css`
    :host {
      container: inbox / inline-size;
    }
    .root {
      display: grid;
      gap: calc(var(--_space) * 2);
    }
    .top,
    .filters,
    .thread-actions,
    .held-actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
    }
    .top {
      justify-content: space-between;
    }
    h2 {
      display: flex;
      align-items: center;
      gap: var(--_space);
      font-size: 1.25em;
    }
    h3 {
      font-size: 1.1em;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(16rem, 2fr) minmax(0, 3fr);
      gap: calc(var(--_space) * 2);
      align-items: start;
    }
    @container inbox (max-width: 48rem) {
      .layout {
        grid-template-columns: minmax(0, 1fr);
      }
    }
    .list-pane {
      display: grid;
      gap: calc(var(--_space) * 1.5);
    }
    .chip[aria-pressed='true'],
    [part~='held-button'][aria-pressed='true'] {
      font-weight: 600;
      color: var(--_on-accent);
      background: var(--_accent);
      border-color: transparent;
    }
    .unread-filter {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      font-weight: 400;
    }
    .tickets,
    .held-list,
    .contacts {
      display: grid;
      gap: var(--_space);
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .pane {
      display: grid;
      gap: calc(var(--_space) * 2);
      padding: calc(var(--_space) * 2);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .pane .message-item:not(.own):not(.note) {
      background: var(--_bg);
    }
    .contacts {
      gap: 0.15rem;
      font-size: 0.875em;
    }
    .contacts a {
      color: var(--_link);
    }
    .reply.note-mode textarea {
      background: var(--_note-bg);
      border: 2px dashed var(--_note-border);
    }
    .reply.note-mode .hint {
      color: var(--_note-text);
    }
    .hint {
      margin: 0;
      font-size: 0.875em;
    }
    .note-toggle {
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
    }
    .held-item {
      display: grid;
      gap: 0.35rem;
      padding: calc(var(--_space) * 1.5);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    .held-item .body {
      padding: var(--_space);
      background: var(--_bg);
      border-radius: var(--_radius);
    }
  `,
];
