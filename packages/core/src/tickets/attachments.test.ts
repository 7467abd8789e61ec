import { describe, expect, it } from 'vitest';
import { countRows, expectPorticoError, expectPorticoErrorSync } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';
import { MAX_ATTACHMENT_BYTES, prepareAttachments } from './attachment-rules.js';

const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82, 0, 255, 1, 2]);
const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
const docx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 6, 0]);

/** A file of `size` bytes that passes as a PDF. */
function pdfOfSize(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set(pdf.subarray(0, 5));
  return bytes;
}

describe('attachment rules', () => {
  it('takes the type from the extension, checks the first bytes, and keeps only the base name', () => {
    const [image, sheet, text] = prepareAttachments([
      { filename: 'C:\\Users\\ann\\Screen Shot.PNG', contentType: 'application/octet-stream', content: png },
      { filename: 'numbers.csv', contentType: 'application/vnd.ms-excel', content: new TextEncoder().encode('a,b\n1,2\n') },
      { filename: '../notes.txt', content: new TextEncoder().encode('hello') },
    ]);
    expect(image).toMatchObject({ filename: 'Screen Shot.PNG', contentType: 'image/png' });
    expect(sheet!.contentType).toBe('text/csv');
    expect(text).toMatchObject({ filename: 'notes.txt', contentType: 'text/plain' });
    expect(Buffer.from(image!.content)).toEqual(Buffer.from(png));
  });

  it('refuses executables, HTML, SVG, disguised files and files without a name or content', () => {
    const refusals: Array<[unknown, string]> = [
      [{ filename: 'setup.exe', content: Uint8Array.from([0x4d, 0x5a, 0x90, 0]) }, 'attachment_type_not_allowed'],
      [{ filename: 'page.html', contentType: 'text/html', content: new TextEncoder().encode('<script>') }, 'attachment_type_not_allowed'],
      [{ filename: 'logo.svg', contentType: 'image/svg+xml', content: new TextEncoder().encode('<svg/>') }, 'attachment_type_not_allowed'],
      [{ filename: 'invoice.pdf', contentType: 'application/x-msdownload', content: pdf }, 'attachment_type_not_allowed'],
      [{ filename: 'invoice.pdf', contentType: 'application/pdf', content: Uint8Array.from([0x4d, 0x5a, 0x90, 0]) }, 'attachment_type_not_allowed'],
      [{ filename: 'report.pdf.exe', content: pdf }, 'attachment_type_not_allowed'],
      [{ filename: 'notes.txt', content: Uint8Array.from([0x68, 0, 0x69]) }, 'attachment_type_not_allowed'],
      [{ filename: 'noextension', content: pdf }, 'attachment_type_not_allowed'],
      [{ filename: '', content: pdf }, 'invalid_input'],
      [{ filename: 'empty.pdf', content: new Uint8Array(0) }, 'invalid_input'],
      [{ filename: 'text.pdf', content: 'not bytes' }, 'invalid_input'],
    ];
    for (const [file, code] of refusals) {
      const error = expectPorticoErrorSync(() => prepareAttachments([file]), code as never);
      expect(error.field).toMatch(/^attachments\.0/);
    }
    expectPorticoErrorSync(() => prepareAttachments('file'), 'invalid_input');
  });

  it('allows 10 MB per file and 25 MB per message, and says so when over', () => {
    expect(prepareAttachments([{ filename: 'big.pdf', content: pdfOfSize(MAX_ATTACHMENT_BYTES) }])).toHaveLength(1);
    const tooBig = expectPorticoErrorSync(() => prepareAttachments([{ filename: 'big.pdf', content: pdfOfSize(MAX_ATTACHMENT_BYTES + 1) }]), 'attachment_too_large');
    expect(tooBig.status).toBe(413);
    expect(tooBig.message).toContain('10 MB');
    const three = Array.from({ length: 3 }, (_, i) => ({ filename: `part-${i}.pdf`, content: pdfOfSize(9 * 1024 * 1024) }));
    expect(expectPorticoErrorSync(() => prepareAttachments(three), 'attachment_too_large').message).toContain('25 MB');
  });
});

describeEachDatabase('ticket attachments', (database) => {
  async function seeded() {
    const base = await seedBusiness(database());
    const other = await base.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bob', email: 'bob@initech.test' }] });
    const thread = await base.scope.tickets.open({
      clientId: base.client.id,
      subject: 'Files',
      message: 'See attached',
      attachments: [
        { filename: 'shot.png', contentType: 'image/png', content: png },
        { filename: 'contract.docx', content: docx },
      ],
    });
    return { ...base, other, thread };
  }

  it('stores the bytes and gives them back, byte for byte, to the client and the business', async () => {
    const { scope, client, thread } = await seeded();
    const [shot, contract] = thread.messages[0]!.attachments;
    expect(shot).toEqual({ id: expect.stringMatching(/^att_[0-9a-f]+$/), filename: 'shot.png', contentType: 'image/png', size: png.length });
    expect(contract).toMatchObject({ filename: 'contract.docx', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });

    for (const viewer of [{ clientId: client.id }, 'business'] as const) {
      const file = await scope.tickets.attachment(thread.ticket.id, shot!.id, viewer);
      expect(file.filename).toBe('shot.png');
      expect(file.contentType).toBe('image/png');
      expect(file.content).toBeInstanceOf(Uint8Array);
      expect(Buffer.from(file.content).equals(Buffer.from(png))).toBe(true);
    }
    expect((await scope.tickets.get(thread.ticket.id)).messages[0]!.attachments).toEqual([shot, contract]);
  });

  it("serves nothing to another client, another business, another ticket, or a client asking for an internal note's file", async () => {
    const { scope, client, other, thread } = await seeded();
    const fileId = thread.messages[0]!.attachments[0]!.id;
    await expectPorticoError(scope.tickets.attachment(thread.ticket.id, fileId, { clientId: other.id }), 'ticket_not_found');

    const elsewhere = await seedBusiness(database(), { name: 'Elsewhere' });
    await expectPorticoError(elsewhere.scope.tickets.attachment(thread.ticket.id, fileId, 'business'), 'ticket_not_found');

    const second = await scope.tickets.open({ clientId: client.id, subject: 'Other', message: 'x' });
    await expectPorticoError(scope.tickets.attachment(second.ticket.id, fileId, { clientId: client.id }), 'attachment_not_found');
    await expectPorticoError(scope.tickets.attachment(thread.ticket.id, 'att_nope', 'business'), 'attachment_not_found');
    await expectPorticoError(scope.tickets.attachment(thread.ticket.id, fileId, {} as never), 'invalid_input');

    const note = await scope.tickets.reply(thread.ticket.id, {
      authorName: 'Dana',
      message: 'Signed copy',
      internal: true,
      attachments: [{ filename: 'signed.pdf', content: pdf }],
    });
    const noteFile = note.attachments[0]!.id;
    await expectPorticoError(scope.tickets.attachment(thread.ticket.id, noteFile, { clientId: client.id }), 'attachment_not_found');
    expect((await scope.tickets.attachment(thread.ticket.id, noteFile, 'business')).filename).toBe('signed.pdf');
  });

  it('refuses a message whose files break the rules and stores nothing of it', async () => {
    const { scope, client, thread } = await seeded();
    const before = await countRows(database().db, ['tickets', 'ticket_messages', 'ticket_attachments', 'audit_log']);
    await expectPorticoError(
      scope.tickets.replyAsClient(client.id, thread.ticket.id, {
        message: 'Two files',
        attachments: [
          { filename: 'ok.pdf', content: pdf },
          { filename: 'bad.exe', content: Uint8Array.from([0x4d, 0x5a]) },
        ],
      }),
      'attachment_type_not_allowed',
    );
    await expectPorticoError(
      scope.tickets.open({ clientId: client.id, subject: 'Big', message: 'x', attachments: [{ filename: 'big.pdf', content: pdfOfSize(MAX_ATTACHMENT_BYTES + 1) }] }),
      'attachment_too_large',
    );
    expect(await countRows(database().db, ['tickets', 'ticket_messages', 'ticket_attachments', 'audit_log'])).toEqual(before);
  });
});
