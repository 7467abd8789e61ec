import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../testing/wait-until.js';
import { LitElement } from 'lit';
import { InvoiceQueryController } from './invoice-query.js';
import { Poller } from './poller.js';
import { countsOf, invoiceFixture } from '../testing/fake-server.js';
import type { InvoiceListItem } from '@portico/wire';

/** A bare host element for controllers. */
class ControllerHost extends LitElement {}
customElements.define('test-controller-host', ControllerHost);

function setVisibility(state: 'visible' | 'hidden'): void {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  document.dispatchEvent(new Event('visibilitychange'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  // Back to the real getter.
  delete (document as { visibilityState?: unknown }).visibilityState;
});

describe('Poller', () => {
  it('polls after each interval, slower while nothing changes, back to the short interval after a change', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    // The wait that came before each poll, read from the poller's own schedule
    // (wall-clock gaps would measure the machine's load, not the poller).
    const waits: number[] = [];
    let changeAt = 4;
    const poller: Poller = new Poller(host, {
      interval: () => 20,
      backoff: 2,
      maxInterval: 160,
      poll: async () => {
        waits.push(poller.nextDelay);
        return waits.length === changeAt;
      },
    });
    poller.start();
    poller.start(); // a second start changes nothing
    await waitUntil(() => waits.length >= 6, 'not enough polls');
    poller.stop();
    // 20, 40, 80, 160 (changed at the 4th) → 20, 40
    expect(waits.slice(0, 6)).to.deep.equal([20, 40, 80, 160, 20, 40]);
    changeAt = -1;
    const polled = waits.length;
    await sleep(80);
    expect(waits.length, 'stopped').to.equal(polled);
  });

  it('waits while the page is hidden and polls at once when it is shown again', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    let polls = 0;
    const poller = new Poller(host, { interval: () => 30, backoff: 1, poll: async () => (polls++, false) });
    poller.start();
    await waitUntil(() => polls >= 1, 'no first poll');
    setVisibility('hidden');
    const hiddenAt = polls;
    await sleep(120);
    expect(polls, 'no polls while hidden').to.equal(hiddenAt);
    setVisibility('visible');
    expect(polls, 'one at once when shown').to.equal(hiddenAt + 1);
    await waitUntil(() => polls >= hiddenAt + 2, 'polling did not go on');
    poller.stop();
  });

  it('gives up after stopAfter without a change, and starts again when the page is shown again', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    let polls = 0;
    const poller = new Poller(host, { interval: () => 15, backoff: 1, stopAfter: 60, poll: async () => (polls++, false) });
    poller.start();
    await sleep(200);
    const given = polls;
    expect(given).to.be.greaterThan(0);
    expect(poller.active).to.equal(false);
    await sleep(60);
    expect(polls).to.equal(given);
    setVisibility('hidden');
    setVisibility('visible');
    expect(polls).to.equal(given + 1);
    expect(poller.active).to.equal(true);
    poller.stop();
  });

  it('stops with its host and goes on when it is back; a failing poll slows down, an interval of 0 turns it off', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    let polls = 0;
    let interval = 20;
    const waits: number[] = [];
    const poller: Poller = new Poller(host, {
      interval: () => interval,
      backoff: 1,
      poll: async () => {
        polls++;
        waits.push(poller.nextDelay);
        throw new Error('offline');
      },
    });
    poller.start();
    await waitUntil(() => polls >= 3, 'not enough polls');
    // Each failure doubles the wait, even with a backoff of 1.
    expect(waits.slice(0, 3)).to.deep.equal([20, 40, 80]);
    const parent = host.parentElement!;
    host.remove();
    const removed = polls;
    await sleep(120);
    expect(polls).to.equal(removed);
    parent.append(host);
    await waitUntil(() => polls > removed, 'did not go on');
    interval = 0;
    const off = polls;
    await sleep(100);
    expect(polls).to.be.at.most(off + 1);
    poller.stop();
  });
});

describe('InvoiceQueryController.refresh', () => {
  it('fetches the rows on screen again without a loading state, and says whether anything changed', async () => {
    const host = await fixture<ControllerHost>(html`<test-controller-host></test-controller-host>`);
    let rows: InvoiceListItem[] = Array.from({ length: 30 }, (_, i) => invoiceFixture(i + 1, { displayStatus: 'sent', status: 'sent' }));
    const limits: number[] = [];
    const query = new InvoiceQueryController<InvoiceListItem>(host, {
      fetchPage: async (q) => {
        limits.push(q.limit ?? 25);
        const start = q.cursor ? Number(q.cursor) : 0;
        const page = rows.slice(start, start + (q.limit ?? 25));
        const next = start + page.length < rows.length ? String(start + page.length) : null;
        return { invoices: page, nextCursor: next, counts: countsOf(rows), total: rows.length };
      },
    });
    query.pageSize = 10;
    await query.reload();
    await query.loadMore();
    expect(query.items).to.have.length(20);
    expect(await query.refresh()).to.equal(false);
    expect(limits.at(-1), 'one request for every row on screen').to.equal(20);
    expect(query.items).to.have.length(20);

    rows = rows.map((row) => (row.id === 'inv_3' ? { ...row, status: 'paid', displayStatus: 'paid', balance: 0, version: 2 } : row));
    let sawLoading = false;
    const refreshing = query.refresh();
    sawLoading = query.loading !== 'idle';
    expect(await refreshing).to.equal(true);
    expect(sawLoading).to.equal(false);
    expect(query.items.find((row) => row.id === 'inv_3')!.displayStatus).to.equal('paid');
    expect(query.counts!.paid).to.equal(1);
    expect(query.nextCursor).to.equal('20');
  });
});
