import { html, type TemplateResult } from 'lit';
import { loadEstimateWidgets } from '../estimates/load-estimate-widgets.js';
import type { PortalTabContext } from './portal-tabs.js';

/**
 * The Estimates tab, as the portal's first download has it: one tag,
 * `<portico-estimates-tab>` (estimates/estimates-tab.ts), whose code comes
 * with the estimate widgets' chunk, fetched the first time the tab renders.
 * The tag rendered meanwhile upgrades when it arrives, the context kept.
 */
export function renderEstimatesTab(context: PortalTabContext): TemplateResult {
  // A failed fetch is tried again at the next render.
  loadEstimateWidgets().catch(console.warn);
  return html`<portico-estimates-tab .context=${context}></portico-estimates-tab>`;
}
