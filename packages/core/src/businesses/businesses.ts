import type { BusinessRow, NewRow, RowChanges } from '../db/schema.js';
import { int, parseJson } from '../db/row-values.js';
import { rethrowDuplicate } from '../db/unique-violation.js';
import type { CoreContext, Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { requireLocale, type Locale } from '../shared/locales.js';
import { optionalText, requireHttpUrl, requireText, requireTimeZone } from '../shared/validate.js';
import { requireInboundDomainSetting } from './inbound-domain.js';
import { businessProfileChanges, toBusinessProfile, type BusinessProfile, type BusinessProfileInput } from './business-profile.js';
import { requireEstimateSettings } from './estimate-settings.js';
import { requireSupportSettings } from './support-staff.js';
import { requireClientFieldLocks } from './client-field-locks.js';

/** A tenant: one business that bills its clients through Portico. Its profile fields are what its invoices say about it. */
export interface Business extends BusinessProfile {
  id: string;
  /** URL-safe unique name, used in inbound addresses and logs. */
  slug: string;
  name: string;
  brandColor: string;
  logoUrl: string | null;
  locale: Locale;
  timeZone: string;
  /** Where the portal is mounted; links in emails start here. */
  portalUrl: string;
  /** Origins that may embed the widgets from another site. */
  allowedOrigins: string[];
  invoicePrefix: string;
  /** Estimate numbers are this prefix plus the business's own estimate sequence: `EST-0001`. */
  estimatePrefix: string;
  settings: Record<string, unknown>;
  createdAt: Date;
  updatedAt: Date;
}

export interface BusinessInput extends BusinessProfileInput {
  name: string;
  slug?: string;
  brandColor?: string;
  logoUrl?: string | null;
  locale?: Locale;
  timeZone?: string;
  portalUrl: string;
  allowedOrigins?: string[];
  /** Invoice numbers are this prefix plus a zero-padded sequence: `INV-0001`. */
  invoicePrefix?: string;
  /** Estimate numbers are this prefix plus a zero-padded sequence of their own: `EST-0001`. */
  estimatePrefix?: string;
  settings?: Record<string, unknown>;
}

export type BusinessUpdate = Partial<BusinessInput>;

const slugPattern = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;
const colorPattern = /^#[0-9a-fA-F]{6}$/;

export async function createBusiness(ctx: CoreContext, input: BusinessInput): Promise<Business> {
  const name = requireText(input?.name, 'name', { max: 200 });
  const slug = input.slug === undefined ? slugify(name) : requireSlug(input.slug);
  const now = ctx.clock.now().getTime();
  const settings = requireSettings(input.settings ?? {});
  const profile = businessProfileChanges(input);
  const row: NewRow<'businesses'> = {
    ...profile,
    id: newId('biz'),
    slug,
    name,
    brand_color: input.brandColor === undefined ? '#2f5bea' : requireColor(input.brandColor),
    logo_url: input.logoUrl == null ? null : requireHttpUrl(input.logoUrl, 'logoUrl'),
    locale: input.locale === undefined ? 'en' : requireLocale(input.locale, 'locale'),
    time_zone: input.timeZone === undefined ? 'UTC' : requireTimeZone(input.timeZone, 'timeZone'),
    portal_url: requireHttpUrl(input.portalUrl, 'portalUrl'),
    allowed_origins: JSON.stringify(requireOrigins(input.allowedOrigins ?? [])),
    invoice_prefix: input.invoicePrefix === undefined ? 'INV-' : requirePrefix(input.invoicePrefix),
    estimate_prefix: input.estimatePrefix === undefined ? 'EST-' : requirePrefix(input.estimatePrefix, 'estimatePrefix'),
    next_invoice_number: 1,
    next_estimate_number: 1,
    next_ticket_number: 1,
    settings: JSON.stringify(settings),
    inbound_domain: requireInboundDomainSetting(settings),
    created_at: now,
    updated_at: now,
  };
  const taken = await ctx.db.selectFrom('businesses').select('id').where('slug', '=', slug).executeTakeFirst();
  if (taken) {
    throw new PorticoError('duplicate', `A business with the slug "${slug}" already exists.`, { field: 'slug' });
  }
  await ctx.db.insertInto('businesses').values(row).execute().catch(rethrowDuplicate(`A business with the slug "${slug}" already exists.`, 'slug'));
  return getBusiness(ctx, row.id);
}

export async function updateBusiness(ctx: CoreContext, id: string, patch: BusinessUpdate): Promise<Business> {
  if (typeof patch !== 'object' || patch === null) throw new PorticoError('invalid_input', 'A business update must be an object.');
  await requireBusinessRow(ctx.db, id);
  const changes: RowChanges<'businesses'> = businessProfileChanges(patch);
  if (patch.name !== undefined) changes.name = requireText(patch.name, 'name', { max: 200 });
  if (patch.slug !== undefined) changes.slug = requireSlug(patch.slug);
  if (patch.brandColor !== undefined) changes.brand_color = requireColor(patch.brandColor);
  if (patch.logoUrl !== undefined) changes.logo_url = patch.logoUrl === null ? null : requireHttpUrl(patch.logoUrl, 'logoUrl');
  if (patch.locale !== undefined) changes.locale = requireLocale(patch.locale, 'locale');
  if (patch.timeZone !== undefined) changes.time_zone = requireTimeZone(patch.timeZone, 'timeZone');
  if (patch.portalUrl !== undefined) changes.portal_url = requireHttpUrl(patch.portalUrl, 'portalUrl');
  if (patch.allowedOrigins !== undefined) changes.allowed_origins = JSON.stringify(requireOrigins(patch.allowedOrigins));
  if (patch.invoicePrefix !== undefined) changes.invoice_prefix = requirePrefix(patch.invoicePrefix);
  if (patch.estimatePrefix !== undefined) changes.estimate_prefix = requirePrefix(patch.estimatePrefix, 'estimatePrefix');
  if (patch.settings !== undefined) {
    const settings = requireSettings(patch.settings);
    changes.settings = JSON.stringify(settings);
    changes.inbound_domain = requireInboundDomainSetting(settings);
  }
  if (changes.slug !== undefined) {
    const taken = await ctx.db
      .selectFrom('businesses')
      .select('id')
      .where('slug', '=', changes.slug)
      .where('id', '!=', id)
      .executeTakeFirst();
    if (taken) throw new PorticoError('duplicate', `A business with the slug "${changes.slug}" already exists.`, { field: 'slug' });
  }
  await ctx.db
    .updateTable('businesses')
    .set({ ...changes, updated_at: ctx.clock.now().getTime() })
    .where('id', '=', id)
    .execute()
    .catch(rethrowDuplicate(`A business with the slug "${changes.slug}" already exists.`, 'slug'));
  return toBusiness(await requireBusinessRow(ctx.db, id));
}

export async function getBusiness(ctx: CoreContext, id: string): Promise<Business> {
  return toBusiness(await requireBusinessRow(ctx.db, id));
}

export async function findBusinessBySlug(ctx: CoreContext, slug: string): Promise<Business | undefined> {
  const row = await ctx.db.selectFrom('businesses').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row && toBusiness(row);
}

export async function listBusinesses(ctx: CoreContext): Promise<Business[]> {
  const rows = await ctx.db.selectFrom('businesses').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toBusiness);
}

export async function requireBusinessRow(executor: Executor, id: string): Promise<BusinessRow> {
  const row =
    typeof id === 'string'
      ? await executor.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('business_not_found', `No business with id ${JSON.stringify(id)}.`);
  return row;
}

export function toBusiness(row: BusinessRow): Business {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    brandColor: row.brand_color,
    logoUrl: row.logo_url,
    locale: row.locale as Locale,
    timeZone: row.time_zone,
    portalUrl: row.portal_url,
    allowedOrigins: parseJson<string[]>(row.allowed_origins, []),
    invoicePrefix: row.invoice_prefix,
    estimatePrefix: row.estimate_prefix,
    settings: parseJson<Record<string, unknown>>(row.settings, {}),
    ...toBusinessProfile(row),
    createdAt: new Date(int(row.created_at)),
    updatedAt: new Date(int(row.updated_at)),
  };
}

function slugify(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return `${base || 'business'}-${newId('biz').slice(-6).toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
}

function requireSlug(value: unknown): string {
  if (typeof value === 'string' && slugPattern.test(value)) return value;
  throw new PorticoError('invalid_input', 'slug must be 1-50 lower-case letters, digits and inner dashes.', { field: 'slug' });
}

function requireColor(value: unknown): string {
  if (typeof value === 'string' && colorPattern.test(value)) return value.toLowerCase();
  throw new PorticoError('invalid_input', 'brandColor must be a hex colour like #2f5bea.', { field: 'brandColor' });
}

function requirePrefix(value: unknown, field: 'invoicePrefix' | 'estimatePrefix' = 'invoicePrefix'): string {
  const prefix = optionalText(value, field, { max: 20 }) ?? '';
  if (/[\s/\\]/.test(prefix)) {
    throw new PorticoError('invalid_input', `${field} cannot contain spaces or slashes.`, { field });
  }
  return prefix;
}

function requireOrigins(value: unknown): string[] {
  if (!Array.isArray(value)) {
    throw new PorticoError('invalid_input', 'allowedOrigins must be a list of origins.', { field: 'allowedOrigins' });
  }
  return value.map((origin, index) => {
    const field = `allowedOrigins.${index}`;
    const url = requireHttpUrl(origin, field);
    const parsed = new URL(url);
    if (parsed.origin !== url) {
      throw new PorticoError('invalid_input', `${field} must be an origin only (scheme, host, port), like https://example.com.`, { field });
    }
    return parsed.origin;
  });
}

function requireSettings(value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PorticoError('invalid_input', 'settings must be an object.', { field: 'settings' });
  }
  requireEstimateSettings(value as Record<string, unknown>);
  requireSupportSettings(value as Record<string, unknown>);
  requireClientFieldLocks(value as Record<string, unknown>);
  return value as Record<string, unknown>;
}
