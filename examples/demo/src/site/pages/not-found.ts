import { html } from 'hono/html';
import { layout, type Html } from '../layout.js';

export function notFoundPage(path: string): Html {
  return layout({
    title: 'Page not found',
    path,
    body: html`
      <section class="section">
        <div class="wrap">
          <p class="eyebrow">404</p>
          <h1>We couldn't find that page.</h1>
          <p class="lede">Nothing lives at <code>${path}</code>. Try the <a href="/">home page</a> or <a href="/services">our services</a>.</p>
        </div>
      </section>`,
  });
}
