import { formatMoney } from '@portico/core';
import { html } from 'hono/html';
import { layout, type Html } from '../layout.js';
import { services } from '../services-data.js';

export function servicesPage(): Html {
  return layout({
    title: 'Services',
    path: '/services',
    description: 'Brand identity, packaging, websites and photography from Harbor & Pine Studio, with starting prices.',
    body: html`
      <section class="section">
        <div class="wrap">
          <div class="section-head">
            <p class="eyebrow">Services</p>
            <h1>What we do, and what it costs.</h1>
            <p class="lede">
              Every project starts with a short call and a written estimate. Prices are before VAT; clients outside
              Germany are invoiced without German VAT.
            </p>
          </div>
          <div class="service-list">
            ${services.map(
              (service) => html`<article class="service" id="${service.slug}">
                <h3>${service.name}</h3>
                <div>
                  <p>${service.summary}</p>
                  <ul>
                    ${service.includes.map((item) => html`<li>${item}</li>`)}
                  </ul>
                </div>
                <p class="from">${formatMoney(service.from)}<small>from, ${service.unit}</small></p>
              </article>`,
            )}
          </div>
          <p class="more"><a class="button" href="/contact">Ask for an estimate</a></p>
        </div>
      </section>`,
  });
}
