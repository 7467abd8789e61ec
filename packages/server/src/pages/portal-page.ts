import { textColorOn, type Business } from '@portico/core';
import { html } from 'hono/html';
import { pageShell } from './page-shell.js';

/**
 * The portal Portico hosts itself at its root: a bare page holding
 * `<portico-portal>`. Businesses that embed the widget on their own site
 * never need it; it is where a sign-in lands by default.
 */
export function renderPortalPage(business: Pick<Business, 'name' | 'slug' | 'brandColor' | 'locale'>, mountPath: string) {
  return pageShell({
    locale: business.locale,
    title: business.name,
    css: `
:root { color-scheme: light dark; --portico-accent: ${business.brandColor}; --portico-on-accent: ${textColorOn(business.brandColor)}; }
body { margin: 0; min-height: 100vh; background: Canvas; color: CanvasText; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 16px 48px; }
`,
    head: html`<script type="module" src="${mountPath}/widgets.js"></script>`,
    body: html`<main><portico-portal server="${mountPath}" business="${business.slug}" business-name="${business.name}"></portico-portal></main>`,
  });
}
