import { PorticoAdminEstimates } from './admin-estimates.component.js';

export { PorticoAdminEstimates };

/** Registers `<portico-admin-estimates>` (or `tagName`): `PorticoAdminEstimates.define()` under the name it had first. */
export const definePorticoAdminEstimates = (tagName?: string): void => PorticoAdminEstimates.define(tagName);

PorticoAdminEstimates.define();

declare global {
  interface HTMLElementTagNameMap {
    'portico-admin-estimates': PorticoAdminEstimates;
  }
}
