import { PorticoAdminInbox } from './admin-inbox.component.js';

export { PorticoAdminInbox };

/**
 * Registers `<portico-admin-inbox>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoAdminInbox(tagName = 'portico-admin-inbox'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-admin-inbox' ? PorticoAdminInbox : class extends PorticoAdminInbox {});
}

definePorticoAdminInbox();

declare global {
  interface HTMLElementTagNameMap {
    'portico-admin-inbox': PorticoAdminInbox;
  }
}
