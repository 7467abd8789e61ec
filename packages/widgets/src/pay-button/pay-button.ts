import { PorticoPayButton } from './pay-button.component.js';

export { PorticoPayButton };

/**
 * Registers `<portico-pay-button>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoPayButton(tagName = 'portico-pay-button'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-pay-button' ? PorticoPayButton : class extends PorticoPayButton {});
}

definePorticoPayButton();

declare global {
  interface HTMLElementTagNameMap {
    'portico-pay-button': PorticoPayButton;
  }
}
