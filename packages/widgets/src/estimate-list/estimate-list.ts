import { PorticoEstimateList } from './estimate-list.component.js';

export { PorticoEstimateList };

/** Registers `<portico-estimate-list>` (or `tagName`): `PorticoEstimateList.define()` under the name it had first. */
export const definePorticoEstimateList = (tagName?: string): void => PorticoEstimateList.define(tagName);

PorticoEstimateList.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-estimate-list': PorticoEstimateList;
  }
}
