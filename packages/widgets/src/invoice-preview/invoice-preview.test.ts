import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { clickAndSave } from '../testing/saved-download.js';
import { bearerClient, pdfResponse } from '../testing/bearer-client.js';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import { FakeServer, invoiceDetailFixture, sessionFixture, unauthenticated } from '../testing/fake-server.js';
import { FakeStripeJs } from '../testing/fake-stripe.js';
import type { PorticoInvoiceChangedDetail } from './invoice-preview.component.js';
import { definePorticoInvoicePreview, PorticoInvoicePreview } from './invoice-preview.js';
import { $, text, pairs } from '../testing/shadow-dom.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  server.on('GET', '/api/invoices/inv_42', { status: 200, body: invoiceDetailFixture() });
});

afterEach(() => server.restore());

async function mount(id = 'inv_42', lang = 'en'): Promise<PorticoInvoicePreview> {
  const el = await fixture<PorticoInvoicePreview>(
    html`<portico-invoice-preview server="/portal" business="harbor-pine" invoice-id=${id} lang=${lang}></portico-invoice-preview>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('[aria-busy="false"]'), 'never loaded');
  await el.updateComplete;
  return el;
}

describe('<portico-invoice-preview> registration', () => {
  it('registers the tag, and registering twice does not throw', async () => {
    expect(customElements.get('portico-invoice-preview')).to.equal(PorticoInvoicePreview);
    definePorticoInvoicePreview();
    definePorticoInvoicePreview();
    await import('./invoice-preview.js');
    expect(customElements.get('portico-invoice-preview')).to.equal(PorticoInvoicePreview);
  });
});

describe('<portico-invoice-preview>', () => {
  afterEach(() => setViewport({ width: 1280, height: 800 }));

  it('shows the invoice with the brand, lines, taxes, totals, payments and a PDF link', async () => {
    const loaded = oneEvent(document, 'portico-invoice-loaded');
    const el = await mount();
    expect((await loaded).detail.invoice.id).to.equal('inv_42');
    expect(server.to('GET', '/api/invoices/inv_42')[0]!.credentials).to.equal('include');
    expect(text($(el, '[part~="brand"]'))).to.equal('Harbor & Pine Studio');
    expect(text($(el, 'h2'))).to.equal('Invoice INV-0042');
    expect(text($(el, '[part~="status"]'))).to.equal('Sent');
    expect(getComputedStyle($(el, '[part~="invoice"]')).borderTopColor).to.equal('rgb(15, 118, 110)'); // the brand colour
    expect(text($(el, '[part~="seller"] .party-name'))).to.equal('Harbor & Pine Studio');
    expect(text($(el, '[part~="buyer"] .party-name'))).to.equal('Globex Corporation');
    expect(pairs($(el, '[part~="meta"]'))).to.deep.equal([
      ['Issue date', 'September 9, 2024'],
      ['Due date', 'October 9, 2024'],
      ['Balance due', '€999.40'],
    ]);
    const lines = [...el.shadowRoot!.querySelectorAll('[part~="line"]')].map((row) => [...row.children].map((cell) => text(cell)));
    expect(lines).to.deep.equal([
      ['Brand identity workshop (two days, on site)', '2', '€450.00', '-€100.00', '20%', '€900.00'],
      ['Logo design, three rounds of revisions', '1', '€320.00', '—', '20%', '€320.00'],
      ['Printed stationery proofs', '12', '€10.00', '—', '29.5%', '€120.00'],
    ]);
    expect(pairs($(el, '[part~="totals"]'))).to.deep.equal([
      ['Subtotal', '€1,340.00'],
      ['Discounts', '-€100.00'],
      ['Tax 20%', '€224.00'],
      ['Tax 29.5%', '€35.40'],
      ['Total', '€1,499.40'],
      ['Paid', '-€500.00'],
      ['Balance due', '€999.40'],
    ]);
    expect(text($(el, '[part~="payments"] li'))).to.equal('Received Jun 15, 2025 · Bank transfer €500.00 Receipt (PDF)');
    const receipt = $(el, '[part~="payments"] a[part~="receipt-link"]') as HTMLAnchorElement;
    expect(receipt.getAttribute('href')).to.equal('/portal/api/invoices/inv_42/payments/pay_1/receipt.pdf?locale=en');
    expect(receipt.getAttribute('aria-label')).to.equal('Receipt for the payment of €500.00 received Jun 15, 2025 (PDF)');
    expect(receipt.hasAttribute('download')).to.equal(true);
    expect(text($(el, '[part~="notes"] p'))).to.contain('Thank you for your business.');
    const pdf = $(el, 'a[part~="pdf-link"]') as HTMLAnchorElement;
    expect(text(pdf)).to.equal('Download PDF');
    expect(pdf.getAttribute('href')).to.equal('/portal/api/invoices/inv_42/pdf?locale=en');
    expect(pdf.download).to.equal('INV-0042.pdf');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('at 375 px the line items are stacked cards; at 1440 px a table, no wider than the document', async () => {
    await setViewport({ width: 375, height: 800 });
    const el = await mount();
    const line = $(el, '[part~="line"]');
    expect(getComputedStyle(line).display).to.equal('grid');
    expect(getComputedStyle($(el, '[part~="lines"] thead')).display).to.equal('none');
    const cells = [...line.children].map((cell) => cell.getBoundingClientRect());
    expect(cells[1]!.top, 'the quantity sits under the description').to.be.greaterThan(cells[0]!.bottom - 1);
    expect(getComputedStyle($(el, '.lines td.qty'), '::before').content).to.equal('"Quantity"');
    const root = $(el, '.root');
    expect(root.scrollWidth, 'nothing wider than the phone').to.be.at.most(root.clientWidth);
    expect(el.getBoundingClientRect().width).to.be.at.most(375);
    await expect(el).shadowDom.to.be.accessible();

    await setViewport({ width: 1440, height: 900 });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(getComputedStyle(line).display).to.equal('table-row');
    expect(getComputedStyle($(el, '[part~="lines"] thead')).display).to.equal('table-header-group');
    const [description, quantity] = [...line.children].map((cell) => cell.getBoundingClientRect());
    expect(Math.abs(description!.top - quantity!.top), 'one row').to.be.below(2);
    const invoice = $(el, '[part~="invoice"]').getBoundingClientRect();
    expect(invoice.width).to.be.closeTo(56 * 16, 2);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('prints without its buttons', async () => {
    const el = await mount();
    expect(getComputedStyle($(el, '[part~="actions"]')).display).to.equal('flex');
    await emulateMedia({ media: 'print' });
    try {
      expect(getComputedStyle($(el, '[part~="actions"]')).display).to.equal('none');
      expect(getComputedStyle($(el, '[part~="lines"] thead')).display).to.equal('table-header-group');
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('in bearer mode the PDF link fetches with the token instead of navigating', async () => {
    server.on('GET', '/api/invoices/inv_42/pdf', pdfResponse());
    const client = await bearerClient(server, { invoiceId: 'inv_42' });
    const el = await fixture<PorticoInvoicePreview>(html`<portico-invoice-preview .client=${client} invoice-id="inv_42"></portico-invoice-preview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('a[part~="pdf-link"]'));
    expect(server.to('GET', '/api/invoices/inv_42')[0]!.headers['authorization']).to.equal('Bearer tok');
    const { prevented, saved } = await clickAndSave(el.shadowRoot!, $(el, 'a[part~="pdf-link"]'));
    expect(prevented).to.equal(true);
    expect(server.toPath('GET', '/api/invoices/inv_42/pdf')).to.have.length(1);
    expect(server.toPath('GET', '/api/invoices/inv_42/pdf')[0]!.headers['authorization']).to.equal('Bearer tok');
    expect(saved.href.startsWith('blob:')).to.equal(true);
    expect(saved.download).to.equal('invoice-inv_42.pdf');
  });

  it('in bearer mode a payment’s receipt link fetches the receipt with the token; each language names it', async () => {
    server.on('GET', '/api/invoices/inv_42/payments/pay_1/receipt.pdf', pdfResponse('receipt-INV-0042-1.pdf'));
    const client = await bearerClient(server, { invoiceId: 'inv_42' });
    const el = await fixture<PorticoInvoicePreview>(html`<portico-invoice-preview .client=${client} invoice-id="inv_42" lang="de"></portico-invoice-preview>`);
    await waitUntil(() => el.shadowRoot!.querySelector('a[part~="receipt-link"]'), 'no receipt link');
    const link = $(el, 'a[part~="receipt-link"]') as HTMLAnchorElement;
    expect(text(link)).to.equal('Quittung (PDF)');
    expect(text($(el, '[part~="payments"] li span'))).to.contain('Überweisung');
    const { prevented, saved } = await clickAndSave(el.shadowRoot!, link);
    expect(prevented).to.equal(true);
    const request = server.toPath('GET', '/api/invoices/inv_42/payments/pay_1/receipt.pdf')[0]!;
    expect(request.headers['authorization']).to.equal('Bearer tok');
    expect(request.url).to.contain('locale=de');
    expect(saved.download).to.equal('receipt-INV-0042-1.pdf');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('says when the invoice is not there (404), and an error can be retried', async () => {
    server.on('GET', '/api/invoices/inv_nope', { status: 404, body: { error: { code: 'invoice_not_found', message: 'No such invoice.' } } });
    const missing = await mount('inv_nope');
    expect(text($(missing, '[role="alert"]'))).to.equal('This invoice could not be found.');

    server.offline('GET', '/api/invoices/inv_42');
    const el = await mount();
    expect(text($(el, '[role="alert"] span'))).to.equal('We could not reach the portal. Check your connection and try again.');
    server.on('GET', '/api/invoices/inv_42', { status: 200, body: invoiceDetailFixture() });
    $(el, '[role="alert"] button').click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="invoice"]'), 'not loaded again');
  });

  it('follows invoice-id, and a 401 emits portico-auth-required', async () => {
    server.on('GET', '/api/invoices/inv_7', { status: 200, body: invoiceDetailFixture({ id: 'inv_7', number: null, displayStatus: 'draft', status: 'draft' }) });
    const el = await mount();
    el.invoiceId = 'inv_7';
    await waitUntil(() => text(el.shadowRoot!.querySelector('h2')) === 'Draft invoice', 'did not switch');
    expect(text($(el, '[part~="status"]'))).to.equal('Draft');

    server.on('GET', '/api/invoices/inv_8', unauthenticated);
    const event = oneEvent(el, 'portico-auth-required');
    el.invoiceId = 'inv_8';
    await event;
  });

  it('an overdue invoice shows its balance in the danger colour; dark mode is axe-clean', async () => {
    server.on('GET', '/api/invoices/inv_42', { status: 200, body: invoiceDetailFixture({ displayStatus: 'overdue' }) });
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await mount();
      expect(el.shadowRoot!.querySelector('.totals .balance.overdue')).not.to.equal(null);
      expect(text($(el, '[part~="status"]'))).to.equal('Overdue');
      await expect(el).shadowDom.to.be.accessible();
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});

describe('<portico-invoice-preview> Pay now and live updates', () => {
  let stripe: FakeStripeJs;
  let invoice: ReturnType<typeof invoiceDetailFixture>;

  beforeEach(() => {
    stripe = new FakeStripeJs().install();
    invoice = invoiceDetailFixture();
    server.on('GET', '/api/invoices/inv_42', () => ({ status: 200, body: invoice }));
    server.on('GET', '/api/session', { status: 200, body: sessionFixture({ business: { ...sessionFixture().business, onlinePayments: { publishableKey: 'pk_test_portico', connectedAccountId: null } } }) });
  });

  afterEach(() => {
    stripe.restore();
    document.querySelectorAll('[data-portico-checkout-dialog]').forEach((dialog) => dialog.remove());
  });

  function paid(): typeof invoice {
    return {
      ...invoice,
      status: 'paid',
      displayStatus: 'paid',
      amountPaid: invoice.total,
      balance: 0,
      version: invoice.version + 1,
      payments: [...invoice.payments, { id: 'pay_2', amount: 99_940, refundedAmount: 0, receivedAt: '2025-07-02T10:00:00.000Z', method: 'card' }],
    };
  }

  it('an open invoice has Pay now under its totals; paying it in the dialog shows it paid', async () => {
    server.on('POST', '/api/invoices/inv_42/checkout', { status: 200, body: { sessionId: 'cs_1', clientSecret: 'cs_1_secret', publishableKey: 'pk_test_portico', connectedAccountId: null, amount: 99_940, currency: 'EUR' } });
    server.on('GET', '/api/checkout/cs_1', () => {
      invoice = paid();
      return { status: 200, body: { invoiceId: 'inv_42', status: 'complete', paymentStatus: 'paid', invoice: { status: 'paid', displayStatus: 'paid', amountPaid: invoice.total, balance: 0, version: invoice.version } } };
    });
    const el = await mount();
    const pay = $(el, '.side portico-pay-button');
    await waitUntil(() => pay.getAttribute('state') === 'ready', 'no Pay now');
    const button = pay.shadowRoot!.querySelector<HTMLElement>('[part~="pay-button"]')!;
    expect(text(button)).to.equal('Pay now €999.40');
    // Under the totals, as wide as they are.
    const totals = $(el, '[part~="totals"]').getBoundingClientRect();
    const box = button.getBoundingClientRect();
    expect(box.top).to.be.greaterThan(totals.bottom - 1);
    expect(Math.abs(box.width - totals.width)).to.be.below(2);
    await expect(el).shadowDom.to.be.accessible();

    button.click();
    await waitUntil(() => stripe.mounted, 'the form never mounted');
    stripe.mounted!.complete();
    await waitUntil(() => text(el.shadowRoot!.querySelector('[part~="status"]')) === 'Paid', 'the preview did not show it paid');
    expect(pay.getAttribute('state')).to.equal('paid');
    expect(text($(el, '.totals .balance dd'))).to.equal('€0.00');
    expect(el.shadowRoot!.querySelectorAll('[part~="payments"] li')).to.have.length(2);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a paid invoice has no Pay now', async () => {
    invoice = paid();
    const el = await mount();
    const pay = $(el, '.side portico-pay-button');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(pay.getAttribute('state')).to.equal('hidden');
    expect(getComputedStyle(pay).display).to.equal('none');
  });

  it('polls an open invoice and shows a payment made elsewhere, with portico-invoice-changed', async () => {
    const el = await mount();
    el.pollInterval = 40;
    await new Promise((resolve) => setTimeout(resolve, 120));
    const polls = server.to('GET', '/api/invoices/inv_42').length;
    expect(polls, 'it polls').to.be.greaterThan(1);
    const changed = oneEvent(el, 'portico-invoice-changed') as Promise<CustomEvent<PorticoInvoiceChangedDetail>>;
    invoice = paid();
    const event = await changed;
    expect(event.detail.previousVersion).to.equal(1);
    expect(event.detail.invoice.status).to.equal('paid');
    await el.updateComplete;
    expect(text($(el, '[part~="status"]'))).to.equal('Paid');
    // Paid: nothing more to watch for.
    const after = server.to('GET', '/api/invoices/inv_42').length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.to('GET', '/api/invoices/inv_42').length).to.equal(after);
  });

  it('while the form is open the preview leaves the polling to the pay button', async () => {
    server.on('POST', '/api/invoices/inv_42/checkout', { status: 200, body: { sessionId: 'cs_1', clientSecret: 'cs_1_secret', publishableKey: 'pk_test_portico', connectedAccountId: null, amount: 99_940, currency: 'EUR' } });
    const el = await mount();
    const pay = $(el, '.side portico-pay-button') as HTMLElement & { pollInterval: number };
    await waitUntil(() => pay.getAttribute('state') === 'ready', 'no Pay now');
    el.pollInterval = 30;
    pay.pollInterval = 60_000;
    pay.shadowRoot!.querySelector<HTMLElement>('[part~="pay-button"]')!.click();
    await waitUntil(() => stripe.mounted, 'the form never mounted');
    await el.updateComplete;
    const before = server.to('GET', '/api/invoices/inv_42').length;
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(server.to('GET', '/api/invoices/inv_42').length).to.equal(before);
  });
});

describe('<portico-invoice-preview> parties and how to pay', () => {
  const seller = {
    ...invoiceDetailFixture().parties.seller,
    legalName: 'Harbor & Pine Studio GmbH',
    address: { lines: ['Hafenstraße 12'], postalCode: '20457', city: 'Hamburg', region: null, countryCode: 'DE' },
    vatId: 'DE123456789',
    taxNumber: '22/815/08150',
    registrationNumber: 'HRB 123456',
    contactEmail: 'billing@harborpine.test',
    contactPhone: '+49 40 1234567',
    paymentTermsText: 'Payable within 30 days, net.',
  };
  const bankAccount = { accountHolder: 'Harbor & Pine Studio GmbH', bankName: 'Hamburger Sparkasse', iban: 'DE89370400440532013000', bic: 'HASPDEHHXXX', accountNumber: null, routingNumber: null };
  const buyer = { name: 'Globex Italia S.r.l.', address: { lines: ['Via Roma 1'], postalCode: '20121', city: 'Milano', region: 'MI', countryCode: 'IT' }, vatId: 'IT12345678901', taxNumber: null };
  let copiedText: string[];
  let originalClipboard: PropertyDescriptor | undefined;

  beforeEach(() => {
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    copiedText = [];
    originalClipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (value: string) => void copiedText.push(value) } });
  });

  afterEach(() => {
    if (originalClipboard) Object.defineProperty(navigator, 'clipboard', originalClipboard);
    else delete (navigator as { clipboard?: unknown }).clipboard;
  });

  function serve(overrides: Parameters<typeof invoiceDetailFixture>[0] = {}, bank: typeof bankAccount | null = bankAccount): void {
    const body = invoiceDetailFixture({
      parties: { seller: { ...seller, bankAccount: bank }, buyer },
      taxNotes: [{ kind: 'reverse_charge', text: null }],
      ...overrides,
    });
    server.on('GET', '/api/invoices/inv_42', { status: 200, body });
  }

  it('shows the seller and the buyer with addresses, VAT IDs and numbers, the tax summary, notes and terms', async () => {
    serve();
    const el = await mount();
    const block = (part: string): string[] => [...$(el, `[part~="${part}"]`).querySelectorAll('h3, p, address span, dt, dd')].map((node) => text(node));
    expect(block('seller')).to.deep.equal([
      'From', 'Harbor & Pine Studio', 'Harbor & Pine Studio GmbH', 'Hafenstraße 12', '20457 Hamburg', 'Germany',
      'VAT ID', 'DE123456789', 'Tax number', '22/815/08150', 'Registration number', 'HRB 123456',
    ]);
    expect(block('buyer')).to.deep.equal(['Billed to', 'Globex Italia S.r.l.', 'Via Roma 1', '20121 Milano MI', 'Italy', 'VAT ID', 'IT12345678901']);
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="tax-summary"] tbody tr')].map((row) => [...row.children].map((cell) => text(cell)));
    expect(rows).to.deep.equal([
      ['Standard 20%', '€1,120.00', '€224.00'],
      ['Standard 29.5%', '€120.00', '€35.40'],
    ]);
    expect(text($(el, '[part~="terms"]'))).to.contain('Reverse charge: the customer is liable for the VAT.');
    expect(text($(el, '[part~="terms"]'))).to.contain('Payable within 30 days, net.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('with no card payments an open invoice shows the bank details with copy buttons; copying the IBAN copies it without spaces and says so', async () => {
    serve();
    const el = await mount();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="bank-transfer"]'), 'no bank details');
    expect(text($(el, '[part~="how-to-pay"] h3'))).to.equal('How to pay');
    expect(pairs($(el, '[part~="bank-transfer"] dl'))).to.deep.equal([
      ['Account holder', 'Harbor & Pine Studio GmbH Copy'],
      ['Bank', 'Hamburger Sparkasse'],
      ['IBAN', 'DE89 3704 0044 0532 0130 00 Copy'],
      ['BIC', 'HASPDEHHXXX Copy'],
      ['Reference', 'INV-0042 Copy'],
    ]);
    expect(el.shadowRoot!.querySelector('[part~="contact"]')).to.equal(null);
    const copy = $(el, 'button[aria-label="Copy IBAN"]');
    copy.click();
    await waitUntil(() => copiedText.length === 1, 'nothing copied');
    expect(copiedText).to.deep.equal(['DE89370400440532013000']);
    await el.updateComplete;
    expect(text(copy)).to.equal('Copied');
    expect(text($(el, '[part~="how-to-pay"] [aria-live="polite"]'))).to.equal('IBAN copied to the clipboard');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('with neither card payments nor a bank account, says whom to contact, with a mailto link', async () => {
    serve({}, null);
    const el = await mount();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="contact"]'), 'no contact line');
    expect(text($(el, '[part~="contact"]'))).to.equal('Please contact Harbor & Pine Studio to pay: billing@harborpine.test +49 40 1234567');
    expect($(el, '[part~="contact"] a').getAttribute('href')).to.equal('mailto:billing@harborpine.test');
    expect(el.shadowRoot!.querySelector('[part~="bank-transfer"]')).to.equal(null);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a paid invoice shows no How to pay', async () => {
    serve({ status: 'paid', displayStatus: 'paid', amountPaid: 149_940, balance: 0 });
    const el = await mount();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(el.shadowRoot!.querySelector('[part~="how-to-pay"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="bank-transfer"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~="contact"]')).to.equal(null);
  });

  const words: Record<string, [string, string, string]> = {
    en: ['How to pay', 'Bank transfer', 'VAT ID'],
    de: ['So bezahlen Sie', 'Überweisung', 'USt-IdNr.'],
    it: ['Come pagare', 'Bonifico bancario', 'Partita IVA'],
    ru: ['Как оплатить', 'Банковский перевод', 'Номер плательщика НДС'],
    ja: ['お支払い方法', '銀行振込', 'VAT番号'],
    ar: ['طريقة الدفع', 'تحويل مصرفي', 'رقم ضريبة القيمة المضافة'],
  };
  for (const [lang, [heading, bank, vat]] of Object.entries(words)) {
    it(`in ${lang} it says how to pay in its own words${lang === 'ar' ? ', right to left' : ''}`, async () => {
      serve();
      const el = await mount('inv_42', lang);
      await waitUntil(() => el.shadowRoot!.querySelector('[part~="bank-transfer"]'), 'no bank details');
      expect(text($(el, '[part~="how-to-pay"] h3'))).to.equal(heading);
      expect(text($(el, '[part~="bank-transfer"] h4'))).to.equal(bank);
      expect(text($(el, '[part~="seller"] dt'))).to.equal(vat);
      expect($(el, '.root').getAttribute('dir')).to.equal(lang === 'ar' ? 'rtl' : 'ltr');
      await expect(el).shadowDom.to.be.accessible();
    });
  }
});
