import { beforeAll, describe, expect, it } from 'vitest';
import type { BusinessApi } from '../api.js';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { draftInput, seedBusiness, type SeededBusiness } from '../testing/fixtures.js';
import type { InvoiceSummary } from './invoice-model.js';

/** A sent invoice with one line described `description`, and `notes`. */
async function sent(scope: BusinessApi, clientId: string, description: string, notes: string | null = null): Promise<InvoiceSummary> {
  const draft = await scope.invoices.create(draftInput(clientId, { notes, lines: [{ description, quantity: 1, unitPrice: 1_000 }] }));
  return scope.invoices.issue(draft.id);
}

describeEachDatabase('invoice search in every script', (database) => {
  let seeded: SeededBusiness;
  const found = async (q: string) => (await seeded.scope.invoices.listForClient(seeded.client.id, { q, limit: 100 })).invoices.map((i) => i.id).sort();
  const invoices: Record<string, InvoiceSummary> = {};

  beforeAll(async () => {
    seeded = await seedBusiness(database());
    const { scope, client } = seeded;
    invoices.russian = await sent(scope, client.id, 'Счёт за консультацию', 'Оплата по счёту');
    invoices.german = await sent(scope, client.id, 'Änderung der Größe', 'Straße 5');
    invoices.greek = await sent(scope, client.id, 'Λογαριασμός ΟΔΟΣ');
    invoices.fullWidth = await sent(scope, client.id, 'ＡＢＣ　Ｃｏｎｓｕｌｔｉｎｇ');
    invoices.japanese = await sent(scope, client.id, 'コンサルティング料 請求書');
    invoices.arabic = await sent(scope, client.id, 'فاتورة الاستشارات');
    invoices.metacharacters = await sent(scope, client.id, 'Скидка 100% на snake_case');
  });

  it('finds Cyrillic whatever the case', async () => {
    const russian = [invoices.russian!.id];
    expect(await found('счёт')).toEqual(russian);
    expect(await found('СЧЁТ')).toEqual(russian);
    expect(await found('ОПЛАТА ПО')).toEqual(russian);
    // Case only: е is not ё.
    expect(await found('счет')).toEqual([]);
  });

  it('finds German umlauts whatever the case, and ß as ß', async () => {
    const german = [invoices.german!.id];
    expect(await found('ÄNDERUNG')).toEqual(german);
    expect(await found('änderung')).toEqual(german);
    expect(await found('GRÖSSE')).toEqual([]);
    expect(await found('größe')).toEqual(german);
    expect(await found('straße')).toEqual(german);
    expect(await found('STRAẞE')).toEqual(german);
    // No accent stripping: a does not find ä.
    expect(await found('anderung')).toEqual([]);
  });

  it('finds Greek whatever the case, final sigma too', async () => {
    const greek = [invoices.greek!.id];
    expect(await found('ΛΟΓΑΡΙΑΣΜΌΣ')).toEqual(greek);
    expect(await found('λογαριασμός')).toEqual(greek);
    expect(await found('οδος')).toEqual(greek);
    expect(await found('ΟΔΟΣ')).toEqual(greek);
  });

  it('treats full-width and half-width forms as the plain ones (NFKC)', async () => {
    expect(await found('abc consulting')).toEqual([invoices.fullWidth!.id]);
    expect(await found('ＡＢＣ')).toEqual([invoices.fullWidth!.id]);
    expect(await found('ｺﾝｻﾙﾃｨﾝｸﾞ')).toEqual([invoices.japanese!.id]);
  });

  it('finds Japanese and Arabic as written', async () => {
    expect(await found('請求書')).toEqual([invoices.japanese!.id]);
    expect(await found('コンサルティング')).toEqual([invoices.japanese!.id]);
    expect(await found('الاستشارات')).toEqual([invoices.arabic!.id]);
  });

  it('still takes % and _ literally', async () => {
    const metacharacters = [invoices.metacharacters!.id];
    expect(await found('СКИДКА 100%')).toEqual(metacharacters);
    expect(await found('%')).toEqual(metacharacters);
    expect(await found('E_C')).toEqual(metacharacters);
    expect(await found('_')).toEqual(metacharacters);
  });

  it('finds the number once issued, in any case, but never across two fields', async () => {
    const number = invoices.russian!.number!;
    expect(await found(number.toLowerCase())).toEqual([invoices.russian!.id]);
    // The number is followed by the notes in the stored text; a query can't join them.
    expect(await found(`${number}Оплата`)).toEqual([]);
    expect(await found(`${number} Оплата`)).toEqual([]);
  });

  it('refuses a query over 200 characters, whatever it folds to', async () => {
    expect((await expectPorticoError(seeded.scope.invoices.listForClient(seeded.client.id, { q: 'Ⅻ'.repeat(201) }), 'invalid_input')).field).toBe('q');
    expect(await found('Ⅻ'.repeat(200))).toEqual([]);
  });
});

describeEachDatabase('invoice search and who may see what', (database) => {
  it("never finds another client's invoices, in this business or another", async () => {
    const { scope, client, api } = await seedBusiness(database());
    const mine = await sent(scope, client.id, 'Счёт №1');
    const neighbour = await scope.clients.create({ name: 'Initech' });
    await sent(scope, neighbour.id, 'Счёт №2');
    const other = await seedBusiness(database());
    await sent(other.scope, other.client.id, 'Счёт №3');

    expect((await scope.invoices.listForClient(client.id, { q: 'СЧЁТ' })).invoices.map((i) => i.id)).toEqual([mine.id]);
    expect((await scope.invoices.search({ q: 'СЧЁТ', limit: 100 })).total).toBe(2);
    expect((await api.business(other.business.id).invoices.search({ q: 'счёт' })).total).toBe(1);
    await expectPorticoError(api.business(other.business.id).invoices.listForClient(client.id, { q: 'счёт' }), 'client_not_found');
  });

  it('follows a draft through edits of its notes and lines, and its issue', async () => {
    const { scope, client } = await seedBusiness(database());
    const found = async (q: string) => (await scope.invoices.search({ q })).invoices.map((i) => i.id);
    const draft = await scope.invoices.create(draftInput(client.id, { notes: 'Первый вариант' }));
    expect(await found('ПЕРВЫЙ')).toEqual([draft.id]);

    await scope.invoices.update(draft.id, { notes: 'Zweite Fassung' });
    expect(await found('первый')).toEqual([]);
    expect(await found('ZWEITE')).toEqual([draft.id]);
    // Lines changed alone: the notes stay searchable.
    await scope.invoices.update(draft.id, { lines: [{ description: 'Übersetzung', quantity: 1, unitPrice: 500 }] });
    expect(await found('design work')).toEqual([]);
    expect(await found('ÜBERSETZUNG')).toEqual([draft.id]);
    expect(await found('zweite')).toEqual([draft.id]);
    // A change that touches neither keeps the text.
    await scope.invoices.update(draft.id, { dueDate: '2026-05-01' });
    expect(await found('übersetzung')).toEqual([draft.id]);
    // Notes cleared.
    await scope.invoices.update(draft.id, { notes: null });
    expect(await found('zweite')).toEqual([]);

    const issued = await scope.invoices.issue(draft.id);
    expect(await found(issued.number!.toLowerCase())).toEqual([draft.id]);
    expect(await found('übersetzung')).toEqual([draft.id]);
    // Voiding changes none of the searched fields.
    await scope.invoices.void(draft.id);
    expect(await found(issued.number!)).toEqual([draft.id]);
  });
});
