import { describe, expect, it } from 'vitest';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';
import { italianBuyerBilling } from '../testing/lawful-parties.js';

const accountTables = ['clients', 'contacts', 'audit_log'] as const;

describeEachDatabase('the client edits its own account', (database) => {
  async function seeded(settings: Record<string, unknown> = {}) {
    const seed = await seedBusiness(database(), { settings });
    const ann = seed.client.contacts[0]!;
    const who = { clientId: seed.client.id, contactId: ann.id };
    const asClient = seed.api.business(seed.business.id, { actor: `client:${ann.id}` });
    return { ...seed, ann, who, asClient };
  }

  describe('billing details, name and language', () => {
    it('saves them and writes each change, from and to, to the audit log as the contact', async () => {
      const { asClient, scope, who, client } = await seeded();
      const account = await asClient.account.update(who, { ...italianBuyerBilling, name: 'Globex S.p.A.', contactName: 'Ann L. Ledger', language: 'ja' });
      expect(account).toMatchObject({ name: 'Globex S.p.A.', vatId: 'IT12345678901', language: 'ja', lockedFields: [] });
      expect(account.billingAddress).toMatchObject({ city: 'Milano', countryCode: 'IT' });
      expect(account.contacts.find((c) => c.id === who.contactId)?.name).toBe('Ann L. Ledger');
      expect(await scope.clients.get(client.id)).toMatchObject({ name: 'Globex S.p.A.', vatId: 'IT12345678901', locale: 'ja' });

      const entry = (await scope.audit.list('client', client.id)).at(-1)!;
      expect(entry).toMatchObject({ actor: `client:${who.contactId}`, action: 'client.account_updated' });
      expect(entry.details).toMatchObject({
        byContactId: who.contactId,
        changes: {
          name: { from: 'Globex Corporation', to: 'Globex S.p.A.' },
          vatId: { from: null, to: 'IT12345678901' },
          contactName: { from: 'Ann Ledger', to: 'Ann L. Ledger' },
          language: { from: null, to: 'ja' },
          billingAddress: { from: null, to: { city: 'Milano' } },
        },
      });
    });

    it('writes nothing, audit included, when nothing changes', async () => {
      const { asClient, who } = await seeded();
      const before = await countRows(database().db, ['audit_log']);
      await asClient.account.update(who, { name: 'Globex Corporation' });
      expect(await countRows(database().db, ['audit_log'])).toEqual(before);
    });

    it.each([
      ['an empty name', { name: '  ' }, 'invalid_input', 'name'],
      ['a VAT number of no country', { vatId: 'XX123' }, 'invalid_vat_id', 'vatId'],
      ['an address without a city', { billingAddress: { lines: ['Via Roma 1'], countryCode: 'IT' } }, 'invalid_input', 'billingAddress.city'],
      ['a language the portal does not speak', { language: 'tlh' }, 'invalid_input', 'language'],
      ['a field the client cannot change', { notes: 'pays early' }, 'invalid_input', 'notes'],
      ['its own name left empty', { contactName: '' }, 'invalid_input', 'contactName'],
      ['a time zone that does not exist', { timeZone: 'Mars/Olympus_Mons' }, 'invalid_input', 'timeZone'],
      ['a time zone that is not text', { timeZone: 9 }, 'invalid_input', 'timeZone'],
    ] as const)('refuses %s, changing nothing', async (_label, patch, code, field) => {
      const { asClient, who } = await seeded();
      const before = await countRows(database().db, accountTables);
      const error = await expectPorticoError(asClient.account.update(who, { vatId: 'DE123456789', ...(patch as object) }), code);
      expect(error.field).toBe(field);
      expect(await countRows(database().db, accountTables)).toEqual(before);
      expect((await asClient.account.get(who)).vatId).toBeNull();
    });

    it('refuses a field the business locked, with its name, and says which are locked', async () => {
      const { asClient, who } = await seeded({ lockedClientFields: ['name', 'vatId'] });
      expect((await asClient.account.get(who)).lockedFields).toEqual(['name', 'vatId']);
      const error = await expectPorticoError(asClient.account.update(who, { taxNumber: 'RSSMRA80A01F205X', vatId: 'IT12345678901' }), 'field_locked');
      expect(error.field).toBe('vatId');
      expect(error.status).toBe(403);
      expect((await asClient.account.get(who)).taxNumber).toBeNull();
      expect((await asClient.account.update(who, { taxNumber: 'RSSMRA80A01F205X' })).taxNumber).toBe('RSSMRA80A01F205X');
    });

    it('refuses locks on fields that cannot be locked', async () => {
      const { api, business } = await seeded();
      const error = await expectPorticoError(api.businesses.update(business.id, { settings: { lockedClientFields: ['notes'] } }), 'invalid_input');
      expect(error.field).toBe('settings.lockedClientFields');
    });

    it('keeps issued invoices as they were and prints the new details on the next one', async () => {
      const { asClient, scope, who, client } = await seeded();
      const issued = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
      await asClient.account.update(who, { ...italianBuyerBilling, name: 'Globex S.p.A.' });
      const before = await scope.invoices.getForClient(client.id, issued.id);
      expect(before.parties.buyer).toMatchObject({ name: 'Globex Corporation', vatId: null, address: null });
      const next = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
      const after = await scope.invoices.getForClient(client.id, next.id);
      expect(after.parties.buyer).toMatchObject({ name: 'Globex S.p.A.', vatId: 'IT12345678901', address: { city: 'Milano' } });
    });
  });

  describe('contacts of the company', () => {
    it('adds, changes and removes colleagues, each in the audit log', async () => {
      const { asClient, scope, who, client } = await seeded();
      const bob = await asClient.account.addContact(who, { name: 'Bob Books', email: 'bob@globex.test', receivesInvoices: false });
      expect(bob).toMatchObject({ name: 'Bob Books', isPrimary: false, receivesInvoices: false });
      const renamed = await asClient.account.updateContact(who, bob.id, { name: 'Robert Books', receivesInvoices: true });
      expect(renamed).toMatchObject({ name: 'Robert Books', receivesInvoices: true });
      await asClient.account.removeContact(who, bob.id);
      expect((await asClient.account.get(who)).contacts.map((c) => c.email)).toEqual(['ann@globex.test']);
      const actions = (await scope.audit.list('client', client.id)).filter((e) => e.actor === `client:${who.contactId}`);
      expect(actions.map((e) => e.action)).toEqual(['client.account_contact_added', 'client.account_contact_updated', 'client.account_contact_removed']);
      expect(actions[1]!.details).toMatchObject({ contactId: bob.id, changes: { name: { from: 'Bob Books', to: 'Robert Books' }, receivesInvoices: { from: false, to: true } } });
      expect(actions[2]!.details).toMatchObject({ contact: { email: 'bob@globex.test' } });
    });

    it('keeps the time zone the client chose, canonically spelt and audited; its emails, PDFs and session use it; null gives the business’s back', async () => {
      const { asClient, scope, who, client, clock, business } = await seeded();
      // 20:00 in Berlin (the business) is already tomorrow on Kiritimati (UTC+14).
      clock.set('2026-03-10T20:00:00Z');
      const chosen = await asClient.account.update(who, { timeZone: 'pacific/kiritimati' });
      expect(chosen).toMatchObject({ timeZone: 'Pacific/Kiritimati', businessTimeZone: 'Europe/Berlin' });
      expect((await scope.clients.get(client.id)).timeZone).toBe('Pacific/Kiritimati');
      expect((await scope.audit.list('client', client.id)).at(-1)!.details).toMatchObject({ changes: { timeZone: { from: null, to: 'Pacific/Kiritimati' } } });

      const invoice = await scope.invoices.create(draftInput(client.id));
      await scope.invoices.send(invoice.id);
      const email = await database().db.selectFrom('outbox_emails').select('text').where('business_id', '=', business.id).executeTakeFirstOrThrow();
      const expiry = /valid until ([^.]+)\./.exec(email.text)?.[1];
      const linkExpiresAt = new Date(clock.now().getTime() + 7 * 86_400_000);
      const inZone = (timeZone: string) => new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone }).format(linkExpiresAt);
      expect(inZone('Pacific/Kiritimati')).not.toBe(inZone('Europe/Berlin'));
      expect(expiry).toBe(inZone('Pacific/Kiritimati'));

      const pdf = await scope.documents.invoiceForClient(client.id, invoice.id);
      expect(pdf.business.timeZone).toBe('Pacific/Kiritimati');
      await asClient.account.update(who, { timeZone: null });
      expect((await scope.documents.invoiceForClient(client.id, invoice.id)).business.timeZone).toBe('Europe/Berlin');
      expect((await asClient.account.get(who)).timeZone).toBeNull();
    });

    it('sends invoice emails only to the contacts who receive invoices', async () => {
      const { asClient, scope, who, client, business } = await seeded();
      const bob = await asClient.account.addContact(who, { name: 'Bob Books', email: 'bob@globex.test' });
      await asClient.account.updateContact(who, who.contactId, { receivesInvoices: false });
      const sent = await scope.invoices.send((await scope.invoices.create(draftInput(client.id))).id);
      expect(sent.emailsQueued).toBe(1);
      const outbox = await database().db.selectFrom('outbox_emails').select('to_address').where('business_id', '=', business.id).execute();
      expect(outbox.map((row) => row.to_address)).toEqual([bob.email]);
    });

    it('keeps the last contact who receives invoices: not unticked, not removed', async () => {
      const { asClient, who } = await seeded();
      const bob = await asClient.account.addContact(who, { name: 'Bob Books', email: 'bob@globex.test', receivesInvoices: false });
      const before = await countRows(database().db, accountTables);
      const untick = await expectPorticoError(asClient.account.updateContact(who, who.contactId, { receivesInvoices: false }), 'last_invoice_recipient');
      expect(untick.field).toBe('receivesInvoices');
      await asClient.account.updateContact(who, bob.id, { receivesInvoices: true });
      await asClient.account.updateContact(who, who.contactId, { receivesInvoices: false });
      await expectPorticoError(asClient.account.removeContact(who, bob.id), 'last_invoice_recipient');
      await expectPorticoError(asClient.account.removeContact(who, who.contactId), 'cannot_remove_self');
      expect((await countRows(database().db, accountTables)).contacts).toBe(before.contacts);
    });

    it("answers contact_not_found for another client's contact, and changes nothing of it", async () => {
      const { asClient, scope, who } = await seeded();
      const other = await scope.clients.create({ name: 'Initech', contacts: [{ name: 'Bill', email: 'bill@initech.test' }] });
      const bill = other.contacts[0]!;
      const before = await countRows(database().db, accountTables);
      for (const attempt of [
        () => asClient.account.updateContact(who, bill.id, { name: 'Hijacked' }),
        () => asClient.account.removeContact(who, bill.id),
        () => asClient.account.get({ clientId: who.clientId, contactId: bill.id }),
        () => asClient.account.update({ clientId: other.id, contactId: who.contactId }, { name: 'Hijacked' }),
      ]) {
        expect((await expectPorticoError(attempt(), 'contact_not_found')).status).toBe(404);
      }
      expect(await countRows(database().db, accountTables)).toEqual(before);
      expect((await scope.clients.get(other.id)).contacts[0]!.name).toBe('Bill');
    });

    it("reaches nothing of another business: its client and its contacts are not found", async () => {
      const { asClient, who } = await seeded();
      const other = await seeded();
      await expectPorticoError(asClient.account.get(other.who), 'client_not_found');
      await expectPorticoError(asClient.account.updateContact(who, other.who.contactId, { name: 'Hijacked' }), 'contact_not_found');
      await expectPorticoError(asClient.account.removeContact(who, other.who.contactId), 'contact_not_found');
      expect((await other.scope.clients.get(other.client.id)).contacts[0]!.name).toBe('Ann Ledger');
    });

    it.each([
      ['no name', { email: 'x@globex.test' }, 'invalid_input', 'contact.name'],
      ['a bad address', { name: 'X', email: 'not an address' }, 'invalid_email', 'contact.email'],
      ['an address already a contact', { name: 'Ann again', email: 'ANN@globex.test' }, 'duplicate', 'email'],
      ['making itself primary', { name: 'X', email: 'x@globex.test', isPrimary: true }, 'invalid_input', 'isPrimary'],
      ['a preference that is not true or false', { name: 'X', email: 'x@globex.test', receivesInvoices: 'yes' }, 'invalid_input', 'contact.receivesInvoices'],
    ] as const)('refuses a new contact with %s, adding nothing', async (_label, input, code, field) => {
      const { asClient, who } = await seeded();
      const before = await countRows(database().db, accountTables);
      const error = await expectPorticoError(asClient.account.addContact(who, input as never), code);
      expect(error.field).toBe(field);
      expect(await countRows(database().db, accountTables)).toEqual(before);
    });
  });
});
