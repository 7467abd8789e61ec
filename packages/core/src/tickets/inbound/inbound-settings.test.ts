import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { createPorticoApi } from '../../api.js';
import { createSecretBox } from '../../shared/secret-box.js';
import { expectPorticoError } from '../../testing/assertions.js';
import { describeEachDatabase } from '../../testing/databases.js';
import { seedBusiness } from '../../testing/fixtures.js';
import { rawSecretMatches, requireResendInboundSecrets } from './inbound-settings.js';

const encryptionKey = randomBytes(32).toString('base64');
const RAW_SECRET = 'a3f1c9e07b5d4a2e8c6f0b1d9e7a5c3f';

describeEachDatabase('inbound settings', (database) => {
  async function business() {
    const seeded = await seedBusiness(database());
    const api = createPorticoApi({ db: database().db, clock: seeded.clock, encryptionKey });
    return { ...seeded, inbound: api.business(seeded.business.id).inbound };
  }

  it('keeps the raw secret as a hash, the Resend secrets sealed, and shows only what is set', async () => {
    const { inbound, business: biz } = await business();
    expect(await inbound.settings.get()).toBeNull();
    const shown = await inbound.settings.configure({ rawSecret: RAW_SECRET, resendWebhookSecret: 'whsec_c2VjcmV0MTIz', resendApiKey: 're_live_key_123' });
    expect(shown).toEqual({ rawSecretSet: true, resendWebhookSecretSet: true, resendApiKeySet: true, updatedAt: expect.any(Date) });

    const row = await database().db.selectFrom('inbound_settings').selectAll().where('business_id', '=', biz.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(RAW_SECRET);
    expect(JSON.stringify(row)).not.toContain('whsec_c2VjcmV0MTIz');
    expect(JSON.stringify(row)).not.toContain('re_live_key_123');
    expect(await requireResendInboundSecrets(database().db, biz.id, createSecretBox(encryptionKey))).toEqual({
      webhookSecret: 'whsec_c2VjcmV0MTIz',
      apiKey: 're_live_key_123',
    });

    expect(await rawSecretMatches(database().db, biz.id, RAW_SECRET)).toBe(true);
    expect(await rawSecretMatches(database().db, biz.id, `${RAW_SECRET}x`)).toBe(false);
    expect(await rawSecretMatches(database().db, biz.id, '')).toBe(false);
  });

  it('changes only what it is given, clears with null, and removes everything', async () => {
    const { inbound, business: biz } = await business();
    await inbound.settings.configure({ rawSecret: RAW_SECRET, resendWebhookSecret: 'whsec_abc', resendApiKey: 're_abc' });
    expect(await inbound.settings.configure({ resendApiKey: null })).toMatchObject({ rawSecretSet: true, resendWebhookSecretSet: true, resendApiKeySet: false });
    expect(await rawSecretMatches(database().db, biz.id, RAW_SECRET)).toBe(true);
    await expectPorticoError(requireResendInboundSecrets(database().db, biz.id, createSecretBox(encryptionKey)), 'inbound_not_configured');

    await inbound.settings.remove();
    expect(await inbound.settings.get()).toBeNull();
    expect(await rawSecretMatches(database().db, biz.id, RAW_SECRET)).toBe(false);
  });

  it('refuses weak or malformed secrets, and Resend secrets without an encryption key, changing nothing', async () => {
    const { inbound, business: biz, clock } = await business();
    const cases: Array<[Parameters<typeof inbound.settings.configure>[0], string]> = [
      [{ rawSecret: 'short' }, 'rawSecret'],
      [{ rawSecret: `${RAW_SECRET} with spaces` }, 'rawSecret'],
      [{ resendWebhookSecret: 'not-a-whsec' }, 'resendWebhookSecret'],
      [{ resendApiKey: 'sk_test_123' }, 'resendApiKey'],
    ];
    for (const [input, field] of cases) {
      expect((await expectPorticoError(inbound.settings.configure(input), 'invalid_input')).field).toBe(field);
    }
    const withoutKey = createPorticoApi({ db: database().db, clock }).business(biz.id).inbound;
    await expectPorticoError(withoutKey.settings.configure({ resendApiKey: 're_abc' }), 'invalid_input');
    // A raw secret needs no encryption key: it is only hashed.
    expect(await withoutKey.settings.configure({ rawSecret: RAW_SECRET })).toMatchObject({ rawSecretSet: true, resendApiKeySet: false });
    const audit = await createPorticoApi({ db: database().db, clock }).business(biz.id).audit.list('business', biz.id);
    expect(audit.map((entry) => entry.details)).toEqual([{ changed: ['raw_secret_hash'] }]);
  });
});
