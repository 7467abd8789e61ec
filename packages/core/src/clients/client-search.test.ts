import { expect, it } from 'vitest';
import { expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';
import { seedBusiness } from '../testing/fixtures.js';

describeEachDatabase('client search in every script', (database) => {
  async function searchable() {
    const seeded = await seedBusiness(database());
    const { scope } = seeded;
    await scope.clients.create({ name: 'ООО «Ёлка»', externalId: 'КЛ-7' });
    await scope.clients.create({ name: 'Bäckerei Weiß' });
    await scope.clients.create({ name: 'Ωμέγα Σύμβουλοι' });
    await scope.clients.create({ name: '株式会社サクラ', externalId: 'ＪＰ－０４２' });
    await scope.clients.create({ name: 'شركة النخيل' });
    const names = async (search: string) => (await scope.clients.list({ search })).map((c) => c.name);
    return { ...seeded, names };
  }

  it('finds names and external ids whatever the case, in every script', async () => {
    const { names } = await searchable();
    expect(await names('ёлка')).toEqual(['ООО «Ёлка»']);
    expect(await names('кл-7')).toEqual(['ООО «Ёлка»']);
    expect(await names('BÄCKEREI WEIß')).toEqual(['Bäckerei Weiß']);
    expect(await names('ΩΜΈΓΑ ΣΎΜΒΟΥΛΟΙ')).toEqual(['Ωμέγα Σύμβουλοι']);
    expect(await names('jp-042')).toEqual(['株式会社サクラ']);
    expect(await names('サクラ')).toEqual(['株式会社サクラ']);
    expect(await names('النخيل')).toEqual(['شركة النخيل']);
  });

  it('follows a rename and a changed external id', async () => {
    const { scope, client, names } = await searchable();
    await scope.clients.update(client.id, { name: 'Глобекс' });
    expect(await names('globex corp')).toEqual([]);
    expect(await names('ГЛОБЕКС')).toEqual(['Глобекс']);
    await scope.clients.update(client.id, { externalId: 'Ext-Ä1' });
    expect(await names('ext-ä1')).toEqual(['Глобекс']);
    expect(await names('глобекс')).toEqual(['Глобекс']);
  });

  it("never finds another business's clients", async () => {
    const { names } = await searchable();
    const other = await seedBusiness(database());
    await other.scope.clients.create({ name: 'ООО «Ёлка» второй' });
    expect(await names('ЁЛКА')).toEqual(['ООО «Ёлка»']);
    expect((await other.scope.clients.list({ search: 'ёлка' })).map((c) => c.name)).toEqual(['ООО «Ёлка» второй']);
  });

  it('refuses a search over 200 characters with invalid_input on search', async () => {
    const { scope } = await searchable();
    expect((await expectPorticoError(scope.clients.list({ search: 'а'.repeat(201) }), 'invalid_input')).field).toBe('search');
  });
});
