/**
 * @portico/react: Portico's widgets as React components, one per tag,
 * generated from the widgets' custom elements manifest (`npm run generate`).
 *
 * ```tsx
 * import { PorticoPortal } from '@portico/react';
 *
 * <PorticoPortal server="/portal" business="harbor-pine" onPorticoSignedIn={(event) => console.log(event.detail.session)} />
 * ```
 */
export * from './generated/index.js';
