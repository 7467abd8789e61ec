/**
 * Entry of `dist/portico-widgets.js`: every widget, lit included, with every
 * tag registered. One `<script type="module">` adds the portal to any page.
 */
import './portal/portal.js';

export * from './index.js';
export { definePorticoPortal } from './portal/portal.js';
