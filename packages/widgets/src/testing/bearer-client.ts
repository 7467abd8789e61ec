import type { PorticoClient } from '../client/portico-client.js';
import type { FakeResponse, FakeServer } from './fake-server.js';

/**
 * A client signed in the way a page without cookies is: the fake server
 * answers the link's redemption with a session token, which the client then
 * sends as `Authorization: Bearer tok` on every request.
 */
export async function bearerClient(server: FakeServer, opens: { invoiceId?: string | null; estimateId?: string | null } = {}): Promise<PorticoClient> {
  server.on('POST', '/auth/sessions/harbor-pine', { status: 200, body: { sessionToken: 'tok', expiresAt: '2031-01-01T00:00:00.000Z', invoiceId: null, ...opens } });
  const { PorticoClient } = await import('../client/portico-client.js');
  const client = new PorticoClient({ server: '/portal', business: 'harbor-pine' });
  await client.redeemLink('link');
  return client;
}

/** A PDF download as the server streams it, optionally with its file name. */
export function pdfResponse(filename?: string): FakeResponse {
  const headers: Record<string, string> = { 'content-type': 'application/pdf' };
  if (filename) headers['content-disposition'] = `attachment; filename="${filename}"`;
  return { status: 200, stream: [new TextEncoder().encode('%PDF-1.7')], headers };
}
