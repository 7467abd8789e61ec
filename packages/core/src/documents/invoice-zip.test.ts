import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderInvoicePdf, type InvoiceDocumentInput } from './invoice-pdf.js';
import { createZipNamer, csvField, invoiceCsvHeader, invoiceCsvRow, invoiceZipStream } from './invoice-zip.js';
import { pdfToText, unzipEntry, unzipNames, unzipTest } from './pdf-tools.js';
import { sampleDocument } from '../testing/test-invoices.js';
import { retainedBytes } from '../testing/test-memory.js';

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

function documents(): InvoiceDocumentInput[] {
  return [
    sampleDocument('latin', 'en', { id: 'inv_a', number: 'HP-0001' }),
    sampleDocument('cyrillic', 'ru', { id: 'inv_b', number: 'HP-0002', status: 'paid', amountPaid: 239_633, balance: 0 }),
    sampleDocument('japanese', 'ja', { id: 'inv_c', number: null, status: 'draft', displayStatus: 'draft' }),
    sampleDocument('arabic', 'ar', { id: 'inv_d', number: 'HP-0001' }),
    sampleDocument('latin', 'en', { id: 'inv_e', number: 'A,"B"\nC' }),
  ];
}

describe('invoice ZIP', () => {
  it('passes unzip -t and holds every PDF, named by number, plus invoices.csv', async () => {
    const zip = await readAll(invoiceZipStream({ invoices: documents(), render: renderInvoicePdf }));
    const report = await unzipTest(zip);
    expect(report).toContain('No errors detected');
    const names = await unzipNames(zip);
    expect(names).toEqual(['HP-0001.pdf', 'HP-0002.pdf', 'draft-inv_c.pdf', 'HP-0001-2.pdf', 'A_B_C.pdf', 'invoices.csv']);
    const pdf = await unzipEntry(zip, 'HP-0002.pdf');
    expect(pdf.equals(Buffer.from(renderInvoicePdf(documents()[1]!)))).toBe(true);
    expect(await pdfToText(new Uint8Array(pdf))).toContain('ООО «Ромашка»');
  });

  it('writes a UTF-8 CSV with a byte order mark, one row per PDF, fields escaped', async () => {
    const zip = await readAll(invoiceZipStream({ invoices: documents(), render: renderInvoicePdf }));
    const csv = (await unzipEntry(zip, 'invoices.csv')).toString('utf8');
    expect(csv.startsWith('\uFEFFnumber,status,issue_date,due_date,currency,total,paid,balance,file\r\n')).toBe(true);
    const sample = documents()[0]!.invoice;
    expect(csv).toContain(`HP-0001,partially_paid,2026-03-10,2026-04-09,EUR,2396.33,500.00,1896.33,HP-0001.pdf\r\n`);
    expect(csv).toContain(`,draft,2026-03-10,2026-04-09,EUR,`);
    expect(csv).toContain(`"A,""B""\nC",partially_paid,`);
    expect(sample.total).toBe(239_633);
    // Header plus five rows, each ending in CRLF (the quoted newline is inside a field).
    expect(csv.split('\r\n')).toHaveLength(7);
  });

  it('escapes commas, quotes and line breaks, and keeps text from being read as a formula', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rlf')).toBe('"cr\rlf"');
    const row = invoiceCsvRow(
      { number: '=HYPERLINK("x")', displayStatus: 'overdue', issueDate: '2026-01-01', dueDate: '2026-01-31', currency: 'JPY', total: 1200, amountPaid: 0, balance: 1200 },
      'x.pdf',
    );
    expect(row).toBe(`"'=HYPERLINK(""x"")",overdue,2026-01-01,2026-01-31,JPY,1200,0,1200,x.pdf\r\n`);
    expect(invoiceCsvHeader.charCodeAt(0)).toBe(0xfeff);
  });

  it('names files without clashes or unsafe characters', () => {
    const name = createZipNamer();
    expect(name({ id: 'inv_1', number: 'HP-0001' })).toBe('HP-0001.pdf');
    expect(name({ id: 'inv_2', number: 'hp-0001' })).toBe('hp-0001-2.pdf');
    expect(name({ id: 'inv_3', number: '../../etc/passwd' })).toBe('etc_passwd.pdf');
    expect(name({ id: 'inv_4', number: null })).toBe('draft-inv_4.pdf');
    expect(name({ id: 'inv_5', number: 'СЧ-7' })).toBe('СЧ-7.pdf');
    expect(name({ id: 'inv_6', number: 'invoices' })).toBe('invoices.pdf');
  });

  it('is pull-based: an invoice is read and rendered only when the reader wants more bytes', async () => {
    let pulled = 0;
    let rendered = 0;
    async function* source() {
      for (let i = 0; i < 300; i++) {
        pulled++;
        yield sampleDocument('latin', 'en', { id: `inv_${i}`, number: `N-${i}` });
      }
    }
    const pdf = new Uint8Array(20_000).fill(7);
    const stream = invoiceZipStream({
      invoices: source(),
      render: async () => {
        rendered++;
        return pdf;
      },
    });
    // Nothing happens before the first read.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pulled).toBe(0);
    expect(rendered).toBe(0);

    const reader = stream.getReader();
    let bytes = 0;
    let reads = 0;
    let maxAhead = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      reads++;
      // The reader has seen the bytes of every PDF rendered so far but the newest: nothing piles up.
      maxAhead = Math.max(maxAhead, pulled - Math.floor(bytes / pdf.byteLength));
      if (reads === 3) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        expect(rendered).toBeLessThanOrEqual(3);
      }
    }
    expect(rendered).toBe(300);
    expect(maxAhead).toBeLessThanOrEqual(1);
    expect(bytes).toBeGreaterThan(300 * pdf.byteLength);
  });

  it('streams 300 invoices with memory that does not grow with the count', async () => {
    async function* source() {
      for (let i = 0; i < 300; i++) yield sampleDocument('latin', 'en', { id: `inv_${i}`, number: `M-${i}` });
    }
    // A fresh 400 kB "PDF" each time: holding them all would be 120 MB.
    const render = () => new Uint8Array(randomBytes(400_000));
    let entries = 0;
    let bytes = 0;
    const samples: number[] = [];
    for await (const chunk of invoiceZipStream({ invoices: source(), render, onInvoice: () => entries++ })) {
      bytes += chunk.byteLength;
      if (entries > 0 && entries % 50 === 0 && samples.length < entries / 50) samples.push(retainedBytes());
    }
    expect(entries).toBe(300);
    expect(bytes).toBeGreaterThan(120_000_000);
    expect(samples).toHaveLength(6);
    // From the 50th PDF to the 300th, 100 MB went through; what stays is a small fraction of that.
    expect(samples.at(-1)! - samples[0]!).toBeLessThan(20_000_000);
  }, 60_000);

  it('keeps a few hundred bytes per invoice until the end, not objects: a long ZIP’s heap stays small', async () => {
    const invoice = sampleDocument('latin', 'en', { id: 'inv_0', number: 'L-0' });
    async function* source() {
      for (let i = 0; i < 10_000; i++) yield { ...invoice, invoice: { ...invoice.invoice, id: `inv_${i}`, number: `L-${String(i).padStart(5, '0')}` } };
    }
    const samples = new Map<number, number>();
    let entries = 0;
    const onInvoice = () => {
      entries++;
      if (entries === 2_000 || entries === 10_000) samples.set(entries, retainedBytes());
    };
    for await (const _chunk of invoiceZipStream({ invoices: source(), render: () => new Uint8Array(16), onInvoice }));
    // Its CSV line, its central directory record and its name (no two alike), in buffers that double: about 400 bytes.
    // fflate's Zip kept an object graph per entry for its central directory: about 1,250 bytes.
    expect((samples.get(10_000)! - samples.get(2_000)!) / 8_000).toBeLessThan(700);
  }, 60_000);

  it('renders real PDFs into a valid ZIP of 60 entries', async () => {
    async function* source() {
      for (let i = 0; i < 60; i++) yield sampleDocument(i % 2 ? 'japanese' : 'latin', i % 2 ? 'ja' : 'en', { id: `inv_${i}`, number: `R-${i}`, version: i });
    }
    const zip = await readAll(invoiceZipStream({ invoices: source(), render: renderInvoicePdf }));
    expect(await unzipTest(zip)).toContain('No errors detected');
    expect(await unzipNames(zip)).toHaveLength(61);
  }, 60_000);

  it('stops reading invoices when the reader cancels', async () => {
    let pulled = 0;
    let closed = false;
    async function* source() {
      try {
        for (let i = 0; i < 100; i++) {
          pulled++;
          yield sampleDocument('latin', 'en', { id: `inv_${i}`, number: `C-${i}` });
        }
      } finally {
        closed = true;
      }
    }
    const stream = invoiceZipStream({ invoices: source(), render: () => new Uint8Array(10) });
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(pulled).toBeLessThanOrEqual(2);
    expect(closed).toBe(true);
  });
});
