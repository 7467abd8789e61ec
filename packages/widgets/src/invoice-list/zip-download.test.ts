import { expect } from '@open-wc/testing';
import type { DownloadedFile, DownloadProgress } from '../client/portico-client.js';
import { PorticoApiError } from '../client/portico-client.js';
import { ZipDownload } from './zip-download.js';

function host(): { addController: () => void; requestUpdate: () => void; updates: number } {
  const h = { updates: 0, addController: () => {}, requestUpdate: () => void h.updates++ };
  return h;
}

const file = (): DownloadedFile => ({ blob: new Blob(['zip']), filename: 'invoices.zip', bytes: 3, pdfs: 2 });

describe('ZipDownload', () => {
  it('shows progress while it streams, then the file with an object URL; the next download revokes it', async () => {
    const zip = new ZipDownload(host() as never);
    let report: ((progress: DownloadProgress) => void) | undefined;
    let finish: ((value: DownloadedFile) => void) | undefined;
    const running = zip.run(2, (onProgress) => {
      report = onProgress;
      return new Promise((resolve) => (finish = resolve));
    });
    expect(zip.running).to.equal(true);
    report!({ bytes: 10, totalBytes: null, pdfs: 1 });
    expect(zip.state).to.include({ state: 'running', expected: 2, bytes: 10, pdfs: 1 });
    finish!(file());
    const done = await running;
    expect(done!.url).to.match(/^blob:/);
    expect(zip.state).to.deep.equal({ state: 'done', url: done!.url, filename: 'invoices.zip', pdfs: 2, bytes: 3 });
    expect((await fetch(done!.url)).ok).to.equal(true);
    await zip.run(2, () => Promise.resolve(file()));
    const revoked = await fetch(done!.url).then(
      () => false,
      () => true,
    );
    expect(revoked).to.equal(true);
  });

  it('cancelled: resolves null and says so; leaving the page aborts a running download', async () => {
    const zip = new ZipDownload(host() as never);
    let aborted = false;
    const running = zip.run(5, (_onProgress, signal) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new PorticoApiError(0, 'aborted', 'aborted'))));
    });
    zip.hostDisconnected();
    expect(aborted).to.equal(true);
    expect(await running).to.equal(null);
    expect(zip.state).to.deep.equal({ state: 'cancelled' });
  });

  it('failed: rejects, and fail() shows why', async () => {
    const zip = new ZipDownload(host() as never);
    const error = await zip.run(1, () => Promise.reject(new Error('500'))).catch((caught: unknown) => caught);
    expect(error).to.be.instanceOf(Error);
    zip.fail('Something went wrong.');
    expect(zip.state).to.deep.equal({ state: 'failed', message: 'Something went wrong.' });
    expect(zip.running).to.equal(false);
  });
});
