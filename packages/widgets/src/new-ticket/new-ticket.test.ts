import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeServer, invoiceFixture } from '../testing/fake-server.js';
import { FakeSupport } from '../testing/fake-tickets.js';
import { waitUntil } from '../testing/wait-until.js';
import type { PorticoTicketCreatedDetail } from './new-ticket.component.js';
import { definePorticoNewTicket, PorticoNewTicket } from './new-ticket.js';
import { text } from '../testing/shadow-dom.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
  new FakeSupport().serveClient(server);
  const invoices = [invoiceFixture(7), invoiceFixture(8), invoiceFixture(9, { number: null, displayStatus: 'draft', status: 'draft' })];
  server.on('GET', '/api/invoices?sort=issueDate&order=desc&limit=100', { status: 200, body: { invoices, nextCursor: null, counts: {}, total: 3 } });
});

afterEach(() => server.restore());

async function mount(invoiceId?: string): Promise<PorticoNewTicket> {
  const el = await fixture<PorticoNewTicket>(
    invoiceId
      ? html`<portico-new-ticket server="/portal" invoice-id=${invoiceId}></portico-new-ticket>`
      : html`<portico-new-ticket server="/portal"></portico-new-ticket>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelectorAll('option').length > 1, 'no invoices to choose');
  await el.updateComplete;
  return el;
}

function $<T extends HTMLElement = HTMLElement>(el: PorticoNewTicket, selector: string): T {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

describe('<portico-new-ticket>', () => {
  it('registers the tag, and registering twice does not throw', () => {
    expect(customElements.get('portico-new-ticket')).to.equal(PorticoNewTicket);
    definePorticoNewTicket();
    definePorticoNewTicket();
    expect(customElements.get('portico-new-ticket')).to.equal(PorticoNewTicket);
  });

  it('names the empty fields under them, focuses the first, and sends nothing', async () => {
    const el = await mount();
    $(el, 'form').querySelector<HTMLElement>('[type="submit"]')!.click();
    await el.updateComplete;
    expect(text($(el, '#subject-error'))).to.equal('Please enter a subject.');
    expect(text($(el, '#message-error'))).to.equal('Please write your message.');
    expect($(el, '#subject').getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#subject').getAttribute('aria-describedby')).to.equal('subject-error');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#subject'));
    expect(server.to('POST', '/api/tickets')).to.have.length(0);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('typed and sent by keyboard: POSTs subject, message and the chosen invoice, emits the new ticket, clears the form', async () => {
    const el = await mount();
    const options = [...el.shadowRoot!.querySelectorAll('option')].map(text);
    expect(options).to.deep.equal(['No particular invoice', 'INV-0007', 'INV-0008']);
    el.focus();
    await sendKeys({ type: 'Receipt missing' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Could you send the receipt?' });
    $<HTMLSelectElement>(el, '#invoice').value = 'inv_8';
    $(el, '#subject').focus();
    const created = oneEvent(el, 'portico-ticket-created');
    await sendKeys({ press: 'Enter' }); // Enter in a text field submits its form
    const detail = ((await created) as CustomEvent<PorticoTicketCreatedDetail>).detail;
    const [post] = server.to('POST', '/api/tickets');
    expect(post!.body).to.deep.equal({ subject: 'Receipt missing', message: 'Could you send the receipt?', invoiceId: 'inv_8' });
    expect(post!.credentials).to.equal('include');
    expect(detail.ticket.subject).to.equal('Receipt missing');
    expect(detail.messages[0]!.body).to.equal('Could you send the receipt?');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('');
    expect(text($(el, '[role="status"]'))).to.equal(`Ticket #${detail.ticket.number} opened.`);
  });

  it('invoice-id presets the invoice; without a choice no invoiceId is sent', async () => {
    const el = await mount('inv_7');
    expect($<HTMLSelectElement>(el, '#invoice').value).to.equal('inv_7');
    $<HTMLInputElement>(el, '#subject').value = 'About this one';
    $<HTMLTextAreaElement>(el, '#message').value = 'Hello';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => server.to('POST', '/api/tickets').length === 1);
    expect((server.to('POST', '/api/tickets')[0]!.body as { invoiceId?: string }).invoiceId).to.equal('inv_7');

    const plain = await mount();
    $<HTMLInputElement>(plain, '#subject').value = 'General';
    $<HTMLTextAreaElement>(plain, '#message').value = 'Hello';
    $<HTMLFormElement>(plain, 'form').requestSubmit();
    await waitUntil(() => server.to('POST', '/api/tickets').length === 2);
    expect(server.to('POST', '/api/tickets')[1]!.body).to.deep.equal({ subject: 'General', message: 'Hello' });
  });

  it("shows the server's refusal at its field, or over the form", async () => {
    server.on('POST', '/api/tickets', { status: 400, body: { error: { code: 'invalid_input', message: 'The subject is too long.', field: 'subject' } } });
    const el = await mount();
    $<HTMLInputElement>(el, '#subject').value = 'S';
    $<HTMLTextAreaElement>(el, '#message').value = 'M';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('#subject-error'), 'no field error');
    expect(text($(el, '#subject-error'))).to.equal('The subject is too long.');
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('S'); // nothing lost

    server.offline('POST', '/api/tickets');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('[role="alert"]'), 'no form error');
    expect(text($(el, '[role="alert"]'))).to.equal('We could not reach the portal. Check your connection and try again.');
    await expect(el).shadowDom.to.be.accessible();
  });

  it('attaches files picked or dropped, refuses one over 10 MB at once, and sends the rest as a form', async () => {
    const el = await mount();
    const input = $<HTMLInputElement>(el, '#files');
    const picked = new DataTransfer();
    picked.items.add(new File(['%PDF-1.4'], 'receipt.pdf', { type: 'application/pdf' }));
    picked.items.add(new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'huge.pdf', { type: 'application/pdf' }));
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text($(el, '[part~="file-picker"] [role="alert"]'))).to.equal('huge.pdf is larger than 10 MB, so it was not added.');
    expect([...el.shadowRoot!.querySelectorAll('[part~="chosen-files"] li')].map(text)).to.deep.equal(['receipt.pdf 8 bytes ×']);

    const dropped = new DataTransfer();
    dropped.items.add(new File(['a,b'], 'lines.csv', { type: 'text/csv' }));
    dropped.items.add(new File(['x'], 'extra.txt', { type: 'text/plain' }));
    $(el, '[part~="file-picker"]').dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="file-picker"] [role="alert"]')).to.equal(null);
    el.shadowRoot!.querySelector<HTMLElement>('[part~="remove-file"][aria-label="Remove extra.txt"]')!.click();
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('[part~="chosen-files"] li span[dir]')].map(text)).to.deep.equal(['receipt.pdf', 'lines.csv']);
    await expect(el).shadowDom.to.be.accessible();

    $<HTMLInputElement>(el, '#subject').value = 'With files';
    $<HTMLTextAreaElement>(el, '#message').value = 'See attached.';
    const created = oneEvent(el, 'portico-ticket-created');
    $<HTMLFormElement>(el, 'form').requestSubmit();
    const detail = ((await created) as CustomEvent<PorticoTicketCreatedDetail>).detail;
    const body = server.to('POST', '/api/tickets')[0]!.body as FormData;
    expect(body).to.be.instanceOf(FormData);
    expect([body.get('subject'), body.get('message'), body.has('invoiceId')]).to.deep.equal(['With files', 'See attached.', false]);
    expect(body.getAll('files').map((file) => (file as File).name)).to.deep.equal(['receipt.pdf', 'lines.csv']);
    expect(detail.messages[0]!.attachments.map((attachment) => attachment.filename)).to.deep.equal(['receipt.pdf', 'lines.csv']);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="chosen-files"]'), 'the files are sent, so no longer chosen').to.equal(null);
  });

  it('a file the server refuses for its type is said in the page\'s language', async () => {
    server.on('POST', '/api/tickets', { status: 415, body: { error: { code: 'attachment_type_not_allowed', message: 'tool.exe: not a file type we take.' } } });
    const el = await fixture<PorticoNewTicket>(html`<portico-new-ticket server="/portal" lang="de"></portico-new-ticket>`);
    await el.updateComplete;
    const picked = new DataTransfer();
    picked.items.add(new File(['MZ'], 'tool.exe'));
    const input = $<HTMLInputElement>(el, '#files');
    input.files = picked.files;
    input.dispatchEvent(new Event('change'));
    $<HTMLInputElement>(el, '#subject').value = 'Datei';
    $<HTMLTextAreaElement>(el, '#message').value = 'Anbei.';
    $<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => el.shadowRoot!.querySelector('.message.error'), 'no form error');
    expect(text($(el, '.message.error'))).to.equal('Diese Art Datei wird nicht angenommen. Hängen Sie Bilder, PDFs, Text- oder CSV-Dateien oder Office-Dokumente an.');
    expect(el.shadowRoot!.querySelectorAll('[part~="chosen-files"] li'), 'kept, to remove and send again').to.have.length(1);
  });

  it('Cancel clears the form and says so with portico-ticket-cancel', async () => {
    const el = await mount();
    $<HTMLInputElement>(el, '#subject').value = 'Draft';
    const cancelled = oneEvent(el, 'portico-ticket-cancel');
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('button')].find((button) => text(button) === 'Cancel')!.click();
    await cancelled;
    expect($<HTMLInputElement>(el, '#subject').value).to.equal('');
  });
});
