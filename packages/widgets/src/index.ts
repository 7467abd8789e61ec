/**
 * @portico/widgets: Portico's web components. Importing this module has no
 * side effects; import `@portico/widgets/portico-widgets.js` (or a
 * component's `<name>.js`) to register the tags.
 */
export { PorticoApiError, PorticoClient } from './client/portico-client.js';
export type {
  PorticoAuthMode,
  PorticoClientOptions,
  SessionResponse,
  SignInResponse,
  SignOutEverywhereResponse,
} from './client/portico-client.js';
export { defaultLocale, intlLocale, resolveLocale, stringsFor, tables, textDirection } from './i18n/index.js';
export type { Locale, Strings } from './i18n/index.js';
export { LINK_FRAGMENT_PARAM, PorticoPortal } from './portal/portal.component.js';
export type { PorticoSignedInDetail, PorticoSignedOutDetail } from './portal/portal.component.js';
export { portalTabs } from './portal/portal-tabs.js';
export type { PortalTab, PortalTabContext } from './portal/portal-tabs.js';
