import { PorticoAdminInbox } from './admin-inbox.component.js';

export { PorticoAdminInbox };

/** Registers `<portico-admin-inbox>` (or `tagName`): `PorticoAdminInbox.define()` under the name it had first. */
export const definePorticoAdminInbox = (tagName?: string): void => PorticoAdminInbox.define(tagName);

PorticoAdminInbox.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-admin-inbox': PorticoAdminInbox;
  }
}
