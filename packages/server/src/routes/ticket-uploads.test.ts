import { describeEachDatabase } from '@portico/core/testing';
import { expect, it } from 'vitest';
import type { ErrorBody, TicketMessageWire, TicketThreadResponse } from '@portico/wire';
import { signInAs } from '../testing/client-sign-in.js';
import { byStaffHeader, json } from '../testing/http-assertions.js';
import { createPortalHarness, PORTAL_ORIGIN } from '../testing/portal-harness.js';

const pdf = new TextEncoder().encode('%PDF-1.4\n% a receipt\n%%EOF\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const program = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

function form(fields: Record<string, string>, files: { name: string; type: string; bytes: Uint8Array }[]): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  for (const file of files) data.append('files', new File([file.bytes], file.name, { type: file.type }));
  return data;
}

async function desk(database: Parameters<typeof createPortalHarness>[0]) {
  const h = await createPortalHarness(database, {}, { authorizeAdmin: byStaffHeader });
  const ann = await signInAs(h, h.client.id, 'ann@globex.test');
  const staffHeaders = { 'x-staff': `${h.business.id}/u7`, origin: PORTAL_ORIGIN };
  return { h, ann, staffHeaders };
}

describeEachDatabase('files on ticket messages over HTTP', (database) => {
  it('the client opens a ticket with files and replies with one; the business answers with one; each side downloads them', async () => {
    const { h, ann, staffHeaders } = await desk(database());
    const opened = await json<TicketThreadResponse>(
      await ann.postForm(
        '/tickets',
        form({ subject: 'Receipt attached', message: 'Here is what I paid.' }, [
          { name: 'receipt.pdf', type: 'application/pdf', bytes: pdf },
          { name: 'screen.png', type: 'image/png', bytes: png },
        ]),
      ),
      201,
    );
    const [first] = opened.messages;
    expect(first!.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([
      ['receipt.pdf', 'application/pdf', pdf.length],
      ['screen.png', 'image/png', png.length],
    ]);
    const download = await ann.get(first!.attachments[0]!.url.replace(/^\/api/, ''));
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf);

    const reply = await json<TicketMessageWire>(
      await ann.postForm(`/tickets/${opened.ticket.id}/messages`, form({ message: 'And the screenshot again.' }, [{ name: 'again.png', type: 'image/png', bytes: png }])),
      201,
    );
    expect(reply.attachments.map((a) => a.filename)).toEqual(['again.png']);

    const staffReply = await json<TicketMessageWire>(
      await h.request(`/admin/tickets/${opened.ticket.id}/messages`, {
        method: 'POST',
        headers: staffHeaders,
        body: form({ message: 'Thanks, here is the receipt.', internal: 'false' }, [{ name: 'paid.pdf', type: 'application/pdf', bytes: pdf }]),
      }),
      201,
    );
    expect(staffReply).toMatchObject({ internal: false, attachments: [expect.objectContaining({ filename: 'paid.pdf' })] });
    const thread = await json<TicketThreadResponse>(await ann.get(`/tickets/${opened.ticket.id}`));
    expect(thread.messages.map((m) => m.attachments.length)).toEqual([2, 1, 1]);
    const staffFile = await ann.get(thread.messages[2]!.attachments[0]!.url.replace(/^\/api/, ''));
    expect(staffFile.status).toBe(200);
  });

  it('a file of a type not taken, a program named .pdf or a file over 10 MB is refused, and nothing is written', async () => {
    const { h, ann } = await desk(database());
    const refused = async (files: { name: string; type: string; bytes: Uint8Array }[], status: number, code: string) => {
      const response = await ann.postForm('/tickets', form({ subject: 'Files', message: 'See attached.' }, files));
      expect((await json<ErrorBody>(response, status)).error.code).toBe(code);
    };
    await refused([{ name: 'tool.exe', type: 'application/octet-stream', bytes: program }], 415, 'attachment_type_not_allowed');
    await refused([{ name: 'invoice.pdf', type: 'application/pdf', bytes: program }], 415, 'attachment_type_not_allowed');
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(pdf);
    await refused([{ name: 'big.pdf', type: 'application/pdf', bytes: big }], 413, 'attachment_too_large');
    expect((await h.scope.tickets.listForClient(h.client.id)).tickets).toHaveLength(0);
  });

  it('bad forms are clear 400s; a form is never larger than the upload ceiling, and JSON routes keep theirs', async () => {
    const { h, ann } = await desk(database());
    const twice = new FormData();
    twice.append('subject', 'One');
    twice.append('subject', 'Two');
    twice.append('message', 'Hello');
    expect((await json<ErrorBody>(await ann.postForm('/tickets', twice), 400)).error).toMatchObject({ code: 'invalid_input', field: 'subject' });
    const textAsFile = form({ subject: 'Files', message: 'Hello', files: 'not a file' }, []);
    expect((await json<ErrorBody>(await ann.postForm('/tickets', textAsFile), 400)).error).toMatchObject({ field: 'files' });
    const tooMany = form({ subject: 'Files', message: 'Hello' }, Array.from({ length: 21 }, (_, i) => ({ name: `p${i}.png`, type: 'image/png', bytes: png })));
    expect((await json<ErrorBody>(await ann.postForm('/tickets', tooMany), 400)).error).toMatchObject({ field: 'files' });

    const huge = form({ subject: 'Files', message: 'Hello' }, [{ name: 'a.pdf', type: 'application/pdf', bytes: new Uint8Array(26 * 1024 * 1024) }]);
    expect((await json<ErrorBody>(await ann.postForm('/tickets', huge), 413)).error.code).toBe('message_too_large');
    const onJsonRoute = form({ message: 'Hello' }, [{ name: 'a.pdf', type: 'application/pdf', bytes: new Uint8Array(2 * 1024 * 1024) }]);
    expect((await json<ErrorBody>(await ann.postForm(`/invoices/${ann.signInInvoice.id}/checkout`, onJsonRoute), 413)).error.code).toBe('message_too_large');
    expect((await h.scope.tickets.listForClient(h.client.id)).tickets).toHaveLength(0);
  });

  it("client B cannot post files to client A's ticket, nor download A's files", async () => {
    const { h, ann } = await desk(database());
    const other = await h.scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bob', email: 'bob@initech.test' }] });
    const bob = await signInAs(h, other.id, 'bob@initech.test');
    const opened = await json<TicketThreadResponse>(await ann.postForm('/tickets', form({ subject: 'Mine', message: 'Private' }, [{ name: 'r.pdf', type: 'application/pdf', bytes: pdf }])), 201);
    const url = opened.messages[0]!.attachments[0]!.url.replace(/^\/api/, '');
    expect((await bob.get(url)).status).toBe(404);
    const posted = await bob.postForm(`/tickets/${opened.ticket.id}/messages`, form({ message: 'Me too' }, [{ name: 'x.pdf', type: 'application/pdf', bytes: pdf }]));
    expect(posted.status).toBe(404);
    const thread = await json<TicketThreadResponse>(await ann.get(`/tickets/${opened.ticket.id}`));
    expect(thread.messages).toHaveLength(1);
  });
});
