import { describeEachDatabase } from '@portico/core/testing';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { createPortalHarness, type PortalHarness } from '../testing/portal-harness.js';
import { issuedInvoice, signInAs } from '../testing/client-sign-in.js';

const run = promisify(execFile);

/** Runs a command-line tool (pdftotext, unzip) on the bytes, written to a temporary file. */
async function onFile(bytes: Uint8Array, name: string, command: string, args: (path: string) => string[]): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'portico-docs-'));
  try {
    const path = join(folder, name);
    await writeFile(path, bytes);
    return (await run(command, args(path), { maxBuffer: 64 * 1024 * 1024 })).stdout;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const pdfText = (pdf: Uint8Array) => onFile(pdf, 'invoice.pdf', 'pdftotext', (path) => ['-enc', 'UTF-8', path, '-']);
const unzipTest = (zip: Uint8Array) => onFile(zip, 'invoices.zip', 'unzip', (path) => ['-t', path]);
const unzipNames = async (zip: Uint8Array) => (await onFile(zip, 'invoices.zip', 'unzip', (path) => ['-Z1', path])).split('\n').filter(Boolean);
const unzipEntry = (zip: Uint8Array, entry: string) => onFile(zip, 'invoices.zip', 'unzip', (path) => ['-p', path, entry]);



async function bytesOf(response: Response): Promise<Uint8Array> {
  return new Uint8Array(await response.arrayBuffer());
}

describeEachDatabase('invoice documents over HTTP', (database) => {
  async function twoClients() {
    const h = await createPortalHarness(database(), { invoicePrefix: 'HP-' });
    const other = await h.scope.clients.create({ name: 'ООО «Ромашка»', locale: 'ru', contacts: [{ name: 'Olga', email: 'olga@romashka.test' }] });
    const alice = await signInAs(h, h.client.id, 'ann@globex.test');
    const olga = await signInAs(h, other.id, 'olga@romashka.test');
    return { h, other, alice, olga };
  }

  it('GET /api/invoices/:id/pdf: the PDF, named by number, with an ETag from the version', async () => {
    const { h, alice } = await twoClients();
    const invoice = await issuedInvoice(h.scope, h.client.id, 1234_56);
    const response = await alice.get(`/invoices/${invoice.id}/pdf`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${invoice.number}.pdf"; filename*=UTF-8''${invoice.number}.pdf`);
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{27}"$/);
    const pdf = await bytesOf(response);
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(Number(response.headers.get('content-length'))).toBe(pdf.byteLength);
    const text = (await pdfText(pdf)).replace(/\s+/gu, ' ');
    expect(text).toContain('Globex Corporation');
    expect(text).toContain('Harbor & Pine Studio');
    expect(text).toContain(invoice.number!);
    expect(text).toContain('€1,234.56');

    // Same version: same ETag and same bytes; a conditional request gets a 304 with no body.
    const again = await alice.get(`/invoices/${invoice.id}/pdf`);
    expect(again.headers.get('etag')).toBe(etag);
    expect(Buffer.from(await bytesOf(again)).equals(Buffer.from(pdf))).toBe(true);
    const notModified = await alice.get(`/invoices/${invoice.id}/pdf`, { 'if-none-match': etag });
    expect(notModified.status).toBe(304);
    expect((await notModified.arrayBuffer()).byteLength).toBe(0);

    // A payment is a new version: a new ETag and a new file.
    await h.scope.payments.record({ invoiceId: invoice.id, amount: 1000_00 });
    const paid = await alice.get(`/invoices/${invoice.id}/pdf`, { 'if-none-match': etag });
    expect(paid.status).toBe(200);
    expect(paid.headers.get('etag')).not.toBe(etag);
    expect((await pdfText(await bytesOf(paid))).replace(/\s+/gu, ' ')).toContain('Partially paid');
  });

  it('writes the PDF in the client’s language, or the one asked for', async () => {
    const { h, other, olga } = await twoClients();
    const invoice = await issuedInvoice(h.scope, other.id, 500_00);
    const russian = (await pdfText(await bytesOf(await olga.get(`/invoices/${invoice.id}/pdf`)))).replace(/\s+/gu, ' ');
    expect(russian).toContain('ООО «Ромашка»');
    expect(russian).toContain('Счёт');
    const japanese = await olga.get(`/invoices/${invoice.id}/pdf?locale=ja`);
    expect((await pdfText(await bytesOf(japanese))).replace(/\s+/gu, ' ')).toContain('請求書');
    expect((await olga.get(`/invoices/${invoice.id}/pdf?locale=xx`)).status).toBe(400);
  });

  it('another client’s invoice, an unshared draft or an unknown id is a 404 with no PDF bytes', async () => {
    const { h, other, alice } = await twoClients();
    const theirs = await issuedInvoice(h.scope, other.id, 777_00);
    const hidden = await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', lines: [{ description: 'Secret', quantity: 1, unitPrice: 1 }] });
    for (const id of [theirs.id, hidden.id, 'inv_doesnotexist']) {
      const response = await alice.get(`/invoices/${id}/pdf`);
      expect(response.status, id).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/json');
      const body = await response.text();
      expect(body).not.toContain('%PDF');
      expect(JSON.parse(body)).toEqual({ error: expect.objectContaining({ code: 'invoice_not_found' }) });
    }
    const shared = await h.scope.invoices.update(hidden.id, { sharedWithClient: true });
    const draftPdf = await alice.get(`/invoices/${shared.id}/pdf`);
    expect(draftPdf.status).toBe(200);
    expect(draftPdf.headers.get('content-disposition')).toContain(`draft-${shared.id}.pdf`);
  });

  it('without a session, PDFs and ZIPs are 401', async () => {
    const h = await createPortalHarness(database());
    const invoice = await issuedInvoice(h.scope, h.client.id, 100);
    expect((await h.request(`/api/invoices/${invoice.id}/pdf`)).status).toBe(401);
    expect((await h.request('/api/invoices/download.zip')).status).toBe(401);
  });

  it('GET /api/invoices/download.zip?ids=…: a streamed ZIP of the client’s PDFs plus invoices.csv; other clients’ ids are left out', async () => {
    const { h, other, alice } = await twoClients();
    const a = await issuedInvoice(h.scope, h.client.id, 100_00, { notes: 'First, "quoted"' });
    const b = await issuedInvoice(h.scope, h.client.id, 250_50);
    const theirs = await issuedInvoice(h.scope, other.id, 999_99);
    const response = await alice.get(`/invoices/download.zip?ids=${a.id},${theirs.id},${b.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain('.zip');
    const zip = await bytesOf(response);
    expect(await unzipTest(zip)).toContain('No errors detected');
    expect(await unzipNames(zip)).toEqual([`${a.number}.pdf`, `${b.number}.pdf`, 'invoices.csv']);
    const csv = await unzipEntry(zip, 'invoices.csv');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`${b.number},sent,2026-03-01,2026-03-31,EUR,250.50,0.00,250.50,${b.number}.pdf`);
    expect(csv).not.toContain(theirs.number!);
    // Nothing of the other client's invoice is anywhere in the archive.
    const all = Buffer.from(zip).toString('latin1');
    expect(all).not.toContain(theirs.number!);
    expect(all).not.toContain(theirs.id);

    // Only the other client's id: an empty archive with just the CSV header.
    const none = await bytesOf(await alice.get(`/invoices/download.zip?ids=${theirs.id}`));
    expect(await unzipNames(none)).toEqual(['invoices.csv']);
  });

  it('GET /api/invoices/download.zip with the list’s filters: every matching invoice the client may see', async () => {
    const { h, alice } = await twoClients();
    const { signInInvoice } = alice;
    const paid = await issuedInvoice(h.scope, h.client.id, 50_00, { issueDate: '2026-02-01', dueDate: '2026-02-28' });
    await h.scope.payments.record({ invoiceId: paid.id, amount: 50_00 });
    const open = await issuedInvoice(h.scope, h.client.id, 70_00, { issueDate: '2026-02-10', dueDate: '2026-03-10' });
    await h.scope.invoices.create({ clientId: h.client.id, currency: 'EUR', lines: [{ description: 'Hidden', quantity: 1, unitPrice: 1 }] });

    const everything = await bytesOf(await alice.get('/invoices/download.zip'));
    expect((await unzipNames(everything)).sort()).toEqual([`${open.number}.pdf`, `${paid.number}.pdf`, `${signInInvoice.number}.pdf`, 'invoices.csv'].sort());

    const onlyPaid = await bytesOf(await alice.get('/invoices/download.zip?status=paid'));
    expect(await unzipNames(onlyPaid)).toEqual([`${paid.number}.pdf`, 'invoices.csv']);
    const february = await bytesOf(await alice.get('/invoices/download.zip?from=2026-02-01&to=2026-02-28&sort=issueDate&order=asc'));
    expect(await unzipNames(february)).toEqual([`${paid.number}.pdf`, `${open.number}.pdf`, 'invoices.csv']);

    const bad = await alice.get('/invoices/download.zip?status=bogus');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/json');
  });

  it('a ZIP of many invoices is rendered as it is read, not before', async () => {
    const h = await createPortalHarness(database(), { invoicePrefix: 'Z-' });
    const alice = await signInAs(h, h.client.id, 'ann@globex.test');
    for (let i = 0; i < 40; i++) await issuedInvoice(h.scope, h.client.id, 10_00 + i);
    const response = await alice.get('/invoices/download.zip');
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(first.done).toBe(false);
    // The first bytes are the first PDF's local header, out before the rest exist.
    expect(Buffer.from(first.value!.subarray(0, 4)).toString('hex')).toBe('504b0304');
    await reader.cancel();
  });
});
