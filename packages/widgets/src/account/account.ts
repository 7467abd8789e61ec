import { PorticoAccount } from './account.component.js';

export { PorticoAccount };

/** Registers `<portico-account>` (or `tagName`): `PorticoAccount.define()` under the name it had first. */
export const definePorticoAccount = (tagName?: string): void => PorticoAccount.define(tagName);

PorticoAccount.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-account': PorticoAccount;
  }
}
