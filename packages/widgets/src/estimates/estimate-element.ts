import { PorticoElement, type WidgetView } from '../shared/portico-element.js';
import { estimateStringsFor, estimateStringsLoaded, loadEstimateStrings, type EstimateWidgetStrings } from './i18n/index.js';

/**
 * What the estimate widgets share on top of `PorticoElement`: their text is
 * the client widgets' table with their own (estimates/i18n/) merged in,
 * both loaded before they render. Not a tag of its own.
 */
export class PorticoEstimateElement extends PorticoElement {
  protected override get strings(): EstimateWidgetStrings {
    return estimateStringsFor(this.language);
  }

  protected override get viewContext(): WidgetView<EstimateWidgetStrings> {
    return super.viewContext as WidgetView<EstimateWidgetStrings>;
  }

  /** Each update waits for both of the language's tables. */
  protected override async scheduleUpdate(): Promise<void> {
    const language = this.language;
    if (!estimateStringsLoaded(language)) await loadEstimateStrings(language);
    await super.scheduleUpdate();
  }
}
