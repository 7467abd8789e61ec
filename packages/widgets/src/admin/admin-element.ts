import { PorticoAdminClient } from '../client/portico-admin-client.js';
import type { PorticoClientOptions } from '../client/portico-client.js';
import { PorticoElement, type WidgetView } from '../shared/portico-element.js';
import { adminStringsFor, adminStringsLoaded, loadAdminStrings, type AdminWidgetStrings } from './i18n/index.js';

/**
 * What the business's widgets share on top of `PorticoElement`: their API
 * client is a `PorticoAdminClient` (the `/admin/*` requests), and their text
 * is the client widgets' table with their own (admin/i18n/) merged in, both
 * loaded before they render. Not a tag of its own.
 */
export class PorticoAdminElement extends PorticoElement {
  /**
   * The API client to use (a `PorticoAdminClient`); without one the widget
   * makes one from `server` and `business`, which sends the host app's own cookies.
   */
  declare client: PorticoAdminClient | null;

  protected override get api(): PorticoAdminClient {
    // Handed over as a PorticoAdminClient, or made by createClient below.
    return super.api as PorticoAdminClient;
  }

  protected override createClient(options: PorticoClientOptions): PorticoAdminClient {
    return new PorticoAdminClient(options);
  }

  protected override get strings(): AdminWidgetStrings {
    return adminStringsFor(this.language);
  }

  protected override get viewContext(): WidgetView<AdminWidgetStrings> {
    return super.viewContext as WidgetView<AdminWidgetStrings>;
  }

  /** Each update waits for both of the language's tables. */
  protected override async scheduleUpdate(): Promise<void> {
    const language = this.language;
    if (!adminStringsLoaded(language)) await loadAdminStrings(language);
    await super.scheduleUpdate();
  }
}
