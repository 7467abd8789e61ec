import { expect, it } from 'vitest';
import { capturedMail } from '../testing/captured-mail.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness } from '../testing/fixtures.js';

describeEachDatabase('payment receipts', (database) => {
  async function setup(locale?: 'de') {
    const seeded = await seedBusiness(database());
    const { scope, client } = seeded;
    await scope.contacts.add(client.id, { name: 'Bob Books', email: 'bob@globex.test' });
    if (locale) await scope.clients.update(client.id, { locale });
    const invoice = await scope.invoices.issue((await scope.invoices.create(draftInput(client.id))).id);
    const mail = capturedMail(database().db, seeded.clock);
    const receipts = async () => {
      await mail.deliver();
      return mail.sent.filter((email) => email.kind === 'payment_receipt');
    };
    return { ...seeded, invoice, receipts };
  }

  it('emails every contact a receipt for a payment: amount, date, what is still owed, and a link that opens the invoice', async () => {
    const { scope, api, business, invoice, clock, receipts } = await setup();
    clock.advanceDays(2);
    await scope.payments.record({ invoiceId: invoice.id, amount: 50_000, method: 'bank_transfer', reference: 'SEPA-1' });

    const first = await receipts();
    expect(first.map((email) => email.to).sort()).toEqual(['ann@globex.test', 'bob@globex.test']);
    const ann = first.find((email) => email.to === 'ann@globex.test')!;
    expect(ann.subject).toBe(`Payment received for invoice ${invoice.number} from Harbor & Pine Studio`);
    expect(ann.text).toContain('Harbor & Pine Studio has received your payment of €500.00');
    expect(ann.text).toContain('Amount received');
    expect(ann.text).toContain('Payment date: March 12, 2026');
    expect(ann.text).toContain('€749.50');
    expect(ann.text).not.toContain('paid in full');
    // The receipt's number as its PDF prints it, and where the PDF is.
    expect(ann.text).toContain(`Receipt no.: ${invoice.number}-1`);
    expect(ann.text).toContain(`The button opens invoice ${invoice.number}, where the receipt for this payment is ready to download as a PDF.`);

    const token = /\/auth\/link\/[^/\s]+\/([A-Za-z0-9_-]{43})/.exec(ann.text)?.[1];
    expect(token).toBeDefined();
    expect(await api.signIn.redeem(business.id, token!, 'cookie')).toMatchObject({ invoiceId: invoice.id });
  });

  it('says so when the payment settles the invoice, in the client’s language', async () => {
    const { scope, invoice, receipts } = await setup('de');
    await scope.payments.record({ invoiceId: invoice.id, amount: 124_950, reference: 'SEPA-2' });
    const [receipt] = await receipts();
    expect(receipt!.subject).toBe(`Zahlung für Rechnung ${invoice.number} von Harbor & Pine Studio erhalten`);
    expect(receipt!.text).toContain('Die Rechnung ist damit vollständig bezahlt.');
    expect(receipt!.text).not.toContain('Offener Betrag');
    expect(receipt!.text).toContain(`Quittungsnr.: ${invoice.number}-1`);
  });

  it('sends one receipt per payment, however often the same payment is reported, and none when asked not to', async () => {
    const { scope, invoice, receipts } = await setup();
    await Promise.all(Array.from({ length: 5 }, () => scope.payments.record({ invoiceId: invoice.id, amount: 10_000, reference: 'SEPA-3' })));
    await scope.payments.record({ invoiceId: invoice.id, amount: 10_000, reference: 'SEPA-3' });
    await scope.payments.record({ invoiceId: invoice.id, amount: 5_000, reference: 'OLD-1', sendReceipt: false });
    expect((await receipts()).map((email) => email.to).sort()).toEqual(['ann@globex.test', 'bob@globex.test']);
    const audit = await scope.audit.list('invoice', invoice.id);
    expect(audit.filter((entry) => entry.action === 'payment.recorded').map((entry) => entry.details.receiptsQueued).sort()).toEqual([0, 2]);
  });
});
