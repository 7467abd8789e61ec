import { PorticoStatement } from './statement.component.js';

export { PorticoStatement };

/**
 * Registers `<portico-statement>`. Safe to run twice (a page may load two
 * copies of the widgets): the first definition wins.
 */
export function definePorticoStatement(tagName = 'portico-statement'): void {
  if (!customElements.get(tagName)) customElements.define(tagName, tagName === 'portico-statement' ? PorticoStatement : class extends PorticoStatement {});
}

definePorticoStatement();

declare global {
  interface HTMLElementTagNameMap {
    'portico-statement': PorticoStatement;
  }
}
