// A fake of Portico's billing routes for the screenshot pages (plain script: window.porticoFakeBilling).
(() => {
  const day = 86_400_000;
  const asOf = Date.UTC(2025, 6, 1);
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const clients = ['Globex Corporation', 'Initech', 'Umbrella Ltd', 'Stark Industries'];
  const invoices = Array.from({ length: 38 }, (_, i) => {
    const n = 38 - i;
    const issue = asOf - i * 9 * day - 2 * day;
    const due = issue + 30 * day;
    const total = [48_000, 129_950, 12_500, 310_000, 76_420, 5_990][n % 6] + n * 100;
    let status = due < asOf ? (i % 4 === 3 ? 'overdue' : 'paid') : 'sent';
    if (n === 30) status = 'void';
    const paid = status === 'paid' ? total : n === 37 ? 20_000 : 0;
    return {
      id: `inv_${n}`, number: `HP-2025-${String(n).padStart(3, '0')}`, status: status === 'overdue' ? 'sent' : status, displayStatus: status,
      currency: n === 33 ? 'USD' : 'EUR', issueDate: iso(issue), dueDate: iso(due), total, amountPaid: paid, balance: status === 'void' ? 0 : total - paid, version: 1,
      clientId: `cli_${n % 4}`, clientName: clients[n % 4],
    };
  });
  invoices.unshift({ ...invoices[0], id: 'inv_39', number: null, status: 'draft', displayStatus: 'draft', issueDate: iso(asOf), dueDate: iso(asOf + 30 * day), total: 84_000, amountPaid: 0, balance: 84_000, clientName: 'Initech', clientId: 'cli_1' });
  const order = ['draft', 'sent', 'overdue', 'paid', 'void'];
  const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  function list(params, admin) {
    const all = invoices.filter((inv) => admin || inv.displayStatus !== 'draft');
    const q = (params.get('q') || '').toLowerCase();
    const from = params.get('from') || '', to = params.get('to') || '';
    const others = all.filter((inv) => (!q || (inv.number || '').toLowerCase().includes(q) || inv.clientName.toLowerCase().includes(q)) && (!from || inv.issueDate >= from) && (!to || inv.issueDate <= to));
    const statuses = (params.get('status') || '').split(',').filter(Boolean);
    const matching = others.filter((inv) => !statuses.length || statuses.includes(inv.displayStatus));
    const sort = params.get('sort') || 'issueDate', dir = params.get('order') === 'asc' ? 1 : -1;
    const key = (inv) => (sort === 'status' ? order.indexOf(inv.displayStatus) : sort === 'amount' ? inv.total : sort === 'number' ? inv.number || '' : inv[sort]);
    matching.sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.id < b.id ? -1 : 1));
    const start = Number(params.get('cursor') || 0), limit = Number(params.get('limit') || 25);
    const counts = Object.fromEntries(order.map((s) => [s, others.filter((inv) => inv.displayStatus === s).length]));
    const page = matching.slice(start, start + limit).map((inv) => {
      if (admin) return inv;
      const { clientId, clientName, ...mine } = inv;
      return mine;
    });
    return { invoices: page, nextCursor: start + limit < matching.length ? String(start + limit) : null, counts, total: matching.length };
  }
  function detail(inv) {
    const lines = [
      { description: 'Brand identity workshop (two days, on site)', quantity: 2, unitPrice: 45_000, taxRate: 20, discountAmount: 10_000 },
      { description: 'Logo design, three rounds of revisions', quantity: 1, unitPrice: 32_000, taxRate: 20, discountAmount: 0 },
      { description: 'Printed stationery proofs', quantity: 12, unitPrice: 1_000, taxRate: 10, discountAmount: 0 },
    ].map((l) => { const gross = l.quantity * l.unitPrice; const tax = Math.round(((gross - l.discountAmount) * l.taxRate) / 100); return { ...l, gross, tax, total: gross - l.discountAmount + tax }; });
    const subtotal = lines.reduce((s, l) => s + l.gross, 0), discountTotal = 10_000, taxTotal = lines.reduce((s, l) => s + l.tax, 0);
    const total = subtotal - discountTotal + taxTotal, amountPaid = inv.displayStatus === 'paid' ? total : 50_000;
    return {
      ...inv, total, amountPaid, balance: total - amountPaid, subtotal, discountTotal, taxTotal, lines,
      notes: 'Thank you for your business.\nPayment within 30 days by bank transfer (IBAN DE89 3704 0044 0532 0130 00) or card.',
      payments: [{ amount: amountPaid, refundedAmount: 0, receivedAt: '2025-06-15T09:30:00.000Z', method: 'bank_transfer' }],
      client: { name: 'Globex Corporation' },
      business: { name: 'Harbor & Pine Studio', brandColor: '#0f766e', logoUrl: null, locale: 'en' },
    };
  }
  // Card payments (Stripe) when the page asks for them with ?pay=1.
  const pay = new URLSearchParams(location.search).get('pay') === '1';
  const session = {
    business: { slug: 'harbor-pine', name: 'Harbor & Pine Studio', brandColor: '#0f766e', logoUrl: null, locale: 'en', onlinePayments: pay ? { publishableKey: 'pk_test_harborpine' } : null },
    client: { id: 'cli_1', name: 'Globex Corporation', locale: null },
    contact: { id: 'con_1', name: 'Ann Archer', email: 'ann.archer@globex-corporation.test' },
    expiresAt: '2031-03-04T15:30:00.000Z',
  };
  window.porticoFakeSession = session;
  window.porticoFakeBilling = (path, params, method) => {
    if (path === '/portal/api/session') return json(200, session);
    const checkout = /^\/portal\/api\/invoices\/([^/]+)\/checkout$/.exec(path);
    if (checkout && method === 'POST') {
      const inv = invoices.find((i) => i.id === checkout[1]);
      if (!pay) return json(409, { error: { code: 'stripe_not_configured', message: 'No Stripe.' } });
      const d = detail(inv);
      window.porticoFakeCheckout = { amount: d.balance, currency: inv.currency };
      return json(200, { sessionId: `cs_test_${inv.id}`, clientSecret: `cs_test_${inv.id}_secret_x`, publishableKey: 'pk_test_harborpine', amount: d.balance, currency: inv.currency });
    }
    const status = /^\/portal\/api\/checkout\/cs_test_([^/]+)$/.exec(path);
    if (status) {
      const inv = invoices.find((i) => i.id === status[1]);
      Object.assign(inv, { status: 'paid', displayStatus: 'paid', amountPaid: inv.total, balance: 0, version: inv.version + 1 });
      return json(200, { invoiceId: inv.id, status: 'complete', paymentStatus: 'paid', invoice: { status: 'paid', displayStatus: 'paid', amountPaid: inv.total, balance: 0, version: inv.version } });
    }
    if (path === '/portal/api/statement') {
      return json(200, {
        asOf: iso(asOf),
        currencies: [
          { currency: 'EUR', paidToDate: 1_234_500, outstanding: 482_000, overdue: 182_000, aging: { current: 300_000, days1to30: 120_000, days31to60: 40_000, days61to90: 0, over90: 22_000 }, lastPayment: { amount: 45_000, receivedAt: '2025-06-20T10:15:00.000Z', invoiceId: 'inv_35', invoiceNumber: 'HP-2025-035' } },
          { currency: 'USD', paidToDate: 0, outstanding: 99_900, overdue: 0, aging: { current: 99_900, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 }, lastPayment: null },
        ],
      });
    }
    if (path === '/portal/api/invoices') return json(200, list(params, false));
    if (path === '/portal/admin/invoices') return json(200, list(params, true));
    const send = /^\/portal\/admin\/invoices\/([^/]+)\/send$/.exec(path);
    if (send && method === 'POST') {
      const inv = invoices.find((i) => i.id === send[1]);
      if (inv.displayStatus === 'draft') Object.assign(inv, { status: 'sent', displayStatus: 'sent', number: 'HP-2025-039' });
      return json(200, { invoice: inv, emailsQueued: 2 });
    }
    if (path === '/portal/api/invoices/download.zip') {
      let sent = 0;
      const body = new ReadableStream({
        async pull(controller) {
          await new Promise((r) => setTimeout(r, 400));
          if (sent++ > 40) return controller.close();
          const chunk = new Uint8Array(30 + 9 + 4000);
          chunk.set([0x50, 0x4b, 3, 4]); chunk[26] = 9; chunk.set(new TextEncoder().encode('x-001.pdf'), 30);
          controller.enqueue(chunk);
        },
      });
      return new Response(body, { status: 200, headers: { 'content-type': 'application/zip' } });
    }
    const one = /^\/portal\/api\/invoices\/([^/]+)$/.exec(path);
    if (one) {
      const inv = invoices.find((i) => i.id === one[1]);
      return inv ? json(200, detail(inv)) : json(404, { error: { code: 'invoice_not_found', message: 'No such invoice.' } });
    }
    return null;
  };
})();
