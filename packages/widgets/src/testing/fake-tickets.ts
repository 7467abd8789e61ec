import type {
  AdminTicketSummaryWire,
  AdminTicketThreadResponse,
  HeldInboundWire,
  TicketAttachmentWire,
  TicketMessageWire,
  TicketSummaryWire,
} from '@portico/wire';
import type { FakeServer, RecordedRequest } from './fake-server.js';

/** The n-th ticket of a made-up list: numbers 1…, activity going back a day each. */
export function ticketFixture(n: number, overrides: Partial<TicketSummaryWire> = {}): TicketSummaryWire {
  const last = new Date(Date.UTC(2025, 5, 30, 9, 30) - n * 86_400_000).toISOString();
  return {
    id: `tkt_${n}`,
    number: n,
    subject: `Question ${n} about our account`,
    status: 'open',
    invoiceId: null,
    invoiceNumber: null,
    unread: false,
    preview: `The last words of ticket ${n}`,
    messageCount: 2,
    lastMessageAt: last,
    createdAt: last,
    ...overrides,
  };
}

export function messageFixture(n: number, overrides: Partial<TicketMessageWire> = {}): TicketMessageWire {
  return {
    id: `msg_${n}`,
    authorKind: n % 2 === 1 ? 'client' : 'business',
    authorName: n % 2 === 1 ? 'Ann Archer' : 'Harbor & Pine Studio',
    body: `Message ${n}.\nA second line.`,
    internal: false,
    source: 'portal',
    createdAt: new Date(Date.UTC(2025, 5, 20, 10, n)).toISOString(),
    attachments: [],
    ...overrides,
  };
}

export function adminTicketFixture(n: number, overrides: Partial<AdminTicketSummaryWire> = {}): AdminTicketSummaryWire {
  const clients = ['Globex Corporation', 'Initech', 'Umbrella Ltd'];
  return { ...ticketFixture(n), clientId: `cli_${n % 3}`, clientName: clients[n % 3]!, ...overrides };
}

export function heldFixture(n: number, overrides: Partial<HeldInboundWire> = {}): HeldInboundWire {
  return {
    id: `inb_${n}`,
    from: `stranger${n}@elsewhere.test`,
    subject: `Re: [#${n}] Question`,
    receivedAt: new Date(Date.UTC(2025, 5, 29, 8, n)).toISOString(),
    reason: 'The sender is not a contact of this ticket.',
    ticketId: `tkt_${n}`,
    body: `Held body ${n}.`,
    quotedText: null,
    ...overrides,
  };
}

/**
 * A support desk kept in memory, answering the ticket routes like the server
 * (the test changes it between polls). One `unread` flag per ticket: unread
 * for whichever side the test looks from.
 */
export class FakeSupport {
  tickets: AdminTicketSummaryWire[] = [];
  messages = new Map<string, TicketMessageWire[]>();
  held: HeldInboundWire[] = [];
  #next = 100;

  /** A ticket with these messages (the first from the client). */
  add(ticket: AdminTicketSummaryWire, messages: TicketMessageWire[]): this {
    this.tickets.push(ticket);
    this.messages.set(ticket.id, messages);
    return this;
  }

  /** The business (or the client) writes: the ticket moves to the top, unread for the other side. */
  post(ticketId: string, message: Partial<TicketMessageWire>, unread = true): TicketMessageWire {
    const posted = messageFixture(this.#next++, { createdAt: new Date(Date.UTC(2025, 6, 1, 12, this.#next)).toISOString(), ...message });
    this.messages.get(ticketId)!.push(posted);
    this.#touch(ticketId, { lastMessageAt: posted.createdAt, unread, preview: posted.body.slice(0, 60) });
    return posted;
  }

  #touch(id: string, changes: Partial<AdminTicketSummaryWire>): AdminTicketSummaryWire {
    const index = this.tickets.findIndex((ticket) => ticket.id === id);
    const ticket = { ...this.tickets[index]!, ...changes, messageCount: this.messages.get(id)!.length };
    this.tickets.splice(index, 1);
    this.tickets.unshift(ticket);
    return ticket;
  }

  #unreadCount(): number {
    return this.tickets.filter((ticket) => ticket.unread).length;
  }

  #thread(id: string, viewer: 'client' | 'business'): { ticket: AdminTicketSummaryWire; messages: TicketMessageWire[] } {
    const ticket = this.#touch(id, { unread: false });
    const messages = this.messages.get(id)!.filter((message) => viewer === 'business' || !message.internal);
    return { ticket, messages };
  }

  /** The client routes under `/api`. */
  serveClient(server: FakeServer): this {
    server.on('GET', '/api/tickets', () => ({ status: 200, body: { tickets: this.tickets.map(clientView), unreadCount: this.#unreadCount() } }));
    server.on('POST', '/api/tickets', (request: RecordedRequest) => {
      const { fields, attachments } = messageRequest(request);
      const body = fields as { subject: string; message: string; invoiceId?: string };
      const n = this.#next++;
      const ticket = adminTicketFixture(n, {
        id: `tkt_${n}`,
        subject: body.subject,
        invoiceId: body.invoiceId ?? null,
        lastMessageAt: new Date(Date.UTC(2025, 6, 2)).toISOString(),
        messageCount: 1,
      });
      this.tickets.unshift(ticket);
      this.messages.set(ticket.id, [messageFixture(n, { authorKind: 'client', authorName: 'Ann Archer', body: body.message, attachments: attachments(ticket.id) })]);
      return { status: 201, body: { ticket: clientView(ticket), messages: this.messages.get(ticket.id) } };
    });
    for (const ticket of this.tickets) this.#serveClientTicket(server, ticket.id);
    return this;
  }

  #serveClientTicket(server: FakeServer, id: string): void {
    server.on('GET', `/api/tickets/${id}`, () => {
      const thread = this.#thread(id, 'client');
      return { status: 200, body: { ticket: clientView(thread.ticket), messages: thread.messages } };
    });
    server.on('POST', `/api/tickets/${id}/messages`, (request: RecordedRequest) => {
      const { fields, attachments } = messageRequest(request);
      const { message } = fields as { message: string };
      const posted = this.post(id, { authorKind: 'client', authorName: 'Ann Archer', body: message, source: 'portal', attachments: attachments(id) }, true);
      this.#touch(id, { status: 'open' });
      return { status: 201, body: posted };
    });
  }

  /** The business routes under `/admin`. */
  serveAdmin(server: FakeServer): this {
    server.on('GET', '/admin/tickets', (request: RecordedRequest) => {
      const status = request.query.get('status') ?? 'all';
      const unread = request.query.get('unread') === '1';
      const tickets = this.tickets.filter((ticket) => (status === 'all' || ticket.status === status) && (!unread || ticket.unread));
      return { status: 200, body: { tickets, unreadCount: this.#unreadCount(), heldCount: this.held.length } };
    });
    server.on('GET', '/admin/tickets/unread-count', () => ({ status: 200, body: { unread: this.#unreadCount(), held: this.held.length } }));
    server.on('GET', '/admin/inbound/held', () => ({ status: 200, body: { held: this.held } }));
    for (const ticket of this.tickets) this.#serveAdminTicket(server, ticket.id);
    for (const held of this.held) {
      server.on('POST', `/admin/inbound/${held.id}/accept`, () => {
        this.held = this.held.filter((h) => h.id !== held.id);
        if (held.ticketId && this.messages.has(held.ticketId)) this.post(held.ticketId, { authorKind: 'client', authorName: held.from ?? '', body: held.body, source: 'email' });
        return { status: 200, body: { id: held.id, outcome: 'appended', ticketId: held.ticketId } };
      });
      server.on('POST', `/admin/inbound/${held.id}/discard`, () => {
        this.held = this.held.filter((h) => h.id !== held.id);
        return { status: 204 };
      });
    }
    return this;
  }

  #adminThread(id: string, markRead: boolean): AdminTicketThreadResponse {
    const thread = markRead ? this.#thread(id, 'business') : { ticket: this.tickets.find((t) => t.id === id)!, messages: this.messages.get(id)! };
    return {
      ...thread,
      client: { id: thread.ticket.clientId, name: thread.ticket.clientName, contacts: [{ name: 'Ann Archer', email: 'ann@globex.test' }, { name: 'Bob Baker', email: 'bob@globex.test' }] },
    };
  }

  #serveAdminTicket(server: FakeServer, id: string): void {
    server.on('GET', `/admin/tickets/${id}`, () => ({ status: 200, body: this.#adminThread(id, true) }));
    server.on('POST', `/admin/tickets/${id}/messages`, (request: RecordedRequest) => {
      const { fields, attachments } = messageRequest(request);
      const { message, internal } = fields as { message: string; internal?: boolean | string };
      const note = internal === true || internal === 'true';
      const posted = this.post(id, { authorKind: 'business', authorName: 'Dana Desk', body: message, internal: note, source: 'admin', attachments: attachments(id) }, false);
      if (!note) this.#touch(id, { status: 'pending' });
      return { status: 201, body: posted };
    });
    for (const [action, status] of [['close', 'closed'], ['reopen', 'open']] as const) {
      // Like the server: the ticket as it now is.
      server.on('POST', `/admin/tickets/${id}/${action}`, () => ({ status: 200, body: this.#touch(id, { status }) }));
    }
  }
}

/** What the client side sees of a ticket: no client name or id. */
function clientView(ticket: AdminTicketSummaryWire): TicketSummaryWire {
  const { clientId: _clientId, clientName: _clientName, ...summary } = ticket;
  return summary;
}

/**
 * A message request's fields and files, as the server reads them: JSON, or a
 * multipart form (fields as text, files under `files`). The files come back
 * as the attachments the server would list.
 */
function messageRequest(request: RecordedRequest): { fields: Record<string, unknown>; attachments: (ticketId: string) => TicketAttachmentWire[] } {
  if (!(request.body instanceof FormData)) return { fields: request.body as Record<string, unknown>, attachments: () => [] };
  const form = request.body;
  const fields = Object.fromEntries([...form.entries()].filter(([name]) => name !== 'files'));
  const files = form.getAll('files').filter((file): file is File => file instanceof File);
  return {
    fields,
    attachments: (ticketId) =>
      files.map((file, i) => ({ id: `att_up${i}`, filename: file.name, contentType: file.type, size: file.size, url: `/api/tickets/${ticketId}/attachments/att_up${i}` })),
  };
}
