import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import type { EstimateDetailResponse } from '@portico/wire';
import { estimateDetailFixture, serveEstimates } from '../testing/fake-estimates.js';
import { bearerClient, pdfResponse } from '../testing/bearer-client.js';
import { FakeServer, unauthenticated } from '../testing/fake-server.js';
import { clickAndSave } from '../testing/saved-download.js';
import { typeText } from '../testing/type-text.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoEstimateAnsweredDetail, PorticoEstimateInvoiceOpenDetail } from './estimate-preview.component.js';
import { definePorticoEstimatePreview, PorticoEstimatePreview } from './estimate-preview.js';
import { $, text, pairs } from '../testing/shadow-dom.js';

let server: FakeServer;
let estimates: EstimateDetailResponse[];

beforeEach(() => {
  server = new FakeServer('/portal').install();
  estimates = [
    estimateDetailFixture(),
    estimateDetailFixture({ id: 'est_old', number: 'EST-0003', status: 'sent', displayStatus: 'expired', canRespond: false, validUntil: '2025-05-31' }),
  ];
  serveEstimates(server, estimates);
});

afterEach(() => server.restore());

async function mount(id = 'est_7', lang = 'en'): Promise<PorticoEstimatePreview> {
  const el = await fixture<PorticoEstimatePreview>(
    html`<portico-estimate-preview server="/portal" business="harbor-pine" estimate-id=${id} lang=${lang}></portico-estimate-preview>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="false"]') && el.shadowRoot!.querySelector('[part~="invoice"], [part~="message"]'), 'never loaded');
  await el.updateComplete;
  return el;
}

/** Opens the accept form, types the name, ticks (or not), submits. */
async function accept(el: PorticoEstimatePreview, name: string, tick: boolean): Promise<void> {
  if (!el.shadowRoot!.querySelector('#accept-name')) {
    $(el, '[part~="accept-button"]').click();
    await el.updateComplete;
  }
  typeText($(el, '#accept-name') as HTMLInputElement, name);
  const box = $(el, '#accept-confirm') as HTMLInputElement;
  if (box.checked !== tick) box.click();
  $(el, '[part~="accept-form"] button[type="submit"]').click();
  await el.updateComplete;
}

describe('<portico-estimate-preview>', () => {
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('registers the tag, and registering twice does not throw', () => {
    expect(customElements.get('portico-estimate-preview')).to.equal(PorticoEstimatePreview);
    definePorticoEstimatePreview();
    definePorticoEstimatePreview();
  });

  it('shows seller and buyer, dates, lines, totals, the tax summary and notes with the invoice preview’s parts, a PDF link and no How to pay', async () => {
    const loaded = oneEvent(document, 'portico-estimate-loaded');
    const el = await mount();
    expect((await loaded).detail.estimate.id).to.equal('est_7');
    expect(text($(el, 'h2'))).to.equal('Estimate EST-0007');
    expect(text($(el, '[part~="status"]'))).to.equal('Sent');
    expect(text($(el, '[part~="seller"] h3'))).to.equal('From');
    expect(text($(el, '[part~="buyer"] h3'))).to.equal('Prepared for');
    expect(text($(el, '[part~="buyer"] .party-name'))).to.equal('Globex Corporation');
    expect(pairs($(el, '[part~="meta"]'))).to.deep.equal([
      ['Issue date', 'May 12, 2025'],
      ['Valid until', 'June 11, 2025'],
      ['Total', '€1,499.40'],
    ]);
    expect(el.shadowRoot!.querySelectorAll('[part~="line"]')).to.have.length(3);
    expect(pairs($(el, '[part~="totals"]'))).to.deep.equal([
      ['Subtotal', '€1,340.00'],
      ['Discounts', '-€100.00'],
      ['Tax 20%', '€224.00'],
      ['Tax 29.5%', '€35.40'],
      ['Total', '€1,499.40'],
    ]);
    expect(el.shadowRoot!.querySelectorAll('[part~="tax-summary"] tbody tr')).to.have.length(2);
    expect(text($(el, '[part~="notes"] p'))).to.equal('Prices hold for 30 days. Work starts within a week of acceptance.');
    expect(el.shadowRoot!.querySelector('[part~="how-to-pay"], portico-pay-button')).to.equal(null);
    const pdf = $(el, 'a[part~="pdf-link"]') as HTMLAnchorElement;
    expect(new URL(pdf.href).pathname + new URL(pdf.href).search).to.equal('/portal/api/estimates/est_7/pdf?locale=en');
    expect(pdf.download).to.equal('EST-0007.pdf');
    expect(text($(el, '[part~="answer"] .prompt'))).to.equal('This estimate is valid until June 11, 2025. You can accept or decline it here.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('Accept asks for the typed name and the tick before sending anything, then shows who accepted and when', async () => {
    const el = await mount();
    $(el, '[part~="accept-button"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#accept-name'));
    expect(text($(el, '[part~="accept-form"] label[for="accept-confirm"]'))).to.equal('I accept estimate EST-0007 for €1,499.40, as shown above.');
    await expect(el).shadowDom.to.be.accessible();

    await accept(el, '   ', true);
    expect($(el, '#accept-name').getAttribute('aria-invalid')).to.equal('true');
    expect(text($(el, '#accept-name-error'))).to.equal('Please type your full name.');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#accept-name'));
    await accept(el, 'Ann Archer', false);
    expect(el.shadowRoot!.querySelector('#accept-name-error')).to.equal(null);
    expect(text($(el, '#accept-confirm-error'))).to.equal('Please tick the box to confirm that you accept.');
    expect($(el, '#accept-confirm').getAttribute('aria-describedby')).to.equal('accept-confirm-error');
    expect(server.toPath('POST', '/api/estimates/est_7/accept')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();

    const answered = oneEvent(el, 'portico-estimate-answered');
    await accept(el, '  Ann Archer ', true);
    const detail = ((await answered) as CustomEvent<PorticoEstimateAnsweredDetail>).detail;
    expect(detail.answer).to.equal('accepted');
    expect(server.toPath('POST', '/api/estimates/est_7/accept')[0]!.body).to.deep.equal({ name: 'Ann Archer', confirmed: true });
    await el.updateComplete;
    expect(text($(el, '[part~="status"]'))).to.equal('Accepted');
    expect(text($(el, '[part~="outcome"] .outcome-main'))).to.equal('Accepted by Ann Archer on July 2, 2025.');
    expect(text($(el, '[part~="outcome"] .version'))).to.contain(estimates[0]!.versionHash);
    expect(el.shadowRoot!.querySelector('[part~="accept-button"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#outcome'));
    await expect(el).shadowDom.to.be.accessible();

    // The invoice it became: the link's event lets the page (the portal) show it.
    const link = $(el, 'a[part~="invoice-link"]') as HTMLAnchorElement;
    expect(link.getAttribute('href')).to.equal('?invoice=inv_from_est_7');
    el.addEventListener('portico-estimate-invoice-open', (event) => event.preventDefault(), { once: true });
    const opened = oneEvent(el, 'portico-estimate-invoice-open');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    expect(((await opened) as CustomEvent<PorticoEstimateInvoiceOpenDetail>).detail.invoiceId).to.equal('inv_from_est_7');
    expect(click.defaultPrevented).to.equal(true);
  });

  it('a refusal from the server (expired meanwhile, already answered) is said in the client’s language, and the estimate is shown as it now is', async () => {
    server.on('POST', '/api/estimates/est_7/accept', { status: 409, body: { error: { code: 'estimate_expired', message: 'This estimate is past its valid-until date.' } } });
    const el = await mount('est_7', 'de');
    // Expired meanwhile: the reload shows it expired.
    estimates.splice(0, 1, { ...estimates[0]!, displayStatus: 'expired', canRespond: false });
    await accept(el, 'Anna Archer', true);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="outcome"]'), 'not reloaded');
    expect(text($(el, '[part~="message"][role="alert"]'))).to.equal('Dieses Angebot ist abgelaufen und kann nicht mehr angenommen oder abgelehnt werden.');
    expect(text($(el, '[part~="status"]'))).to.equal('Abgelaufen');
    expect(text($(el, '[part~="outcome"] .outcome-main'))).to.equal('Dieses Angebot ist am 11. Juni 2025 abgelaufen und kann nicht mehr angenommen werden.');
    await expect(el).shadowDom.to.be.accessible();

    server.on('POST', '/api/estimates/est_9/decline', { status: 409, body: { error: { code: 'estimate_not_acceptable', message: 'This estimate was already answered.' } } });
    server.on('GET', '/api/estimates/est_9', { status: 200, body: estimateDetailFixture({ id: 'est_9' }) });
    const other = await mount('est_9', 'en');
    $(other, '[part~="decline-button"]').click();
    await other.updateComplete;
    $(other, '[part~="decline-form"] button[type="submit"]').click();
    await waitUntil(() => other.shadowRoot!.querySelector('[part~="message"][role="alert"]'), 'no error');
    expect(text($(other, '[part~="message"][role="alert"]'))).to.equal('This estimate has already been answered, so it can no longer be changed.');
  });

  it('Decline sends the optional reason and shows it declined; an expired estimate offers neither', async () => {
    const el = await mount();
    $(el, '[part~="decline-button"]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#decline-reason'));
    expect(text($(el, 'label[for="decline-reason"]'))).to.equal('Reason (optional)');
    await expect(el).shadowDom.to.be.accessible();
    ($(el, '#decline-reason') as HTMLTextAreaElement).value = 'Over budget this quarter';
    const answered = oneEvent(el, 'portico-estimate-answered');
    $(el, '[part~="decline-form"] button[type="submit"]').click();
    expect(((await answered) as CustomEvent<PorticoEstimateAnsweredDetail>).detail.answer).to.equal('declined');
    expect(server.toPath('POST', '/api/estimates/est_7/decline')[0]!.body).to.deep.equal({ reason: 'Over budget this quarter' });
    await el.updateComplete;
    expect(text($(el, '[part~="status"]'))).to.equal('Declined');
    expect(text($(el, '[part~="outcome"] .outcome-main'))).to.equal('Declined on July 2, 2025.');
    expect(text($(el, '[part~="outcome"] .reason'))).to.equal('Reason: Over budget this quarter');
    expect(el.shadowRoot!.querySelector('[part~="invoice-link"]')).to.equal(null);

    const expired = await mount('est_old');
    expect(el.shadowRoot!.querySelector('[part~="accept-button"]')).to.equal(null);
    expect(text($(expired, '[part~="status"]'))).to.equal('Expired');
    expect(text($(expired, '[part~="outcome"]'))).to.equal('This estimate expired on May 31, 2025 and can no longer be accepted.');
  });

  it('Cancel closes a form without sending; a 404 says the estimate is not there; a 401 emits portico-auth-required', async () => {
    const el = await mount();
    $(el, '[part~="accept-button"]').click();
    await el.updateComplete;
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="accept-form"] button')].find((b) => text(b) === 'Cancel')!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="accept-form"]')).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="accept-button"]'));
    expect(server.requests.filter((r) => r.method === 'POST')).to.have.length(0);

    server.on('GET', '/api/estimates/est_nope', { status: 404, body: { error: { code: 'estimate_not_found', message: 'No such estimate.' } } });
    const missing = await mount('est_nope');
    expect(text($(missing, '[role="alert"]'))).to.equal('This estimate could not be found.');

    server.on('GET', '/api/estimates/est_8', unauthenticated);
    const event = oneEvent(el, 'portico-auth-required');
    el.estimateId = 'est_8';
    await event;
  });

  it('in bearer mode the PDF link fetches with the token instead of navigating', async () => {
    server.on('GET', '/api/estimates/est_7/pdf', pdfResponse());
    const client = await bearerClient(server, { estimateId: 'est_7' });
    const el = await fixture<PorticoEstimatePreview>(html`<portico-estimate-preview .client=${client} estimate-id="est_7"></portico-estimate-preview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('a[part~="pdf-link"]'));
    const { prevented, saved } = await clickAndSave(el.shadowRoot!, $(el, 'a[part~="pdf-link"]'));
    expect(prevented).to.equal(true);
    expect(server.toPath('GET', '/api/estimates/est_7/pdf')[0]!.headers['authorization']).to.equal('Bearer tok');
    expect(saved.download).to.equal('estimate-est_7.pdf');
  });

  it('at 375 px the lines are cards and the form fits; dark mode is axe-clean', async () => {
    await setViewport({ width: 375, height: 800 });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      $(el, '[part~="accept-button"]').click();
      await el.updateComplete;
      await accept(el, '', false);
      expect(getComputedStyle($(el, '[part~="line"]')).display).to.equal('grid');
      const root = $(el, '.root');
      expect(root.scrollWidth, 'nothing wider than the phone').to.be.at.most(root.clientWidth);
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  const words: Record<string, [string, string, string, string]> = {
    en: ['Estimate EST-0007', 'Accept', 'Decline', 'Your full name'],
    de: ['Angebot EST-0007', 'Annehmen', 'Ablehnen', 'Ihr vollständiger Name'],
    it: ['Preventivo EST-0007', 'Accetta', 'Rifiuta', 'Nome e cognome'],
    ru: ['Смета EST-0007', 'Принять', 'Отклонить', 'Ваше полное имя'],
    ja: ['見積書 EST-0007', '承諾する', '辞退する', 'お名前（フルネーム）'],
    ar: ['عرض السعر \u2068EST-0007\u2069', 'قبول', 'رفض', 'اسمك الكامل'],
  };
  for (const [lang, [title, acceptWord, declineWord, nameLabel]] of Object.entries(words)) {
    it(`in ${lang} the estimate and its accept form speak its own words${lang === 'ar' ? ', right to left' : ''}`, async () => {
      const el = await mount('est_7', lang);
      expect(text($(el, 'h2'))).to.equal(title);
      expect(text($(el, '[part~="accept-button"]'))).to.equal(acceptWord);
      expect(text($(el, '[part~="decline-button"]'))).to.equal(declineWord);
      expect($(el, '.root').getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      $(el, '[part~="accept-button"]').click();
      await el.updateComplete;
      expect(text($(el, 'label[for="accept-name"]'))).to.equal(nameLabel);
      await expect(el).shadowDom.to.be.accessible();
    });
  }
});
