import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { clickAndSave } from '../testing/saved-download.js';
import { bearerClient, pdfResponse } from '../testing/bearer-client.js';
import { emulateMedia } from '@web/test-runner-commands';
import { FakeServer, statementFixture, unauthenticated } from '../testing/fake-server.js';
import { definePorticoStatement, PorticoStatement } from './statement.js';
import { text } from '../testing/shadow-dom.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  server.on('GET', '/api/statement', { status: 200, body: statementFixture() });
});

afterEach(() => server.restore());

async function mount(lang = 'en'): Promise<PorticoStatement> {
  const el = await fixture<PorticoStatement>(html`<portico-statement server="/portal" business="harbor-pine" lang=${lang}></portico-statement>`);
  await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="false"]'), 'never loaded');
  await el.updateComplete;
  return el;
}

function figures(card: Element): Record<string, string> {
  return Object.fromEntries([...card.querySelectorAll('.figure')].map((figure) => [text(figure.querySelector('dt')), text(figure.querySelector('dd'))]));
}

describe('<portico-statement> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-statement')).to.equal(PorticoStatement);
    definePorticoStatement();
    definePorticoStatement();
    await import('./statement.js');
    expect(customElements.get('portico-statement')).to.equal(PorticoStatement);
  });
});

describe('<portico-statement>', () => {
  it('shows paid to date, outstanding, overdue and the last payment per currency, money through Intl', async () => {
    const el = await mount();
    expect(server.to('GET', '/api/statement')[0]!.credentials).to.equal('include');
    expect(text(el.shadowRoot!.querySelector('h2'))).to.equal('Statement');
    expect(text(el.shadowRoot!.querySelector('.as-of'))).to.equal('As of July 1, 2025');
    const [eur, usd] = [...el.shadowRoot!.querySelectorAll('[part~="currency"]')];
    expect(text(eur!.querySelector('h3'))).to.equal('Euro (EUR)');
    expect(figures(eur!)).to.deep.equal({
      Outstanding: '€4,820.00',
      Overdue: '€1,820.00',
      'Paid to date': '€12,345.00',
      'Last payment': '€450.00',
    });
    expect(text(eur!.querySelector('.detail'))).to.equal('on Jun 20, 2025 · for INV-0003');
    expect(eur!.querySelector('.figure.overdue')).not.to.equal(null);
    expect(text(usd!.querySelector('h3'))).to.equal('US Dollar (USD)');
    expect(figures(usd!)).to.deep.equal({ Outstanding: '$999.00', Overdue: '$0.00', 'Paid to date': '$0.00', 'Last payment': 'No payments yet' });
    expect(usd!.querySelector('.figure.overdue')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('draws the aging chart as a table: every bar has its amount in text, bars scale to the largest', async () => {
    const el = await mount();
    const eur = el.shadowRoot!.querySelector('[part~="currency"]')!;
    const table = eur.querySelector('table[part~="aging"]')!;
    expect(text(table.querySelector('caption'))).to.equal('Outstanding by age (Outstanding EUR by days past due)');
    const rows = [...table.querySelectorAll('tbody tr')].map((row) => [text(row.querySelector('th')), text(row.querySelector('td.amount'))]);
    expect(rows).to.deep.equal([
      ['Not yet due', '€3,000.00'],
      ['1–30 days', '€1,200.00'],
      ['31–60 days', '€400.00'],
      ['61–90 days', '€0.00'],
      ['Over 90 days', '€220.00'],
    ]);
    const widths = [...table.querySelectorAll<HTMLElement>('.bar')].map((bar) => bar.getBoundingClientRect().width);
    const track = table.querySelector<HTMLElement>('.track')!.getBoundingClientRect().width;
    expect(widths[0]).to.be.closeTo(track, 1);
    expect(widths[1]! / widths[0]!).to.be.closeTo(0.4, 0.02);
    expect(widths[3]).to.equal(0);
    expect(table.querySelector('.track')!.getAttribute('aria-hidden')).to.equal('true');
    expect(table.querySelectorAll('[part~="bar-late"]')).to.have.length(4);
  });

  it('formats money and dates in the widget language', async () => {
    const el = await mount('en-GB');
    expect(text(el.shadowRoot!.querySelector('.as-of'))).to.equal('As of 1 July 2025');
    expect(text(el.shadowRoot!.querySelector('.detail'))).to.equal('on 20 Jun 2025 · for INV-0003');
  });

  it('a currency without minor units (JPY) and one with three (KWD) are formatted exactly', async () => {
    const empty = { current: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
    server.on('GET', '/api/statement', {
      status: 200,
      body: statementFixture({
        currencies: [
          { currency: 'JPY', paidToDate: 123_456, outstanding: 0, overdue: 0, aging: empty, lastPayment: null },
          { currency: 'KWD', paidToDate: 1_234_567, outstanding: 0, overdue: 0, aging: empty, lastPayment: null },
        ],
      }),
    });
    const el = await mount();
    const cards = [...el.shadowRoot!.querySelectorAll('[part~="currency"]')];
    expect(figures(cards[0]!)['Paid to date']).to.equal('¥123,456');
    expect(figures(cards[1]!)['Paid to date']).to.equal('KWD 1,234.567');
    expect(cards[0]!.querySelector('table'), 'nothing owed: no chart').to.equal(null);
  });

  it('says when nothing was billed yet', async () => {
    server.on('GET', '/api/statement', { status: 200, body: statementFixture({ currencies: [] }) });
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('[part~="message"]'))).to.equal('Nothing billed yet.');
  });

  it('shows an error with Try again, which loads again', async () => {
    server.on('GET', '/api/statement', { status: 500, body: { error: { code: 'internal_error', message: 'Something went wrong on our side.' } } });
    const el = await mount();
    expect(text(el.shadowRoot!.querySelector('[role="alert"] span'))).to.equal('Something went wrong on our side.');
    await expect(el).shadowDom.to.be.accessible();
    server.on('GET', '/api/statement', { status: 200, body: statementFixture() });
    el.shadowRoot!.querySelector<HTMLButtonElement>('[role="alert"] button')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="currency"]'), 'did not load again');
    expect(server.to('GET', '/api/statement')).to.have.length(2);
  });

  it('a 401 emits portico-auth-required', async () => {
    server.on('GET', '/api/statement', unauthenticated);
    const event = oneEvent(document, 'portico-auth-required');
    await fixture(html`<portico-statement server="/portal" business="harbor-pine"></portico-statement>`);
    expect((await event).composed).to.equal(true);
  });

  it('offers the statement of account as a PDF for this calendar year so far, and for any period picked', async () => {
    const el = await mount();
    const section = el.shadowRoot!.querySelector('[part~="statement-pdf"]')!;
    expect(text(section.querySelector('h3'))).to.equal('Statement of account');
    const [from, to] = [...section.querySelectorAll<HTMLInputElement>('input[type="date"]')];
    // The business's calendar year so far: its today is the statement's as-of day.
    expect([from!.value, to!.value]).to.deep.equal(['2025-01-01', '2025-07-01']);
    expect(to!.max).to.equal('2025-07-01');
    const link = () => section.querySelector<HTMLAnchorElement>('a[part~="statement-pdf-link"]');
    expect(text(link())).to.equal('Download statement (PDF)');
    expect(link()!.getAttribute('href')).to.equal('/portal/api/statement.pdf?from=2025-01-01&to=2025-07-01&locale=en');
    await expect(el).shadowDom.to.be.accessible();

    from!.value = '2025-03-01';
    from!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(link()!.getAttribute('href')).to.equal('/portal/api/statement.pdf?from=2025-03-01&to=2025-07-01&locale=en');

    // A period that ends before it starts: said, and nothing to download.
    to!.value = '2025-02-01';
    to!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(link()).to.equal(null);
    expect(section.querySelector<HTMLButtonElement>('button[part~="statement-pdf-link"]')!.disabled).to.equal(true);
    expect(text(section.querySelector('[role="alert"]'))).to.equal('The start date must be on or before the end date.');
    expect(from!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('in bearer mode the statement PDF is fetched with the token; the download speaks each language', async () => {
    server.on('GET', '/api/statement.pdf?from=2025-01-01&to=2025-07-01&locale=de', pdfResponse('statement-harbor-pine-2025-01-01-2025-07-01.pdf'));
    const client = await bearerClient(server);
    const el = await fixture<PorticoStatement>(html`<portico-statement .client=${client} lang="de"></portico-statement>`);
    await waitUntil(() => el.shadowRoot!.querySelector('a[part~="statement-pdf-link"]'), 'no download');
    const link = el.shadowRoot!.querySelector<HTMLAnchorElement>('a[part~="statement-pdf-link"]')!;
    expect(text(link)).to.equal('Kontoauszug herunterladen (PDF)');
    const { prevented, saved } = await clickAndSave(el.shadowRoot!, link);
    expect(prevented).to.equal(true);
    expect(server.to('GET', '/api/statement.pdf?from=2025-01-01&to=2025-07-01&locale=de')[0]!.headers['authorization']).to.equal('Bearer tok');
    expect(saved.download).to.equal('statement-harbor-pine-2025-01-01-2025-07-01.pdf');

    for (const [lang, label, dir] of [
      ['it', 'Scarica l’estratto conto (PDF)', 'ltr'],
      ['ru', 'Скачать акт сверки (PDF)', 'ltr'],
      ['ja', '取引明細書をダウンロード（PDF）', 'ltr'],
      ['ar', 'تنزيل كشف الحساب (PDF)', 'rtl'],
    ] as const) {
      const other = await mount(lang);
      await waitUntil(() => text(other.shadowRoot!.querySelector('[part~="statement-pdf-link"]')) === label, `no ${lang} download`);
      expect(other.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal(dir);
      await expect(other).shadowDom.to.be.accessible();
    }
  });

  it('is axe-clean in dark mode', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      expect(getComputedStyle(el.shadowRoot!.querySelector('[part~="currency"]')!).backgroundColor).to.equal('rgb(26, 31, 38)');
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
