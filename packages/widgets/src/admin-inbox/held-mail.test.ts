import { expect } from '@open-wc/testing';
import type { HeldInboundListResponse, HeldInboundWire } from '@portico/wire';
import { HeldMail } from './held-mail.js';

function held(id: string): HeldInboundWire {
  return { id, from: 'someone@example.test', subject: 'Hello', body: 'Hi', reason: 'Unknown sender', ticketId: null, receivedAt: '2025-06-20T10:15:00Z' } as HeldInboundWire;
}

describe('HeldMail', () => {
  it('refresh says whether the held mail changed, and asks the host to render', async () => {
    let answer: HeldInboundListResponse = { held: [held('h1')] };
    let updates = 0;
    const mail = new HeldMail({ requestUpdate: () => updates++ } as never, () => Promise.resolve(answer));
    expect(mail.items).to.equal(null);
    expect(await mail.refresh()).to.equal(true);
    expect(await mail.refresh()).to.equal(false);
    answer = { held: [held('h1'), held('h2')] };
    expect(await mail.refresh()).to.equal(true);
    expect(mail.items!.map((item) => item.id)).to.deep.equal(['h1', 'h2']);
    mail.remove('h1');
    expect(mail.items!.map((item) => item.id)).to.deep.equal(['h2']);
    expect(updates).to.equal(4);
  });

  it('load keeps a failure to show, and the next fetch that works clears it; refresh rejects', async () => {
    let fail = true;
    const mail = new HeldMail({ requestUpdate: () => {} } as never, () => (fail ? Promise.reject(new Error('down')) : Promise.resolve({ held: [] })));
    await mail.load();
    expect((mail.error as Error).message).to.equal('down');
    const rejected = await mail.refresh().then(
      () => null,
      (error: unknown) => error,
    );
    expect(rejected).to.be.instanceOf(Error);
    fail = false;
    await mail.load();
    expect(mail.error).to.equal(null);
    expect(mail.items).to.deep.equal([]);
  });
});
