import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { issueMagicLinkToken } from './magic-links.js';
import { hashSecretToken } from './secret-tokens.js';
import { redeemSignInLink } from './sign-in.js';
import { enqueueEmail } from '../email/outbox.js';
import { createOutboxWorker } from '../outbox-worker.js';
import { deferredSignInLink, SIGN_IN_TOKEN_PLACEHOLDER, type SignInLinkSpec } from './email-sign-in-link.js';
import { EmailDeliveryError, type OutgoingEmail } from '../email/transports/transport.js';

const silent = { warn: () => {}, error: () => {} };

describeEachDatabase('deferred sign-in links', (database) => {
  async function setup() {
    const seeded = await seedBusiness(database());
    const ctx = { db: database().db, clock: seeded.clock, businessId: seeded.business.id, actor: 'test' };
    const contactId = seeded.client.contacts[0]!.id;
    const message = {
      kind: 'sign_in_link',
      to: 'ann@globex.test',
      subject: 'Your link',
      html: `<a href="https://x.test/auth/link/b/${SIGN_IN_TOKEN_PLACEHOLDER}">Sign in</a>`,
      text: `https://x.test/auth/link/b/${SIGN_IN_TOKEN_PLACEHOLDER}`,
    };
    const link: SignInLinkSpec = { clientId: seeded.client.id, contactId, purpose: 'sign_in', invoiceId: null, ttlMs: 600_000 };
    const queue = async (email: typeof message, spec: SignInLinkSpec = link) => enqueueEmail(ctx.db, ctx, email, deferredSignInLink(spec, email));
    return { ...seeded, ctx, message, link, queue };
  }

  it('stores the placeholder, and the worker sends a fresh token whose hash alone is kept', async () => {
    const { ctx, clock, message, business, queue } = await setup();
    const id = await queue(message);
    const stored = await ctx.db.selectFrom('outbox_emails').select(['html', 'text']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(stored.text).toContain(SIGN_IN_TOKEN_PLACEHOLDER);
    expect(await ctx.db.selectFrom('magic_link_tokens').selectAll().where('business_id', '=', business.id).execute()).toHaveLength(0);

    const sent: OutgoingEmail[] = [];
    const worker = createOutboxWorker({ db: ctx.db, clock, logger: silent, transport: { name: 't', send: async (e) => (sent.push(e), { providerMessageId: null }) } });
    await worker.runOnce();
    const token = /auth\/link\/b\/([A-Za-z0-9_-]{43})$/.exec(sent[0]!.text)?.[1];
    expect(token).toBeDefined();
    expect(sent[0]!.html).toContain(token);
    expect(sent[0]!.html).not.toContain(SIGN_IN_TOKEN_PLACEHOLDER);
    const tokens = await ctx.db.selectFrom('magic_link_tokens').selectAll().where('business_id', '=', business.id).execute();
    expect(tokens.map((t) => t.token_hash)).toEqual([hashSecretToken(token!)]);
    expect(Number(tokens[0]!.expires_at)).toBe(clock.now().getTime() + 600_000);
    const after = await ctx.db.selectFrom('outbox_emails').select(['html', 'text']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(after.text + after.html).not.toContain(token);
  });

  it('a retry after a failed send carries a new token; the link never delivered simply expires', async () => {
    const { ctx, clock, message, queue } = await setup();
    await queue(message);
    const tried: string[] = [];
    let fail = true;
    const worker = createOutboxWorker({
      db: ctx.db,
      clock,
      logger: silent,
      backoff: () => 1000,
      transport: {
        name: 't',
        send: async (e) => {
          tried.push(e.text);
          if (fail) throw new EmailDeliveryError('provider down', { permanent: false, status: 503 });
          return { providerMessageId: null };
        },
      },
    });
    await worker.runOnce();
    fail = false;
    clock.advance(1000);
    await worker.runOnce();
    expect(tried).toHaveLength(2);
    expect(tried[0]).not.toBe(tried[1]);
  });

  it('a link naming a ticket is stored with it and redeemed with it', async () => {
    const { ctx, clock, message, link, business, client, scope, queue } = await setup();
    const { ticket } = await scope.tickets.open({ clientId: client.id, subject: 'Receipt?', message: 'Hi' });
    await queue(message, { ...link, purpose: 'ticket_email', ticketId: ticket.id });
    const sent: OutgoingEmail[] = [];
    const worker = createOutboxWorker({ db: ctx.db, clock, logger: silent, transport: { name: 't', send: async (e) => (sent.push(e), { providerMessageId: null }) } });
    await worker.runOnce();
    const token = /auth\/link\/b\/([A-Za-z0-9_-]{43})$/.exec(sent[0]!.text)![1]!;
    const stored = await ctx.db.selectFrom('magic_link_tokens').select(['ticket_id', 'invoice_id', 'purpose']).where('business_id', '=', business.id).execute();
    expect(stored).toEqual([{ ticket_id: ticket.id, invoice_id: null, purpose: 'ticket_email' }]);
    const signedIn = await redeemSignInLink(ctx, business.id, token, 'cookie');
    expect(signedIn).toMatchObject({ ticketId: ticket.id, invoiceId: null, session: { clientId: client.id, contactId: link.contactId } });
  });

  it('refuses a link naming both an invoice and a ticket, and writes nothing', async () => {
    const { ctx, message, link, business, client, scope, queue } = await setup();
    const { ticket } = await scope.tickets.open({ clientId: client.id, subject: 'Receipt?', message: 'Hi' });
    const invoice = await scope.invoices.create(draftInput(client.id));
    const both = { ...link, invoiceId: invoice.id, ticketId: ticket.id };
    await expect(queue(message, both)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await ctx.db.selectFrom('outbox_emails').selectAll().where('business_id', '=', business.id).execute()).toHaveLength(0);
    await expect(issueMagicLinkToken(ctx.db, ctx.clock.now(), { businessId: business.id, ...both })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await ctx.db.selectFrom('magic_link_tokens').selectAll().where('business_id', '=', business.id).execute()).toHaveLength(0);
  });

  it('refuses a sign-in email without the placeholder in both parts, and writes nothing', async () => {
    const { ctx, message, business, queue } = await setup();
    await expect(queue({ ...message, text: 'no link here' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await ctx.db.selectFrom('outbox_emails').selectAll().where('business_id', '=', business.id).execute()).toHaveLength(0);
  });
});
