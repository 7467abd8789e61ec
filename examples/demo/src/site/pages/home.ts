import { formatMoney } from '@portico/core';
import { html, raw } from 'hono/html';
import { layout, PORTAL_LINK, STUDIO_NAME, type Html } from '../layout.js';
import { services } from '../services-data.js';

/** The studio's view: Speicherstadt gables, pines and a boat on the Elbe at dusk. */
const harbour = raw(`<svg viewBox="0 0 400 500" preserveAspectRatio="xMidYMax slice" aria-hidden="true" focusable="false">
  <defs>
    <linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#e6ede7"/><stop offset="1" stop-color="#c6d6cb"/></linearGradient>
    <linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#2c5a78"/><stop offset="1" stop-color="#22465e"/></linearGradient>
  </defs>
  <rect width="400" height="500" fill="url(#sky)"/>
  <circle cx="272" cy="172" r="50" fill="#e9c98f"/>
  <path d="M0 330c70-26 140-12 210-24s130-14 190 0v54H0z" fill="#b3c7ba"/>
  <path d="M34 360v-84l32-26 32 26v84zM104 360v-56l24-20 24 20v56zM236 360v-112l38-32 38 32v112z" fill="#22463c"/>
  <path d="M60 300h12v14H60zM124 318h8v12h-8zM262 266h12v14h-12zM262 300h12v14h-12z" fill="#e9c98f" opacity=".7"/>
  <path d="M160 360l20-78 20 78zM318 360l30-124 30 124zM356 360l20-84 20 84z" fill="#2f5d50"/>
  <rect y="360" width="400" height="140" fill="url(#water)"/>
  <path d="M176 368h74l-12 15h-52z" fill="#f7f3ec"/>
  <path d="M210 364v-50l30 46z" fill="#f7f3ec"/>
  <path d="M30 400h70M140 424h96M268 452h80M60 470h54M300 410h50" stroke="#9dbbcd" stroke-width="3" stroke-linecap="round" opacity=".45"/>
  <path d="M254 380h36M260 394h24M250 408h44M264 422h16" stroke="#e9c98f" stroke-width="4" stroke-linecap="round" opacity=".55"/>
</svg>`);

export function homePage(): Html {
  return layout({
    title: STUDIO_NAME,
    path: '/',
    body: html`
      <section class="hero">
        <div class="wrap">
          <div>
            <p class="eyebrow">Design studio · Hamburg</p>
            <h1>Identity, packaging and websites for <em>independent</em> businesses.</h1>
            <p class="lede">
              We are a studio of four at the edge of the Speicherstadt. Bakeries, cinemas, roasters and architects
              come to us for work that is careful, useful and a little bit warm.
            </p>
            <div class="button-row">
              <a class="button" href="/services">See what we do</a>
              <a class="button ghost" href="/contact">Start a project</a>
            </div>
          </div>
          <div class="hero-art" role="img" aria-label="A pine-green harbour skyline at dusk">${harbour}</div>
        </div>
      </section>

      <section class="section tint">
        <div class="wrap">
          <div class="section-head">
            <p class="eyebrow">Services</p>
            <h2>Small team, whole picture.</h2>
            <p class="lede">From the first workshop to the last proof print, the same people look after your project.</p>
          </div>
          <div class="grid">
            ${services.slice(0, 3).map(
              (service) => html`<article class="card">
                <h3>${service.name}</h3>
                <p>${service.summary}</p>
                <p class="price">From ${formatMoney(service.from)} ${service.unit}</p>
              </article>`,
            )}
          </div>
          <p class="more"><a href="/services">All services and prices →</a></p>
        </div>
      </section>

      <section class="section">
        <div class="wrap">
          <div class="cta">
            <div>
              <p class="eyebrow on-dark">For our clients</p>
              <h2>Your invoices, in one place.</h2>
              <p>
                Every invoice email carries a button that signs you straight in: no password, no account to set up.
                From there you see your account with us.
              </p>
            </div>
            <div>
              <a class="button" href="${PORTAL_LINK}">Open the client portal</a>
            </div>
          </div>
        </div>
      </section>`,
  });
}
