import { html, raw } from 'hono/html';

export type Html = ReturnType<typeof html>;

export interface PageOptions {
  title: string;
  /** The current path, to mark the navigation link. */
  path: string;
  description?: string;
  body: Html;
}

export const STUDIO_NAME = 'Harbor & Pine Studio';
/** The studio's own page holding Portico's portal widget. */
export const PORTAL_LINK = '/account';

const nav: Array<{ href: string; label: string }> = [
  { href: '/', label: 'Studio' },
  { href: '/services', label: 'Services' },
  { href: '/contact', label: 'Contact' },
];

const mark = raw(`<svg width="34" height="34" viewBox="0 0 34 34" aria-hidden="true" focusable="false">
  <circle cx="17" cy="17" r="16" fill="#2f5d50"/>
  <path d="M17 6l5.5 8h-3l4.5 6.5h-4L23 25H11l3-4.5h-4L14.5 14h-3z" fill="#f7f3ec"/>
  <path d="M7 26.5c2.2 0 2.2-1.3 4.4-1.3s2.2 1.3 4.4 1.3 2.2-1.3 4.4-1.3 2.2 1.3 4.4 1.3 2.2-1.3 2.4-1.3" stroke="#e9c98f" stroke-width="1.6" fill="none" stroke-linecap="round"/>
</svg>`);

const favicon = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 34 34"><circle cx="17" cy="17" r="16" fill="#2f5d50"/><path d="M17 6l5.5 8h-3l4.5 6.5h-4L23 25H11l3-4.5h-4L14.5 14h-3z" fill="#f7f3ec"/></svg>',
)}`;

/** The page shell every site page shares: head, header with navigation, footer. */
export function layout({ title, path, description, body }: PageOptions): Html {
  const fullTitle = title === STUDIO_NAME ? title : `${title} · ${STUDIO_NAME}`;
  return html`<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${fullTitle}</title>
    <meta name="description" content="${description ?? 'Harbor & Pine is a small design studio in Hamburg: identity, packaging and websites for independent businesses.'}" />
    <meta name="theme-color" content="#2f5d50" />
    <link rel="icon" href="${favicon}" />
    <link rel="stylesheet" href="/assets/site.css" />
  </head>
  <body>
    <a class="skip" href="#main">Skip to content</a>
    <header class="site-header">
      <div class="wrap">
        <a class="brand" href="/">${mark}<span>Harbor &amp; Pine</span></a>
        <nav class="nav" aria-label="Main">
          ${nav.map(
            (item) => html`<a href="${item.href}" ${path === item.href ? raw('aria-current="page"') : ''}>${item.label}</a>`,
          )}
          <a class="nav-portal" href="${PORTAL_LINK}">Client portal</a>
        </nav>
      </div>
    </header>
    <main id="main">${body}</main>
    <footer class="site-footer">
      <div class="wrap">
        <p>© Harbor &amp; Pine Studio · Am Sandtorkai 27, 20457 Hamburg</p>
        <nav aria-label="Footer">
          <a href="/contact">Contact</a>
          <a href="/admin" ${path === '/admin' ? raw('aria-current="page"') : ''}>Studio dashboard</a>
          <a href="${PORTAL_LINK}">Client portal</a>
        </nav>
      </div>
    </footer>
  </body>
</html>`;
}
