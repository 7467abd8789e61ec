import { PorticoEstimatePreview } from './estimate-preview.component.js';

export { PorticoEstimatePreview };

/** Registers `<portico-estimate-preview>` (or `tagName`): `PorticoEstimatePreview.define()` under the name it had first. */
export const definePorticoEstimatePreview = (tagName?: string): void => PorticoEstimatePreview.define(tagName);

PorticoEstimatePreview.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-estimate-preview': PorticoEstimatePreview;
  }
}
