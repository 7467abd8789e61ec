// A fake of Portico's support-ticket routes for the screenshot pages (plain script: window.porticoFakeTickets).
(() => {
  const at = (day, hour, minute = 0) => new Date(Date.UTC(2025, 5, day, hour, minute)).toISOString();
  const clients = { cli_1: 'Globex Corporation', cli_2: 'Initech', cli_3: 'Umbrella Ltd' };
  const contacts = [{ name: 'Ann Archer', email: 'ann.archer@globex-corporation.test' }, { name: 'Ben Okafor', email: 'ben.okafor@globex-corporation.test' }];
  const receipt = { id: 'att_1', filename: 'receipt-HP-2025-035.pdf', contentType: 'application/pdf', size: 48_213, url: '/api/tickets/tkt_14/attachments/att_1' };
  const message = (id, kind, body, time, extra = {}) => ({
    id, authorKind: kind, authorName: kind === 'client' ? 'Ann Archer' : 'Harbor & Pine Studio', body, internal: false, source: kind === 'client' ? 'portal' : 'admin', createdAt: time, attachments: [], ...extra,
  });
  const tickets = [
    {
      summary: { id: 'tkt_14', number: 14, subject: 'Receipt for HP-2025-035', status: 'pending', invoiceId: 'inv_35', invoiceNumber: 'HP-2025-035', unread: true, createdAt: at(20, 9), clientId: 'cli_1' },
      messages: [
        message('m1', 'client', 'Hello,\nwe paid HP-2025-035 on June 18 but never received a receipt. Could you send it again?', at(20, 9)),
        message('m2', 'business', 'Accounting says the payment arrived in two parts; checking both are booked.', at(20, 11), { internal: true, authorName: 'Dana Desk' }),
        message('m3', 'business', 'Hi Ann, here it is. Sorry for the wait!', at(21, 8, 30), { attachments: [receipt] }),
      ],
    },
    {
      summary: { id: 'tkt_13', number: 13, subject: 'New billing address from July', status: 'open', invoiceId: null, invoiceNumber: null, unread: false, createdAt: at(17, 14), clientId: 'cli_1' },
      messages: [
        message('m4', 'client', 'From July 1 our billing address is 12 Harbour Street, Leith.', at(17, 14)),
        message('m5', 'client', 'Please also add our VAT number GB123456789.', at(19, 10), { source: 'email' }),
      ],
    },
    {
      summary: { id: 'tkt_9', number: 9, subject: 'Payment terms for the print run', status: 'closed', invoiceId: null, invoiceNumber: null, unread: false, createdAt: at(2, 16), clientId: 'cli_2' },
      messages: [message('m6', 'client', 'Could we pay the print run in two parts?', at(2, 16)), message('m7', 'business', 'Yes: half now, half on delivery.', at(3, 9))],
    },
  ];
  let held = [
    { id: 'inb_1', from: 'accounts@globex-mail.test', subject: 'Re: [#14] Receipt for HP-2025-035', receivedAt: at(22, 7, 12), reason: 'The sender is not a contact of this ticket.', ticketId: 'tkt_14', body: 'Please send receipts to accounts@ from now on.' },
  ];
  const json = (status, body) => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const summary = (t, admin) => {
    const visible = t.messages.filter((m) => admin || !m.internal);
    const last = visible.at(-1);
    const base = { ...t.summary, preview: last.body.slice(0, 80), messageCount: visible.length, lastMessageAt: last.createdAt };
    if (admin) return { ...base, clientName: clients[t.summary.clientId] };
    const { clientId, ...mine } = base;
    return mine;
  };
  const unread = () => tickets.filter((t) => t.summary.unread).length;
  const byActivity = (admin) => tickets.map((t) => summary(t, admin)).sort((a, b) => (a.lastMessageAt < b.lastMessageAt ? 1 : -1));
  const thread = (t, admin) => ({
    ticket: summary(t, admin),
    messages: t.messages.filter((m) => admin || !m.internal),
    ...(admin ? { client: { id: t.summary.clientId, name: clients[t.summary.clientId], contacts } } : {}),
  });
  window.porticoFakeTickets = (path, params, method, body) => {
    const side = path.startsWith('/portal/admin/') ? 'admin' : path.startsWith('/portal/api/') ? 'api' : null;
    if (!side) return null;
    const admin = side === 'admin';
    if (path === `/portal/${side}/tickets` && method === 'GET') {
      const status = params.get('status') || 'all';
      const list = byActivity(admin).filter((t) => status === 'all' || t.status === status).filter((t) => params.get('unread') !== '1' || t.unread);
      return json(200, admin ? { tickets: list, unreadCount: unread(), heldCount: held.length } : { tickets: list, unreadCount: unread() });
    }
    if (path === '/portal/api/tickets' && method === 'POST') {
      const input = JSON.parse(body);
      const t = { summary: { id: 'tkt_15', number: 15, subject: input.subject, status: 'open', invoiceId: input.invoiceId ?? null, invoiceNumber: null, unread: false, createdAt: at(23, 9), clientId: 'cli_1' }, messages: [message('m9', 'client', input.message, at(23, 9))] };
      tickets.unshift(t);
      return json(201, thread(t, false));
    }
    if (path === '/portal/admin/inbound/held') return json(200, { held });
    const settle = /^\/portal\/admin\/inbound\/([^/]+)\/(accept|discard)$/.exec(path);
    if (settle) {
      held = held.filter((h) => h.id !== settle[1]);
      return settle[2] === 'accept' ? json(200, { id: settle[1], outcome: 'appended', ticketId: 'tkt_14' }) : json(204);
    }
    const one = /^\/portal\/(?:api|admin)\/tickets\/([^/]+)(?:\/(messages|close|reopen))?$/.exec(path);
    const t = one && tickets.find((x) => x.summary.id === one[1]);
    if (!t) return null;
    if (!one[2]) {
      t.summary.unread = false;
      return json(200, thread(t, admin));
    }
    if (one[2] === 'messages') {
      const input = JSON.parse(body);
      const posted = message(`m${Date.now()}`, admin ? 'business' : 'client', input.message, new Date().toISOString(), { internal: Boolean(input.internal), authorName: admin ? 'Harbor & Pine Studio' : 'Ann Archer' });
      t.messages.push(posted);
      if (!posted.internal) t.summary.status = admin ? 'pending' : 'open';
      return json(201, posted);
    }
    t.summary.status = one[2] === 'close' ? 'closed' : 'open';
    return json(200, summary(t, true));
  };
})();
