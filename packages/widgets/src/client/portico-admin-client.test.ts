import { expect } from '@open-wc/testing';
import { adminInvoiceFixture, countsOf, FakeServer } from '../testing/fake-server.js';
import { PorticoAdminClient } from './portico-admin-client.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
});

afterEach(() => server.restore());

describe('PorticoAdminClient', () => {
  const client = (): PorticoAdminClient => new PorticoAdminClient({ server: '/portal', business: 'harbor-pine' });

  it('admin calls go with the host app cookies, never the client bearer', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.on('GET', '/admin/invoices', { status: 200, body: { invoices: [], nextCursor: null, counts: countsOf([]), total: 0 } });
    server.on('POST', '/admin/invoices/inv_1/send', { status: 200, body: { invoice: adminInvoiceFixture(1), emailsQueued: 2 } });
    const admin = client();
    await admin.redeemLink('link');
    await admin.adminListInvoices({ clientId: 'cli_1', sort: 'status', order: 'asc' });
    const sent = await admin.adminSendInvoice('inv_1');
    expect(sent.emailsQueued).to.equal(2);
    const [list] = server.toPath('GET', '/admin/invoices');
    expect(list!.url).to.equal('/portal/admin/invoices?clientId=cli_1&sort=status&order=asc');
    for (const request of [list!, server.to('POST', '/admin/invoices/inv_1/send')[0]!]) {
      expect(request.credentials).to.equal('include');
      expect(request.headers['authorization']).to.equal(undefined);
    }
  });

  it("sends the business's ticket calls on the host app's cookies, ids escaped", async () => {
    server.on('GET', '/admin/tickets?status=pending&unread=1', { status: 200, body: { tickets: [], unreadCount: 0, heldCount: 0 } });
    server.on('GET', '/admin/tickets/unread-count', { status: 200, body: { unread: 3, held: 1 } });
    server.on('POST', '/admin/tickets/t%2F1/messages', { status: 201, body: { id: 'msg_2', internal: true } });
    await client().adminListTickets({ status: 'pending', unread: true });
    expect(await client().adminTicketUnreadCount()).to.deep.equal({ unread: 3, held: 1 });
    await client().adminReplyToTicket('t/1', { message: 'Note', internal: true });
    const admin = server.requests;
    expect(admin.map((r) => r.url)).to.deep.equal(['/portal/admin/tickets?status=pending&unread=1', '/portal/admin/tickets/unread-count', '/portal/admin/tickets/t%2F1/messages']);
    for (const request of admin) expect(request.credentials).to.equal('include');
    expect(admin[2]!.body).to.deep.equal({ message: 'Note', internal: true });
  });

  it('close and reopen answer the ticket, whether the server sends the ticket or the whole thread', async () => {
    const ticket = { id: 'tkt_1', status: 'closed' };
    server.on('POST', '/admin/tickets/tkt_1/close', { status: 200, body: ticket });
    server.on('POST', '/admin/tickets/tkt_1/reopen', { status: 200, body: { ticket: { ...ticket, status: 'open' }, messages: [], client: {} } });
    expect(await client().adminSetTicketOpen('tkt_1', false)).to.deep.equal(ticket);
    expect((await client().adminSetTicketOpen('tkt_1', true)).status).to.equal('open');
  });

  it('accepts held mail into the ticket it claims, and discards with an empty 204', async () => {
    server.on('POST', '/admin/inbound/inb_1/accept', { status: 200, body: { id: 'inb_1', outcome: 'appended', ticketId: 'tkt_1' } });
    server.on('POST', '/admin/inbound/inb_2/discard', { status: 204 });
    expect((await client().adminAcceptHeldMail('inb_1', 'tkt_1')).outcome).to.equal('appended');
    await client().adminDiscardHeldMail('inb_2');
    expect(server.requests[0]!.body).to.deep.equal({ ticketId: 'tkt_1' });
    expect(server.requests[1]!.credentials).to.equal('include');
  });

  it("sends the business's estimate calls on the host app's cookies, ids escaped, with their methods and bodies", async () => {
    server.on('GET', '/admin/estimates?clientId=cli_1&status=sent%2Cexpired', { status: 200, body: { estimates: [] } });
    server.on('GET', '/admin/estimates/e%2F1', { status: 200, body: { id: 'e/1' } });
    server.on('PATCH', '/admin/estimates/e%2F1', { status: 200, body: { id: 'e/1', notes: 'New' } });
    server.on('POST', '/admin/estimates/e%2F1/send', { status: 200, body: { estimate: { id: 'e/1' }, emailsQueued: 1 } });
    server.on('POST', '/admin/estimates/e%2F1/void', { status: 200, body: { id: 'e/1', status: 'void' } });
    server.on('POST', '/admin/estimates/e%2F1/convert', { status: 200, body: { estimate: { id: 'e/1' }, invoice: { id: 'inv_1' } } });
    const admin = client();
    expect((await admin.adminListEstimates({ clientId: 'cli_1', status: ['sent', 'expired'] })).estimates).to.deep.equal([]);
    await admin.adminEstimate('e/1');
    expect((await admin.adminUpdateEstimate('e/1', { notes: 'New' })).notes).to.equal('New');
    expect((await admin.adminSendEstimate('e/1')).emailsQueued).to.equal(1);
    await admin.adminVoidEstimate('e/1');
    expect((await admin.adminConvertEstimate('e/1', true)).invoice.id).to.equal('inv_1');
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).to.deep.equal([
      'GET /portal/admin/estimates?clientId=cli_1&status=sent%2Cexpired',
      'GET /portal/admin/estimates/e%2F1',
      'PATCH /portal/admin/estimates/e%2F1',
      'POST /portal/admin/estimates/e%2F1/send',
      'POST /portal/admin/estimates/e%2F1/void',
      'POST /portal/admin/estimates/e%2F1/convert',
    ]);
    for (const request of server.requests) {
      expect(request.credentials).to.equal('include');
      expect(request.headers['authorization']).to.equal(undefined);
    }
    expect(server.requests[2]!.body).to.deep.equal({ notes: 'New' });
    expect(server.requests[5]!.body).to.deep.equal({ send: true });
    expect(admin.adminEstimatePdfUrl('e/1', 'ja')).to.equal('/portal/admin/estimates/e%2F1/pdf?locale=ja');
  });
});
