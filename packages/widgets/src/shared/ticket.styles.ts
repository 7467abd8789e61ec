import { css } from 'lit';
import { countBadge } from './theme.styles.js';

/**
 * What the ticket widgets share: status badges, the unread dot, messages
 * (the client's on one side, the business's on the other, internal notes
 * striped and labelled: nothing a client ever sees looks like them), text
 * areas and selects, and the error under a field.
 */
export const ticketStyles = css`
  .status {
    --_s: var(--_status-sent);
    display: inline-block;
    padding: 0.05em 0.6em;
    font-size: 0.8125em;
    font-weight: 600;
    white-space: nowrap;
    color: var(--_s);
    background: color-mix(in srgb, var(--_s) 9%, var(--_surface));
    border: 1px solid color-mix(in srgb, var(--_s) 40%, transparent);
    border-radius: 999px;
  }
  .ticket-pending {
    --_s: var(--_status-paid);
  }
  .ticket-closed {
    --_s: var(--_status-draft);
  }

  .unread-dot {
    display: inline-block;
    flex: none;
    width: 0.6rem;
    height: 0.6rem;
    background: var(--_accent);
    border-radius: 50%;
  }

  ${countBadge}

  .messages {
    display: grid;
    gap: calc(var(--_space) * 1.5);
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .message-item {
    max-width: min(42rem, 92%);
    padding: calc(var(--_space) * 1.25) calc(var(--_space) * 2);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .message-item.own {
    justify-self: end;
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
    border-color: color-mix(in srgb, var(--_accent) 35%, var(--_border));
  }
  .message-item.system {
    justify-self: center;
    color: var(--_muted);
  }
  .message-item.note {
    background: repeating-linear-gradient(-45deg, var(--_note-bg), var(--_note-bg) 10px, var(--_note-stripe) 10px, var(--_note-stripe) 20px);
    border: 2px dashed var(--_note-border);
  }
  .message-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem var(--_space);
    margin-block-end: 0.25rem;
    font-size: 0.875em;
  }
  .author {
    font-weight: 650;
  }
  .meta {
    color: var(--_muted);
  }
  .note-label {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0 0.5em;
    font-weight: 700;
    color: var(--_note-text);
    background: var(--_surface);
    border: 1px solid var(--_note-border);
    border-radius: 999px;
  }
  .bounce {
    margin: 0.35rem 0 0;
    padding-inline-start: 0.5rem;
    font-size: 0.875em;
    color: var(--_danger);
    border-inline-start: 3px solid var(--_danger);
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .attachments {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem var(--_space);
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }
  .file-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem var(--_space);
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
  }
  .file-picker.dropping {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, transparent);
  }
  .attach {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    padding: 0.4em 0.8em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .file-input:focus-visible + .attach {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .chosen-files {
    flex-basis: 100%;
    display: grid;
    gap: 0.25rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .chosen-files li {
    display: flex;
    align-items: center;
    gap: var(--_space);
    overflow-wrap: anywhere;
  }
  .attachments a {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    color: var(--_link);
    overflow-wrap: anywhere;
  }

  textarea,
  select {
    width: 100%;
    padding: 0.5em 0.7em;
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  textarea {
    min-height: 6rem;
    resize: vertical;
  }
  select {
    min-height: 2.5rem;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
  }
  .field {
    display: grid;
    gap: 0.3rem;
  }
  .field-error {
    margin: 0;
    font-size: 0.875em;
    color: var(--_danger);
  }
  .back-button {
    justify-self: start;
  }
  :host([dir='rtl']) .back-icon,
  [dir='rtl'] .back-icon {
    transform: scaleX(-1);
  }
  [hidden] {
    display: none !important;
  }
`;

/** A ticket in a list (the client's and the inbox's): a button with the dot, subject, status and a line of details. */
export const ticketRowStyles = css`
  .ticket {
    display: grid;
    grid-template-columns: 0.75rem minmax(0, 1fr) auto;
    grid-template-areas:
      'dot subject status'
      'dot meta meta';
    align-items: center;
    gap: 0.15rem var(--_space);
    width: 100%;
    text-align: start;
    font-size: 1em;
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
  .ticket[aria-current='true'] {
    border-color: var(--_accent);
    border-inline-start-width: 4px;
  }
`;

/** The internal-note colours and link colour: custom properties with light and dark defaults. */
export const ticketTokens = css`
  :host {
    --_note-bg: var(--portico-note-background, light-dark(#fff7d6, #2e2610));
    --_note-stripe: var(--portico-note-stripe, light-dark(#fdf0bd, #3a3014));
    --_note-border: var(--portico-note-border, light-dark(#a16207, #eab308));
    --_note-text: var(--portico-note-text, light-dark(#713f12, #fde68a));
    --_link: var(--portico-link, var(--portico-accent, light-dark(#1d4ed8, #93b4ff)));
  }
`;
