import { expect, oneEvent } from '@open-wc/testing';
import { FakeServer, sessionFixture, unauthenticated } from '../testing/fake-server.js';
import { mountPortal, portalPart, restorePageUrlAfterEach, serveBilling } from '../testing/portal-fixture.js';
import type { PorticoGrantRefusedDetail } from './portal-session.js';

let server: FakeServer;
restorePageUrlAfterEach();

beforeEach(() => {
  server = new FakeServer('/portal').install();
  serveBilling(server);
  server.on('GET', '/api/session', (request) => (request.headers['authorization'] === 'Bearer granted-bearer' ? { status: 200, body: sessionFixture() } : unauthenticated));
});

afterEach(() => server.restore());

describe('<portico-portal grant> (the host’s own signed-in user)', () => {
  it('trades the grant for a session at once: no email, no Continue, the token never stored or shown', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', (request) =>
      (request.body as { token?: string }).token === 'grant-abc'
        ? { status: 200, body: { sessionToken: 'granted-bearer', expiresAt: '2031-03-04T15:30:00.000Z', invoiceId: null, ticketId: null, estimateId: null } }
        : { status: 400, body: { error: { code: 'link_invalid', message: 'Used.' } } },
    );
    const el = await mountPortal({ grant: 'grant-abc' });
    await portalPart(el, '[role="tablist"]');
    expect(el.shadowRoot!.querySelector('#email'), 'no sign-in form').to.equal(null);
    const [redeem] = server.to('POST', '/auth/sessions/harbor-pine');
    expect(redeem!.body).to.deep.equal({ token: 'grant-abc' });
    expect(server.to('POST', '/auth/sessions/harbor-pine')).to.have.length(1);
    expect(el.client.mode).to.equal('bearer');
    expect(el.session?.contact?.email).to.equal(sessionFixture().contact?.email);
    for (const secret of ['grant-abc', 'granted-bearer']) {
      expect(location.href).not.to.contain(secret);
      expect(JSON.stringify({ ...localStorage, ...sessionStorage })).not.to.contain(secret);
    }
    await el.updateComplete;
    expect(server.to('POST', '/auth/sessions/harbor-pine'), 'a rerender trades nothing again').to.have.length(1);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('a spent grant (a reload) is reported, and the portal asks for a session as usual', async () => {
    server.on('POST', '/auth/sessions/harbor-pine', { status: 400, body: { error: { code: 'link_invalid', message: 'This sign-in link has already been used.' } } });
    const el = document.createElement('portico-portal');
    const refused = oneEvent(el, 'portico-grant-refused');
    for (const [name, value] of Object.entries({ server: '/portal', business: 'harbor-pine', lang: 'en', grant: 'spent-grant' })) el.setAttribute(name, value);
    document.body.append(el);
    try {
      const detail = ((await refused) as CustomEvent<PorticoGrantRefusedDetail>).detail;
      expect((detail.error as { code?: string }).code).to.equal('link_invalid');
      await portalPart(el as never, '#email');
      expect(server.to('GET', '/api/session').length).to.be.greaterThan(0);
    } finally {
      el.remove();
    }
  });
});
