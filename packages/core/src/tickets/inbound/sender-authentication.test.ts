import { generateKeyPairSync } from 'node:crypto';
import { dkimSign } from 'mailauth';
import { describe, expect, it } from 'vitest';
import type { PorticoDatabase } from '../../db/create-database.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { seedBusiness } from '../../testing/fixtures.js';
import { buildTestEmail } from '../../testing/inbound-email.js';
import { authenticateSmtpSender, dmarcFromAuthenticationResults, type DnsResolver } from './sender-authentication.js';

const DOMAIN = 'reply.harborpine.test';
const SENDING_IP = '192.0.2.25';

/** globex.test's DNS as a table: its DKIM key, an SPF record naming its one mail server, and DMARC p=reject. */
function globexDns() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const spki = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const records: Record<string, string[][]> = {
    'TXT s1._domainkey.globex.test': [[`v=DKIM1; k=rsa; p=${spki}`]],
    'TXT globex.test': [[`v=spf1 ip4:${SENDING_IP} -all`]],
    'TXT _dmarc.globex.test': [['v=DMARC1; p=reject; adkim=r; aspf=r']],
  };
  const resolver: DnsResolver = async (name, rrtype) => {
    const found = records[`${rrtype} ${name.toLowerCase()}`];
    if (found) return found;
    throw Object.assign(new Error(`no ${rrtype} for ${name}`), { code: 'ENOTFOUND' });
  };
  const sign = async (message: string) => {
    const key = { signingDomain: 'globex.test', selector: 's1', privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() };
    // mailauth 4 reads the keys from signatureData (the top-level fields are typed, not used).
    const { signatures } = await dkimSign(message, { ...key, signatureData: [key] });
    return signatures + message;
  };
  return { resolver, sign };
}

const envelope = (ip: string) => ({ ip, helo: 'mail.globex.test', mailFrom: 'ann@globex.test', mta: 'mx.harborpine.test' });

describe('authenticateSmtpSender', () => {
  it('passes a message signed with the domain’s key, from anywhere', async () => {
    const dns = globexDns();
    const signed = await dns.sign(buildTestEmail({ text: 'Paid today.' }));
    expect(await authenticateSmtpSender(Buffer.from(signed), envelope('203.0.113.66'), dns.resolver)).toBe('pass');
  });

  it('passes an unsigned message from the domain’s own server (SPF), and fails one from elsewhere', async () => {
    const dns = globexDns();
    const unsigned = Buffer.from(buildTestEmail({ text: 'Paid today.' }));
    expect(await authenticateSmtpSender(unsigned, envelope(SENDING_IP), dns.resolver)).toBe('pass');
    expect(await authenticateSmtpSender(unsigned, envelope('203.0.113.66'), dns.resolver)).toBe('fail');
  });

  it('fails a signed message changed on the way', async () => {
    const dns = globexDns();
    const signed = await dns.sign(buildTestEmail({ text: 'Paid today.' }));
    const changed = signed.replace('Question about my invoice', 'Please change my bank details');
    expect(await authenticateSmtpSender(Buffer.from(changed), envelope('203.0.113.66'), dns.resolver)).toBe('fail');
  });

  it('says none for a domain without DMARC, and unknown when DNS cannot answer', async () => {
    const none: DnsResolver = async (name) => {
      throw Object.assign(new Error(`no ${name}`), { code: 'ENOTFOUND' });
    };
    expect(await authenticateSmtpSender(Buffer.from(buildTestEmail()), envelope('203.0.113.66'), none)).toBe('none');
    const down: DnsResolver = async () => {
      throw Object.assign(new Error('timeout'), { code: 'ETIMEOUT' });
    };
    expect(['unknown', 'none']).toContain(await authenticateSmtpSender(Buffer.from(buildTestEmail()), envelope('203.0.113.66'), down));
  });
});

describe('dmarcFromAuthenticationResults', () => {
  it('reads the top header only when the trusted receiving host wrote it', () => {
    expect(dmarcFromAuthenticationResults('mx.example.com; dkim=pass header.d=globex.test; spf=pass; dmarc=pass (p=REJECT) header.from=globex.test', 'mx.example.com')).toBe('pass');
    expect(dmarcFromAuthenticationResults('MX.Example.com 1; dkim=fail (bad signature); spf=fail; dmarc=fail header.from=globex.test', 'mx.example.com')).toBe('fail');
    expect(dmarcFromAuthenticationResults('mx.example.com; spf=none', 'mx.example.com')).toBe('unknown');
    expect(dmarcFromAuthenticationResults('mx.attacker.test; dmarc=pass', 'mx.example.com')).toBe('unknown');
    expect(dmarcFromAuthenticationResults(undefined, 'mx.example.com')).toBe('unknown');
  });
});

describeEachDatabase('inbound mail and DMARC', (database) => {
  async function ticketReplyAddress(db: PorticoDatabase, settings: Record<string, unknown> = {}) {
    const seeded = await seedBusiness(db, { settings: { inboundDomain: DOMAIN, ...settings } });
    const ann = seeded.client.contacts[0]!;
    const opened = await seeded.scope.tickets.open({ clientId: seeded.client.id, contactId: ann.id, subject: 'VAT', message: 'Why 19%?' });
    await seeded.scope.tickets.reply(opened.ticket.id, { authorName: 'Harbor & Pine Studio', message: 'Because the studio is in Germany.' });
    const sent = await db.db.selectFrom('outbox_emails').select('reply_to').where('business_id', '=', seeded.business.id).where('kind', '=', 'ticket_reply').executeTakeFirstOrThrow();
    const messages = async () => (await seeded.scope.tickets.get(opened.ticket.id)).messages;
    return { ...seeded, ticketId: opened.ticket.id, replyTo: sent.reply_to!, messages };
  }

  it('holds a reply whose From fails DMARC, with the right reply address, and appends one that passes', async () => {
    const t = await ticketReplyAddress(database());
    const forged = await t.scope.inbound.receive(buildTestEmail({ to: t.replyTo, text: 'Our bank details changed: pay to DE00 1234.' }), { source: 'smtp', senderDmarc: 'fail' });
    expect(forged).toMatchObject({ outcome: 'held', ticketId: t.ticketId });
    const [held] = await t.scope.inbound.listHeld();
    expect(held).toMatchObject({ id: forged.id, reasonCode: 'sender_not_authenticated' });
    expect(held!.reason).toContain('DMARC failed');
    expect(await t.messages()).toHaveLength(2);

    const real = await t.scope.inbound.receive(buildTestEmail({ to: t.replyTo, text: 'Thanks!' }), { source: 'smtp', senderDmarc: 'pass' });
    expect(real).toMatchObject({ outcome: 'appended', ticketId: t.ticketId });
    // The business may still take the held one, having looked.
    expect(await t.scope.inbound.accept(forged.id)).toMatchObject({ outcome: 'appended' });
  });

  it('never opens a ticket as a client for new mail that fails DMARC', async () => {
    const t = await ticketReplyAddress(database());
    const result = await t.scope.inbound.receive(buildTestEmail({ to: `support@${DOMAIN}`, subject: 'New bank details', text: 'Please use these.' }), { source: 'smtp', senderDmarc: 'fail' });
    expect(result).toMatchObject({ outcome: 'held', ticketId: null });
    expect((await t.scope.tickets.list()).tickets).toHaveLength(1);
  });

  it('over HTTP, believes the top Authentication-Results only from the receiving host the business trusts', async () => {
    const t = await ticketReplyAddress(database(), { inboundAuthServId: 'mx.harborpine.test' });
    const failing = { 'Authentication-Results': 'mx.harborpine.test; dkim=fail; spf=fail smtp.mailfrom=globex.test; dmarc=fail header.from=globex.test' };
    expect(await t.scope.inbound.receive(buildTestEmail({ to: t.replyTo, text: 'Forged?', headers: failing }), { source: 'raw' })).toMatchObject({ outcome: 'held' });
    // A sender's own claim, from a host the business does not trust, counts for nothing either way.
    const claimed = { 'Authentication-Results': 'mx.attacker.test; dmarc=fail' };
    expect(await t.scope.inbound.receive(buildTestEmail({ to: t.replyTo, text: 'Real reply.', headers: claimed }), { source: 'raw' })).toMatchObject({ outcome: 'appended' });
  });
});
