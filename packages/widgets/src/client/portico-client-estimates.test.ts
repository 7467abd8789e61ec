import { expect } from '@open-wc/testing';
import { estimateDetailFixture, estimateFixture } from '../testing/fake-estimates.js';
import { FakeServer, makeZip } from '../testing/fake-server.js';
import { pdfResponse } from '../testing/bearer-client.js';
import { PorticoApiError, PorticoClient } from './portico-client.js';

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer('/portal').install();
});

afterEach(() => server.restore());

const client = (): PorticoClient => new PorticoClient({ server: '/portal', business: 'harbor-pine' });

describe('PorticoClient: estimates', () => {
  it('lists estimates and loads one, escaping the id', async () => {
    server.on('GET', '/api/estimates', { status: 200, body: { estimates: [estimateFixture(1), estimateFixture(2)] } });
    server.on('GET', '/api/estimates/est%2F7', { status: 200, body: estimateDetailFixture({ id: 'est/7' }) });
    const list = await client().listEstimates();
    expect(list.estimates.map((e) => e.number)).to.deep.equal(['EST-0001', 'EST-0002']);
    const one = await client().estimate('est/7');
    expect(one.id).to.equal('est/7');
    expect(server.requests[1]!.url).to.equal('/portal/api/estimates/est%2F7');
    expect(server.requests[1]!.credentials).to.equal('include');
  });

  it('accepts with the typed name and the tick, and declines with an optional reason, as JSON POSTs', async () => {
    server.on('POST', '/api/estimates/est_7/accept', { status: 200, body: estimateDetailFixture({ displayStatus: 'accepted', status: 'accepted' }) });
    server.on('POST', '/api/estimates/est_8/decline', { status: 200, body: estimateDetailFixture({ id: 'est_8', displayStatus: 'declined', status: 'declined' }) });
    const accepted = await client().acceptEstimate('est_7', { name: 'Ann Archer', confirmed: true });
    expect(accepted.displayStatus).to.equal('accepted');
    await client().declineEstimate('est_8', { reason: 'Over budget' });
    await client().declineEstimate('est_8');
    const [accept, decline, bare] = server.requests;
    expect(accept!.method).to.equal('POST');
    expect(accept!.headers['content-type']).to.equal('application/json');
    expect(accept!.body).to.deep.equal({ name: 'Ann Archer', confirmed: true });
    expect(decline!.body).to.deep.equal({ reason: 'Over budget' });
    expect(bare!.body).to.deep.equal({});
  });

  it("surfaces the server's refusal (expired, already answered) as a PorticoApiError", async () => {
    server.on('POST', '/api/estimates/est_7/accept', { status: 409, body: { error: { code: 'estimate_expired', message: 'This estimate is past its valid-until date.' } } });
    try {
      await client().acceptEstimate('est_7', { name: 'Ann', confirmed: true });
      expect.fail('expected a rejection');
    } catch (error) {
      expect(error).to.be.instanceOf(PorticoApiError);
      expect((error as PorticoApiError).status).to.equal(409);
      expect((error as PorticoApiError).code).to.equal('estimate_expired');
    }
  });

  it('builds the PDF address with ?locale= as the invoice PDF does, and downloads it with the bearer token', async () => {
    expect(client().estimatePdfUrl('est 7', 'de')).to.equal('/portal/api/estimates/est%207/pdf?locale=de');
    expect(client().estimatePdfUrl('est_7')).to.equal('/portal/api/estimates/est_7/pdf');
    server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null } });
    server.on('GET', '/api/estimates/est_7/pdf', pdfResponse());
    const bearer = client();
    await bearer.redeemLink('link');
    const file = await bearer.downloadEstimatePdf('est_7', { locale: 'ja' });
    const [request] = server.toPath('GET', '/api/estimates/est_7/pdf');
    expect(request!.url).to.equal('/portal/api/estimates/est_7/pdf?locale=ja');
    expect(request!.headers['authorization']).to.equal('Bearer tok');
    expect(file.filename).to.equal('estimate-est_7.pdf');
    expect(file.blob.type).to.equal('application/pdf');
  });

  it('downloads the selected estimates as one ZIP (?ids=, as the invoices’), counting the PDFs as they stream in', async () => {
    const zip = makeZip([{ name: 'EST-0001.pdf', data: new Uint8Array(40) }, { name: 'EST-0002.pdf', data: new Uint8Array(40) }]);
    server.on('GET', '/api/estimates/download.zip', { status: 200, stream: [zip.slice(0, 50), zip.slice(50)] });
    const seen: number[] = [];
    const file = await client().downloadEstimatesZip(['est_1', 'est,2'], (progress) => seen.push(progress.pdfs), { locale: 'ar' });
    const [request] = server.toPath('GET', '/api/estimates/download.zip');
    expect(request!.url).to.equal('/portal/api/estimates/download.zip?ids=est_1,est%2C2&locale=ar');
    expect(request!.credentials).to.equal('include');
    expect(file.filename).to.equal('estimates.zip');
    expect(file.pdfs).to.equal(2);
    expect(seen.at(-1)).to.equal(2);
  });
});
