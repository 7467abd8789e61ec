/**
 * The estimate widgets, one chunk: registers `<portico-estimate-list>` and
 * `<portico-estimate-preview>` (and the portal's tab that shows them). The portal imports it when its Estimates
 * tab opens, so a client who never looks at estimates never downloads them.
 */
import '../estimate-list/estimate-list.js';
import '../estimate-preview/estimate-preview.js';
// The portal's Estimates tab.
import './estimates-tab.js';

export { definePorticoEstimateList, PorticoEstimateList } from '../estimate-list/estimate-list.js';
export { definePorticoEstimatePreview, PorticoEstimatePreview } from '../estimate-preview/estimate-preview.js';

