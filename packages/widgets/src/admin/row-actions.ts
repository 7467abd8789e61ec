import { html } from 'lit';

/** The tick beside "Sent to 2 contacts" in the business's tables. */
export const checkIcon = html`<svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
  <path d="m3 8.5 3 3 7-7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" />
</svg>`;
