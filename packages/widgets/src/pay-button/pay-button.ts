import { PorticoPayButton } from './pay-button.component.js';

export { PorticoPayButton };

/** Registers `<portico-pay-button>` (or `tagName`): `PorticoPayButton.define()` under the name it had first. */
export const definePorticoPayButton = (tagName?: string): void => PorticoPayButton.define(tagName);

PorticoPayButton.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-pay-button': PorticoPayButton;
  }
}
