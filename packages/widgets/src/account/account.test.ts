import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { AccountResponse } from '@portico/wire';
import { accountFixture, serveAccount } from '../testing/fake-account.js';
import { PorticoClient } from '../client/portico-client.js';
import { FakeServer, unauthenticated } from '../testing/fake-server.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoAccount, PorticoAccountSavedDetail } from './account.component.js';
import './account.js';
import { text } from '../testing/shadow-dom.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
});

afterEach(() => {
  server.restore();
});

async function mount(account: AccountResponse = accountFixture(), { lang = 'en', theme }: { lang?: string; theme?: string } = {}) {
  const current = serveAccount(server, account);
  const el = await fixture<PorticoAccount>(html`<portico-account server="/portal" business="harbor-pine" lang=${lang} theme=${theme ?? ''}></portico-account>`);
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'the account did not load');
  await el.updateComplete;
  return { el, current };
}

function $<T extends HTMLElement = HTMLElement>(el: PorticoAccount, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function type(el: PorticoAccount, selector: string, value: string): void {
  const input = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function submit(el: PorticoAccount, formOf: string): Promise<void> {
  $(el, formOf).closest('form')!.requestSubmit();
  await el.updateComplete;
  await waitUntil(() => !el.shadowRoot!.querySelector('button[aria-disabled="true"]'), 'the form stayed busy');
  await el.updateComplete;
}

describe('<portico-account> billing details', () => {
  it('shows the billing details and saves what the client typed, saying so', async () => {
    const { el, current } = await mount();
    expect($<HTMLInputElement>(el, '#billing-name').value).to.equal('Globex Corporation');
    expect($<HTMLInputElement>(el, '#city').value).to.equal('Milano');
    expect($<HTMLInputElement>(el, '#vat-id').value).to.equal('IT12345678901');
    type(el, '#billing-name', 'Globex S.p.A.');
    type(el, '#line2', 'Scala B');
    type(el, '#tax-number', 'RSSMRA80A01F205X');
    const saved = oneEvent(el, 'portico-account-saved');
    await submit(el, '#billing-name');
    expect(server.to('PATCH', '/api/account')[0]!.body).to.deep.equal({
      name: 'Globex S.p.A.',
      vatId: 'IT12345678901',
      taxNumber: 'RSSMRA80A01F205X',
      billingAddress: { lines: ['Via Roma 12', 'Scala B'], postalCode: '20121', city: 'Milano', region: null, countryCode: 'IT' },
    });
    expect(((await saved) as CustomEvent<PorticoAccountSavedDetail>).detail.account.name).to.equal('Globex S.p.A.');
    expect(current().taxNumber).to.equal('RSSMRA80A01F205X');
    expect(text($(el, '#billing-message'))).to.equal('Saved.');
    expect($(el, '#billing-message').getAttribute('role')).to.equal('status');
  });

  it('clears the address when all its inputs are emptied', async () => {
    const { el } = await mount();
    for (const id of ['#line1', '#postal-code', '#city', '#country']) type(el, id, '');
    await submit(el, '#line1');
    expect((server.to('PATCH', '/api/account')[0]!.body as Record<string, unknown>)['billingAddress']).to.equal(null);
  });

  it('shows locked fields read-only with a note, and never sends them', async () => {
    const { el } = await mount(accountFixture({ lockedFields: ['name', 'vatId'] }));
    const name = $<HTMLInputElement>(el, '#billing-name');
    expect(name.readOnly).to.equal(true);
    expect(name.getAttribute('aria-describedby')).to.contain('billing-name-locked');
    expect(text($(el, '#billing-name-locked'))).to.equal('Only the business can change this.');
    expect($<HTMLInputElement>(el, '#vat-id').readOnly).to.equal(true);
    expect($<HTMLInputElement>(el, '#city').readOnly).to.equal(false);
    await submit(el, '#city');
    const body = server.to('PATCH', '/api/account')[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).to.deep.equal(['billingAddress', 'taxNumber']);
  });

  it('says what is wrong with a refused field, marks it and moves focus to it, in the widget’s language', async () => {
    const { el } = await mount(accountFixture(), { lang: 'de' });
    server.on('PATCH', '/api/account', { status: 400, body: { error: { code: 'invalid_vat_id', message: 'vatId is not a VAT number.', field: 'vatId' } } });
    type(el, '#vat-id', 'XX1');
    await submit(el, '#vat-id');
    const input = $<HTMLInputElement>(el, '#vat-id');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('billing-message');
    expect(text($(el, '#billing-message'))).to.equal('Bitte prüfen: USt-IdNr. (optional).');
    expect($(el, '#billing-message').getAttribute('role')).to.equal('alert');
    expect(el.shadowRoot!.activeElement?.id).to.equal('vat-id');
  });

  it('a 401 tells the page the session ended', async () => {
    const { el } = await mount();
    server.on('PATCH', '/api/account', unauthenticated);
    const ended = oneEvent(el, 'portico-auth-required');
    $(el, '#billing-name').closest('form')!.requestSubmit();
    await ended;
  });
});

describe('<portico-account> you and your language', () => {
  it('saves your name and the language chosen', async () => {
    const { el, current } = await mount();
    const options = [...$<HTMLSelectElement>(el, '#language').options].map((option) => option.textContent!.trim());
    expect(options).to.include.members(['Deutsch', '日本語', 'العربية']);
    type(el, '#your-name', 'Ann A. Archer');
    type(el, '#language', 'ja');
    const saved = oneEvent(el, 'portico-account-saved');
    await submit(el, '#your-name');
    expect(server.to('PATCH', '/api/account')[0]!.body).to.deep.equal({ contactName: 'Ann A. Archer', language: 'ja', timeZone: null });
    expect(((await saved) as CustomEvent<PorticoAccountSavedDetail>).detail.account.language).to.equal('ja');
    expect(current().contacts[0]!.name).to.equal('Ann A. Archer');
    expect(text($(el, '#you-message'))).to.equal('Saved.');
  });
});

describe('<portico-account> time zone', () => {
  it('offers the business’s zone first, then every zone; the one chosen is saved and every time the client is shown follows it', async () => {
    const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
    serveAccount(server);
    const el = await fixture<PorticoAccount>(html`<portico-account .client=${client} lang="en"></portico-account>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#time-zone'), 'the account did not load');
    const select = $<HTMLSelectElement>(el, '#time-zone');
    expect(text(select.options[0])).to.equal('The business’s (Europe/Rome)');
    expect(select.value).to.equal('');
    expect([...select.options].map((option) => option.value)).to.include.members(['Asia/Tokyo', 'America/New_York']);
    expect(text($(el, '#time-zone-hint'))).to.contain('shown in this zone');

    type(el, '#time-zone', 'Asia/Tokyo');
    await submit(el, '#your-name');
    expect((server.to('PATCH', '/api/account')[0]!.body as { timeZone: unknown }).timeZone).to.equal('Asia/Tokyo');
    expect(client.timeZone).to.equal('Asia/Tokyo');
    expect($<HTMLSelectElement>(el, '#time-zone').value).to.equal('Asia/Tokyo');

    type(el, '#time-zone', '');
    await submit(el, '#your-name');
    expect((server.to('PATCH', '/api/account')[1]!.body as { timeZone: unknown }).timeZone).to.equal(null);
    expect(client.timeZone).to.equal('Europe/Rome');
  });

  it('names the zone in the widget’s language', async () => {
    const { el } = await mount(accountFixture(), { lang: 'de' });
    expect(text($(el, 'label[for="time-zone"]'))).to.equal('Zeitzone');
    expect(text($<HTMLSelectElement>(el, '#time-zone').options[0])).to.equal('Die des Unternehmens (Europe/Rome)');
  });
});

describe('<portico-account> contacts of the company', () => {
  it('lists the contacts; ticking one saves at once; the last one receiving invoices stays ticked, saying why', async () => {
    const { el, current } = await mount();
    const rows = [...el.shadowRoot!.querySelectorAll('[part~="contact"]')];
    expect(rows.map((row) => text(row.querySelector('.contact-name')))).to.deep.equal(['Ann Archer', 'Bob Books']);
    expect(text(rows[0]!)).to.contain('you');
    expect(rows[0]!.querySelector('.remove'), 'no Remove for yourself').to.equal(null);

    const ann = $<HTMLInputElement>(el, '#receives-con_1');
    expect(ann.getAttribute('aria-label')).to.equal('Ann Archer receives invoices');
    ann.click();
    await waitUntil(() => el.shadowRoot!.querySelector('#contacts-message'), 'no answer shown');
    await el.updateComplete;
    expect(text($(el, '#contacts-message'))).to.equal('Someone at your company must receive invoices: tick another contact first.');
    expect(ann.checked, 'the checkbox flips back').to.equal(true);

    $<HTMLInputElement>(el, '#receives-con_2').click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('#contacts-message')) === 'Saved.', 'Bob was not ticked');
    expect(current().contacts[1]!.receivesInvoices).to.equal(true);
    expect(server.to('PATCH', '/api/account/contacts/con_2')[0]!.body).to.deep.equal({ receivesInvoices: true });
  });

  it('adds a colleague and removes one, confirming each', async () => {
    const { el, current } = await mount();
    type(el, '#new-name', 'Cleo Count');
    type(el, '#new-email', 'cleo@globex.test');
    $<HTMLInputElement>(el, '#new-invoices').click();
    await submit(el, '#new-name');
    expect(server.to('POST', '/api/account/contacts')[0]!.body).to.deep.equal({ name: 'Cleo Count', email: 'cleo@globex.test', receivesInvoices: false });
    expect(text($(el, '#add-message'))).to.equal('Cleo Count was added.');
    expect($<HTMLInputElement>(el, '#new-name').value, 'the form is emptied').to.equal('');

    const bob = el.shadowRoot!.querySelector<HTMLButtonElement>('[data-id="con_2"] .remove')!;
    expect(text(bob)).to.equal('Remove Bob Books');
    bob.click();
    await waitUntil(() => text(el.shadowRoot!.querySelector('#contacts-message')) === 'Bob Books was removed.', 'Bob was not removed');
    await el.updateComplete;
    expect(current().contacts.map((c) => c.id)).to.deep.equal(['con_1', 'con_3']);
    expect(el.shadowRoot!.activeElement?.id, 'focus on the list’s heading').to.equal('contacts-heading');
  });

  it('refuses an address already a contact, at the email input', async () => {
    const { el } = await mount();
    type(el, '#new-name', 'Ann again');
    type(el, '#new-email', 'ann@globex.test');
    await submit(el, '#new-name');
    expect(text($(el, '#add-message'))).to.equal('Your company already has a contact with that email address.');
    expect($(el, '#new-email').getAttribute('aria-invalid')).to.equal('true');
  });
});

describe('<portico-account> accessibility and languages', () => {
  for (const theme of ['light', 'dark']) {
    it(`is accessible in ${theme}, with a locked field and an error on screen`, async () => {
      const { el } = await mount(accountFixture({ lockedFields: ['vatId'] }), { theme });
      server.on('PATCH', '/api/account', { status: 400, body: { error: { code: 'invalid_country', message: 'Bad country.', field: 'billingAddress.countryCode' } } });
      await submit(el, '#city');
      expect(text($(el, '#billing-message'))).to.equal('Please check: Country code.');
      await expect(el).shadowDom.to.be.accessible();
    });
  }

  it('reads right to left in Arabic and is accessible', async () => {
    const { el } = await mount(accountFixture(), { lang: 'ar' });
    const root = $(el, '[part~="account"]');
    expect(root.getAttribute('dir')).to.equal('rtl');
    expect(text($(el, '#billing-heading'))).to.equal('بيانات الفوترة');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('speaks Japanese', async () => {
    const { el } = await mount(accountFixture(), { lang: 'ja' });
    expect(text($(el, '#contacts-heading'))).to.equal('御社の連絡先');
    expect(text($(el, '[part~="button-primary"]'))).to.equal('保存');
  });
});
