import { PorticoStatement } from './statement.component.js';

export { PorticoStatement };

/** Registers `<portico-statement>` (or `tagName`): `PorticoStatement.define()` under the name it had first. */
export const definePorticoStatement = (tagName?: string): void => PorticoStatement.define(tagName);

PorticoStatement.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-statement': PorticoStatement;
  }
}
