import { describe, expect, it } from 'vitest';
import { createPorticoApi } from '../api.js';
import { ManualClock } from '../shared/clock.js';
import { countRows, expectPorticoError } from '../testing/assertions.js';
import { describeEachDatabase } from '../testing/databases.js';

describeEachDatabase('businesses', (database) => {
  const api = () => createPorticoApi({ db: database().db, clock: new ManualClock('2026-03-10T09:00:00Z') });
  const portalUrl = 'https://billing.example.test/portal/';

  it('creates a business with sensible defaults', async () => {
    const business = await api().businesses.create({ name: 'Café Zürich & Co.', portalUrl });
    expect(business).toMatchObject({
      name: 'Café Zürich & Co.',
      brandColor: '#2f5bea',
      logoUrl: null,
      locale: 'en',
      timeZone: 'UTC',
      portalUrl: 'https://billing.example.test/portal',
      allowedOrigins: [],
      invoicePrefix: 'INV-',
      settings: {},
    });
    expect(business.slug).toMatch(/^cafe-zurich-co-[a-z0-9]{6}$/);
    expect(business.createdAt).toEqual(new Date('2026-03-10T09:00:00Z'));
    expect(await api().businesses.get(business.id)).toEqual(business);
    expect(await api().businesses.findBySlug(business.slug)).toEqual(business);
  });

  it('keeps what the caller sets', async () => {
    const business = await api().businesses.create({
      name: 'Harbor',
      slug: 'harbor',
      brandColor: '#AA3300',
      logoUrl: 'https://cdn.harbor.test/logo.png',
      locale: 'ar',
      timeZone: 'Asia/Tokyo',
      portalUrl,
      allowedOrigins: ['https://www.harbor.test', 'http://localhost:3000'],
      invoicePrefix: 'H-',
      settings: { paymentTermsDays: 14 },
    });
    expect(business).toMatchObject({
      slug: 'harbor',
      brandColor: '#aa3300',
      locale: 'ar',
      timeZone: 'Asia/Tokyo',
      allowedOrigins: ['https://www.harbor.test', 'http://localhost:3000'],
      invoicePrefix: 'H-',
      settings: { paymentTermsDays: 14 },
    });
  });

  it('refuses a slug that is taken, on create and update', async () => {
    const first = await api().businesses.create({ name: 'One', slug: 'taken', portalUrl });
    const second = await api().businesses.create({ name: 'Two', slug: 'free', portalUrl });
    const before = await countRows(database().db, ['businesses']);
    const error = await expectPorticoError(api().businesses.create({ name: 'Three', slug: 'taken', portalUrl }), 'duplicate');
    expect(error.status).toBe(409);
    expect(error.field).toBe('slug');
    await expectPorticoError(api().businesses.update(second.id, { slug: 'taken' }), 'duplicate');
    expect(await countRows(database().db, ['businesses'])).toEqual(before);
    expect((await api().businesses.update(first.id, { slug: 'taken' })).slug).toBe('taken');
  });

  it('gives a slug to one of two businesses created at once, and duplicate to the other', async () => {
    const results = await Promise.allSettled([
      api().businesses.create({ name: 'Race One', slug: 'race', portalUrl }),
      api().businesses.create({ name: 'Race Two', slug: 'race', portalUrl }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [rejected] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    await expectPorticoError(Promise.reject(rejected!.reason), 'duplicate');
  });

  it.each([
    ['a missing name', { name: '' }, 'name'],
    ['a bad slug', { slug: 'Not A Slug' }, 'slug'],
    ['a named colour', { brandColor: 'red' }, 'brandColor'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['an unsupported locale', { locale: 'fr' }, 'locale'],
    ['a non-http portal URL', { portalUrl: 'ftp://files.example.test' }, 'portalUrl'],
    ['an origin with a path', { allowedOrigins: ['https://www.example.test/app'] }, 'allowedOrigins.0'],
    ['a prefix with a space', { invoicePrefix: 'INV 2026' }, 'invoicePrefix'],
    ['settings that are not an object', { settings: [] }, 'settings'],
    ['an inbound domain that is not a domain', { settings: { inboundDomain: 'reply@acme.test' } }, 'settings.inboundDomain'],
    ['an inbound domain that is not text', { settings: { inboundDomain: 42 } }, 'settings.inboundDomain'],
  ])('refuses %s with invalid_input and writes nothing', async (_, patch, field) => {
    const before = await countRows(database().db, ['businesses']);
    const error = await expectPorticoError(api().businesses.create({ name: 'Bad', portalUrl, ...(patch as object) }), 'invalid_input');
    expect(error.field).toBe(field);
    expect(await countRows(database().db, ['businesses'])).toEqual(before);
  });

  it('updates a business', async () => {
    const clock = new ManualClock('2026-03-10T09:00:00Z');
    const portico = createPorticoApi({ db: database().db, clock });
    const business = await portico.businesses.create({ name: 'Before', portalUrl });
    clock.advanceDays(1);
    const updated = await portico.businesses.update(business.id, { name: 'After', timeZone: 'Europe/Rome', settings: { paymentTermsDays: 7 } });
    expect(updated).toMatchObject({ name: 'After', timeZone: 'Europe/Rome', settings: { paymentTermsDays: 7 }, slug: business.slug });
    expect(updated.updatedAt).toEqual(clock.now());
    await expectPorticoError(portico.businesses.update(business.id, { timeZone: 'Nowhere/Else' }), 'invalid_input');
    expect(await portico.businesses.get(business.id)).toEqual(updated);
  });

  it('refuses settings whose inbound domain is not a domain, keeping the one it had', async () => {
    const business = await api().businesses.create({ name: 'Inbound', portalUrl, settings: { inboundDomain: 'Reply.Inbound.TEST' } });
    const error = await expectPorticoError(api().businesses.update(business.id, { settings: { inboundDomain: 'reply .inbound.test' } }), 'invalid_input');
    expect(error.field).toBe('settings.inboundDomain');
    expect(await api().businesses.get(business.id)).toEqual(business);
    const row = await database().db.selectFrom('businesses').select('inbound_domain').where('id', '=', business.id).executeTakeFirstOrThrow();
    expect(row.inbound_domain).toBe('reply.inbound.test');
  });

  it('refuses an update that is not an object with invalid_input', async () => {
    const business = await api().businesses.create({ name: 'Shapely', portalUrl });
    await expectPorticoError(api().businesses.update(business.id, null as never), 'invalid_input');
    expect(await api().businesses.get(business.id)).toEqual(business);
  });

  it('answers business_not_found for an unknown id, and undefined for an unknown slug', async () => {
    const error = await expectPorticoError(api().businesses.get('biz_missing'), 'business_not_found');
    expect(error.status).toBe(404);
    await expectPorticoError(api().businesses.update('biz_missing', { name: 'x' }), 'business_not_found');
    expect(await api().businesses.findBySlug('no-such-business')).toBeUndefined();
  });

  it('lists businesses by name', async () => {
    await api().businesses.create({ name: 'Zeta Works', portalUrl });
    await api().businesses.create({ name: 'Alpha Works', portalUrl });
    const names = (await api().businesses.list()).map((b) => b.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(names).toEqual(expect.arrayContaining(['Alpha Works', 'Zeta Works']));
  });
});
