import { html } from 'hono/html';
import { layout, STUDIO_NAME, type Html } from '../layout.js';

/**
 * The studio's own "Client portal" page: Portico's widget dropped into the
 * site's layout with one script tag, themed with the site's green.
 */
export function accountPage({ businessSlug }: { businessSlug: string }): Html {
  return layout({
    title: 'Client portal',
    path: '/account',
    description: 'Your invoices, statements and payments with Harbor & Pine Studio.',
    body: html`
      <section class="section">
        <div class="wrap portal-wrap">
          <p class="eyebrow">Client portal</p>
          <h1>Your account with us</h1>
          <p class="lede">Sign in with the link in any of our emails, or ask for a new one below. No password to remember.</p>
          <script type="module" src="/portal/widgets.js"></script>
          <portico-portal class="studio-portal" server="/portal" business="${businessSlug}" business-name="${STUDIO_NAME}"></portico-portal>
        </div>
      </section>`,
  });
}
