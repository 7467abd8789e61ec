import { expect } from '@open-wc/testing';
import {
  chunked,
  countsOf,
  FakeServer,
  invoiceDetailFixture,
  makeZip,
  sessionFixture,
  sameBytes,
  statementFixture,
  unauthenticated,
} from '../testing/fake-server.js';
import { filenameFrom, invoiceQueryString, PorticoApiError, PorticoClient } from './portico-client.js';
import { ZipEntryCounter } from './zip-entry-counter.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
});

afterEach(() => server.restore());

async function rejection(promise: Promise<unknown>): Promise<PorticoApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PorticoApiError);
    return error as PorticoApiError;
  }
  throw new Error('expected a rejection');
}

describe('PorticoClient', () => {
  it('joins the base URL without doubling slashes and escapes the business slug', async () => {
    server.on('POST', '/auth/request-link/a%2Fb', { status: 202, body: { status: 'sent' } });
    await new PorticoClient({ server: '/portal/', business: 'a/b' }).requestLink('ann@globex.test');
    expect(server.requests[0]!.url).to.equal('/portal/auth/request-link/a%2Fb');
  });

  it("surfaces the server's error code, message and field", async () => {
    server.on('POST', '/auth/request-link/harbor-pine', {
      status: 400,
      body: { error: { code: 'invalid_email', message: 'email must be an email address like name@example.com.', field: 'email' } },
    });
    const error = await rejection(new PorticoClient({ server: '/portal', business: 'harbor-pine' }).requestLink('x'));
    expect(error.status).to.equal(400);
    expect(error.code).to.equal('invalid_email');
    expect(error.message).to.equal('email must be an email address like name@example.com.');
    expect(error.field).to.equal('email');
  });

  it('reads Retry-After on a 429', async () => {
    server.on('POST', '/auth/request-link/harbor-pine', {
      status: 429,
      headers: { 'retry-after': '90' },
      body: { error: { code: 'rate_limited', message: 'Too many attempts. Try again in 2 minutes.' } },
    });
    const error = await rejection(new PorticoClient({ server: '/portal', business: 'harbor-pine' }).requestLink('ann@globex.test'));
    expect(error.retryAfterSeconds).to.equal(90);
  });

  it('turns a failed fetch into network_error and a non-JSON answer into http_error', async () => {
    server.offline('GET', '/api/session');
    const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
    const offline = await rejection(client.session());
    expect(offline.code).to.equal('network_error');
    expect(offline.status).to.equal(0);

    server.on('GET', '/api/session', { status: 502 });
    const bad = await rejection(client.session());
    expect(bad.code).to.equal('http_error');
    expect(bad.status).to.equal(502);
  });

  it('session() answers null on 401', async () => {
    server.on('GET', '/api/session', unauthenticated);
    expect(await new PorticoClient({ server: '/portal', business: 'harbor-pine' }).session()).to.equal(null);
  });

  it('after redeeming a link it sends the bearer token and no cookie; signing out forgets it', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    server.on('POST', '/auth/sign-out', { status: 204 });
    const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
    expect(client.mode).to.equal('cookie');
    const signedIn = await client.redeemLink('link-token');
    expect(signedIn.sessionToken).to.equal('tok');
    expect(client.mode).to.equal('bearer');
    await client.session();
    const sessionRequest = server.to('GET', '/api/session')[0]!;
    expect(sessionRequest.headers['authorization']).to.equal('Bearer tok');
    expect(sessionRequest.credentials).to.equal(undefined);
    expect(JSON.stringify(client)).not.to.contain('tok');

    await client.signOut();
    expect(server.to('POST', '/auth/sign-out')[0]!.headers['authorization']).to.equal('Bearer tok');
    expect(client.mode).to.equal('cookie');
  });

  it('sign out forgets the token even when the server cannot be reached', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.offline('POST', '/auth/sign-out');
    const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
    await client.redeemLink('link-token');
    await rejection(client.signOut());
    expect(client.mode).to.equal('cookie');
  });

  it('knows whether the server is on another origin', () => {
    expect(new PorticoClient({ server: '/portal', business: 'b' }).crossOrigin).to.equal(false);
    expect(new PorticoClient({ server: location.origin + '/portal', business: 'b' }).crossOrigin).to.equal(false);
    expect(new PorticoClient({ server: 'https://portico.example/portal', business: 'b' }).crossOrigin).to.equal(true);
  });
});

describe('PorticoClient billing', () => {
  const client = (): PorticoClient => new PorticoClient({ server: '/portal', business: 'harbor-pine' });

  it('serialises the list query: comma-separated statuses, no empty filters, stable order', async () => {
    server.on('GET', '/api/invoices', { status: 200, body: { invoices: [], nextCursor: null, counts: countsOf([]), total: 0 } });
    await client().listInvoices({ status: ['sent', 'overdue'], from: '2025-01-01', to: '', q: '  INV 7 ', sort: 'dueDate', order: 'asc', limit: 25, cursor: 'c/1' });
    await client().listInvoices();
    await client().listInvoices({ status: [], q: '   ' });
    const [first, second, third] = server.toPath('GET', '/api/invoices');
    expect(first!.url).to.equal('/portal/api/invoices?status=sent,overdue&from=2025-01-01&q=INV+7&sort=dueDate&order=asc&limit=25&cursor=c%2F1');
    expect(first!.query.get('cursor')).to.equal('c/1');
    expect(first!.credentials).to.equal('include');
    expect(second!.url).to.equal('/portal/api/invoices');
    expect(third!.url).to.equal('/portal/api/invoices');
    expect(invoiceQueryString({ clientId: 'cli 1', status: ['draft'] })).to.equal('?status=draft&clientId=cli+1');
  });

  it('reads the statement and one invoice, escaping the id', async () => {
    server.on('GET', '/api/statement', { status: 200, body: statementFixture() });
    server.on('GET', '/api/invoices/a%2Fb', { status: 200, body: invoiceDetailFixture() });
    expect((await client().statement()).currencies.map((c) => c.currency)).to.deep.equal(['EUR', 'USD']);
    expect((await client().invoice('a/b')).lines).to.have.length(3);
    expect(client().invoicePdfUrl('a/b')).to.equal('/portal/api/invoices/a%2Fb/pdf');
    expect(client().invoicePdfUrl('a/b', 'de')).to.equal('/portal/api/invoices/a%2Fb/pdf?locale=de');
    expect(client().invoiceZipUrl({ ids: ['x'] }, 'ja')).to.equal('/portal/api/invoices/download.zip?ids=x&locale=ja');
    expect(client().invoiceZipUrl({ status: ['paid'] })).to.equal('/portal/api/invoices/download.zip?status=paid');
  });

  it('a 404 for an invoice is a PorticoApiError with the code', async () => {
    server.on('GET', '/api/invoices/inv_x', { status: 404, body: { error: { code: 'invoice_not_found', message: 'No such invoice.' } } });
    const error = await rejection(client().invoice('inv_x'));
    expect(error.status).to.equal(404);
    expect(error.code).to.equal('invoice_not_found');
  });

  it('an aborted request rejects with code aborted', async () => {
    server.on('GET', '/api/statement', async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { status: 200, body: statementFixture() };
    });
    const controller = new AbortController();
    const pending = client().statement({ signal: controller.signal });
    controller.abort();
    expect((await rejection(pending)).code).to.equal('aborted');
  });

  it('downloadZip streams the body, reports bytes and PDFs, and hands back the same bytes as a Blob', async () => {
    const pdf = (n: number): Uint8Array => new TextEncoder().encode(`%PDF-1.7 invoice ${n} `.repeat(40));
    const zip = makeZip([...[1, 2, 3].map((n) => ({ name: `INV-000${n}.pdf`, data: pdf(n) })), { name: 'invoices.csv', data: new Uint8Array(10) }]);
    server.on('GET', '/api/invoices/download.zip', {
      status: 200,
      stream: chunked(zip, 97), // headers cut across chunks
      headers: { 'content-disposition': 'attachment; filename="harbor-pine-invoices.zip"; filename*=UTF-8\'\'harbor-pine-invoices%20%C3%A9.zip' },
    });
    const seen: Array<{ bytes: number; pdfs: number }> = [];
    const result = await client().downloadZip({ status: ['paid'], q: 'x', sort: 'issueDate', order: 'desc' }, (p) => seen.push({ bytes: p.bytes, pdfs: p.pdfs }));
    const [request] = server.toPath('GET', '/api/invoices/download.zip');
    expect(request!.url).to.equal('/portal/api/invoices/download.zip?status=paid&q=x&sort=issueDate&order=desc');
    expect(request!.credentials).to.equal('include');
    expect(result.filename).to.equal('harbor-pine-invoices é.zip');
    expect(result.pdfs).to.equal(3);
    expect(result.bytes).to.equal(zip.byteLength);
    expect(sameBytes(new Uint8Array(await result.blob.arrayBuffer()), zip)).to.equal(true);
    expect(seen.length).to.be.greaterThan(5);
    expect(seen.at(-1)).to.deep.equal({ bytes: zip.byteLength, pdfs: 3 });
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).to.be.at.least(seen[i - 1]!.bytes);
  });

  it('downloadZip of a selection sends ?ids=, and in bearer mode the token instead of the cookie', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.on('GET', '/api/invoices/download.zip', { status: 200, stream: [makeZip([{ name: 'a.pdf', data: new Uint8Array(3) }])] });
    const bearer = client();
    await bearer.redeemLink('link');
    const result = await bearer.downloadZip({ ids: ['inv_1', 'inv,2'] });
    const [request] = server.toPath('GET', '/api/invoices/download.zip');
    expect(request!.url).to.equal('/portal/api/invoices/download.zip?ids=inv_1,inv%2C2');
    expect(request!.headers['authorization']).to.equal('Bearer tok');
    expect(request!.credentials).to.equal(undefined);
    expect(result.filename).to.equal('invoices.zip');
    expect(result.pdfs).to.equal(1);
  });

  it('a refused download is a PorticoApiError, and no bytes are handed back', async () => {
    server.on('GET', '/api/invoices/download.zip', { status: 404, body: { error: { code: 'invoice_not_found', message: 'No such invoice.' } } });
    const error = await rejection(client().downloadZip({ ids: ['inv_b'] }));
    expect(error.code).to.equal('invoice_not_found');
  });

  it('reads file names from Content-Disposition, without any path', () => {
    expect(filenameFrom('attachment; filename="a.zip"')).to.equal('a.zip');
    expect(filenameFrom('attachment; filename=b.pdf')).to.equal('b.pdf');
    expect(filenameFrom("attachment; filename*=UTF-8''%D1%81%D1%87%D0%B5%D1%82.pdf")).to.equal('счет.pdf');
    expect(filenameFrom('attachment; filename="../../etc/passwd"')).to.equal('passwd');
    expect(filenameFrom('attachment')).to.equal(null);
    expect(filenameFrom(null)).to.equal(null);
  });
});

describe('PorticoClient payments', () => {
  const client = (): PorticoClient => new PorticoClient({ server: '/portal', business: 'harbor-pine' });
  const checkout = { sessionId: 'cs_test_1', clientSecret: 'cs_test_1_secret', publishableKey: 'pk_test_1', amount: 99_940, currency: 'EUR' };

  it('startCheckout POSTs JSON (the return URL when given) to the invoice, escaping its id', async () => {
    server.on('POST', '/api/invoices/inv%2F1/checkout', { status: 200, body: checkout });
    expect(await client().startCheckout('inv/1', { returnUrl: 'https://studio.test/portal?invoice=inv_1' })).to.deep.equal(checkout);
    expect(await client().startCheckout('inv/1')).to.deep.equal(checkout);
    const [withReturn, without] = server.to('POST', '/api/invoices/inv%2F1/checkout');
    expect(withReturn!.body).to.deep.equal({ returnUrl: 'https://studio.test/portal?invoice=inv_1' });
    expect(withReturn!.headers['content-type']).to.equal('application/json');
    expect(withReturn!.credentials).to.equal('include');
    expect(without!.body).to.deep.equal({});
  });

  it('startCheckout surfaces stripe_not_configured and invoice_not_payable with their codes', async () => {
    server.on('POST', '/api/invoices/inv_1/checkout', { status: 409, body: { error: { code: 'stripe_not_configured', message: 'No Stripe.' } } });
    expect((await rejection(client().startCheckout('inv_1'))).code).to.equal('stripe_not_configured');
    server.on('POST', '/api/invoices/inv_1/checkout', { status: 409, body: { error: { code: 'invoice_not_payable', message: 'Paid.' } } });
    const error = await rejection(client().startCheckout('inv_1'));
    expect([error.status, error.code]).to.deep.equal([409, 'invoice_not_payable']);
  });

  it('checkoutStatus GETs the session, with the bearer token in bearer mode', async () => {
    const status = { invoiceId: 'inv_1', status: 'complete', paymentStatus: 'paid', invoice: { status: 'paid', displayStatus: 'paid', amountPaid: 100, balance: 0, version: 3 } };
    server.on('GET', '/api/checkout/cs_test_1', { status: 200, body: status });
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    const bearer = client();
    await bearer.redeemLink('link');
    expect(await bearer.checkoutStatus('cs_test_1')).to.deep.equal(status);
    expect(server.to('GET', '/api/checkout/cs_test_1')[0]!.headers['authorization']).to.equal('Bearer tok');
  });

  it('currentSession() shares one GET /api/session between callers, and asks again after a failure or sign-out', async () => {
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    const shared = client();
    const [a, b] = await Promise.all([shared.currentSession(), shared.currentSession()]);
    expect(a).to.equal(b);
    expect(await shared.currentSession()).to.equal(a);
    expect(server.to('GET', '/api/session')).to.have.length(1);
    await shared.session(); // an explicit look refreshes what is shared
    expect(server.to('GET', '/api/session')).to.have.length(2);

    const failing = client();
    server.offline('GET', '/api/session');
    expect((await rejection(failing.currentSession())).code).to.equal('network_error');
    server.on('GET', '/api/session', { status: 200, body: sessionFixture() });
    expect(await failing.currentSession()).to.deep.equal(sessionFixture());

    server.on('POST', '/auth/sign-out', { status: 204 });
    await failing.signOut();
    await failing.currentSession();
    expect(server.to('GET', '/api/session')).to.have.length(5);
  });
});

describe('ZipEntryCounter', () => {
  it('counts PDFs whatever the chunk size, even one byte at a time', () => {
    const zip = makeZip([
      { name: 'INV-1.pdf', data: new Uint8Array(50).fill(7) },
      { name: 'invoices.csv', data: new Uint8Array(5) },
      { name: 'INV-2.PDF', data: new Uint8Array(0) },
    ]);
    for (const size of [1, 2, 3, 7, 29, 30, 31, 64, zip.byteLength]) {
      const counter = new ZipEntryCounter();
      for (const chunk of chunked(zip, size)) counter.push(chunk);
      expect(counter.count, `chunks of ${size}`).to.equal(2);
      expect(counter.entries, `chunks of ${size}`).to.equal(3);
    }
  });
});

describe('PorticoClient support tickets', () => {
  const client = (): PorticoClient => new PorticoClient({ server: '/portal', business: 'harbor-pine' });

  it("sends the client's calls on the session, ids escaped", async () => {
    const thread = { ticket: { id: 't/1' }, messages: [] };
    server.on('GET', '/api/tickets', { status: 200, body: { tickets: [], unreadCount: 0 } });
    server.on('POST', '/api/tickets', { status: 201, body: thread });
    server.on('GET', '/api/tickets/t%2F1', { status: 200, body: thread });
    server.on('POST', '/api/tickets/t%2F1/messages', { status: 201, body: { id: 'msg_1' } });
    await client().listTickets();
    await client().openTicket({ subject: 'S', message: 'M', invoiceId: 'inv_1' });
    await client().ticket('t/1');
    await client().replyToTicket('t/1', 'Thanks');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([
      'GET /portal/api/tickets',
      'POST /portal/api/tickets',
      'GET /portal/api/tickets/t%2F1',
      'POST /portal/api/tickets/t%2F1/messages',
    ]);
    expect(server.requests[1]!.body).to.deep.equal({ subject: 'S', message: 'M', invoiceId: 'inv_1' });
    expect(server.requests[3]!.body).to.deep.equal({ message: 'Thanks' });
  });

  it('joins an attachment url to the server, and downloads it with the bearer token', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.on('GET', '/api/tickets/tkt_1/attachments/att_1', { status: 200, body: { any: 'bytes' } });
    const bearer = client();
    expect(bearer.attachmentUrl('/api/tickets/tkt_1/attachments/att_1')).to.equal('/portal/api/tickets/tkt_1/attachments/att_1');
    await bearer.redeemLink('link');
    const file = await bearer.downloadAttachment({ url: '/api/tickets/tkt_1/attachments/att_1', filename: 'receipt.pdf' });
    expect(file.filename).to.equal('receipt.pdf');
    expect(server.requests.at(-1)!.headers['authorization']).to.equal('Bearer tok');
  });
});
