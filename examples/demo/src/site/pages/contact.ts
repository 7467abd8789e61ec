import { html } from 'hono/html';
import { layout, PORTAL_LINK, type Html } from '../layout.js';

export function contactPage(): Html {
  return layout({
    title: 'Contact',
    path: '/contact',
    description: 'Write, call or visit Harbor & Pine Studio in Hamburg.',
    body: html`
      <section class="section">
        <div class="wrap">
          <div class="section-head">
            <p class="eyebrow">Contact</p>
            <h1>Let's talk about your project.</h1>
            <p class="lede">Tell us a little about what you need and when. We answer every message within two working days.</p>
          </div>
          <div class="contact-grid">
            <div class="card">
              <h3>New projects</h3>
              <dl>
                <dt>Email</dt>
                <dd><a href="mailto:hello@harborpine.test">hello@harborpine.test</a></dd>
                <dt>Phone</dt>
                <dd><a href="tel:+4940555012345">+49 40 555 012 345</a></dd>
                <dt>Hours</dt>
                <dd>Monday to Thursday, 9:00–17:30</dd>
              </dl>
            </div>
            <div class="card">
              <h3>Visit the studio</h3>
              <dl>
                <dt>Address</dt>
                <dd>Am Sandtorkai 27<br />20457 Hamburg, Germany</dd>
                <dt>Getting here</dt>
                <dd>U3 Baumwall, then five minutes along the water.</dd>
              </dl>
            </div>
            <div class="card">
              <h3>Invoices and payments</h3>
              <dl>
                <dt>Accounts</dt>
                <dd><a href="mailto:accounts@harborpine.test">accounts@harborpine.test</a></dd>
                <dt>Client portal</dt>
                <dd>Statements, PDFs and online payment: <a href="${PORTAL_LINK}">client portal</a>.</dd>
              </dl>
            </div>
          </div>
        </div>
      </section>`,
  });
}
