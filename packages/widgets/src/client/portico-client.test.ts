import { expect } from '@open-wc/testing';
import { FakeServer, sessionFixture, unauthenticated } from '../testing/fake-server.js';
import { PorticoApiError, PorticoClient } from './portico-client.js';

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
