import { calendarDate, createDatabase, systemClock, type Clock } from '@portico/core';
import { createPortico, type Logger, type Portico } from '@portico/server';
import { Hono } from 'hono';
import { seedDemo } from './seed.js';
import { adminPage } from './site/pages/admin.js';
import { contactPage } from './site/pages/contact.js';
import { homePage } from './site/pages/home.js';
import { notFoundPage } from './site/pages/not-found.js';
import { servicesPage } from './site/pages/services.js';
import { siteCss } from './site/styles.js';

export interface DemoAppOptions {
  /** The SQLite file; created, migrated and seeded on first start. */
  databasePath: string;
  clock?: Clock;
  /** Where the site is served, like `http://localhost:3000`; Portico's links start at `${portalOrigin}/portal`. */
  portalOrigin: string;
  logger?: Logger;
}

export interface DemoApp {
  /** The studio's site, with Portico mounted at /portal. */
  app: Hono;
  portico: Portico;
  businessId: string;
  /** True when this start seeded an empty database. */
  seeded: boolean;
  close(): Promise<void>;
}

/**
 * Harbor & Pine Studio's website: its own pages, its own look, and Portico
 * mounted at /portal. Opens (and on first start seeds) the database.
 */
export async function createDemoApp({ databasePath, clock = systemClock, portalOrigin, logger }: DemoAppOptions): Promise<DemoApp> {
  const database = await createDatabase({ sqlite: databasePath });
  try {
    const { business, seeded } = await seedDemo({ database, clock, portalOrigin });
    const portico = await createPortico({ database, clock, ...(logger ? { logger } : {}) });
    const portalUrl = `${portalOrigin.replace(/\/+$/, '')}/portal`;
    // The port may differ from the one the data was seeded on; links in emails must match where the portal is now.
    if (business.portalUrl !== portalUrl) await portico.api.businesses.update(business.id, { portalUrl });
    const studio = portico.api.business(business.id, { actor: 'studio' });

    const host = new Hono();
    host.use(async (c, next) => {
      await next();
      c.header('X-Content-Type-Options', 'nosniff');
      c.header('Referrer-Policy', c.res.headers.get('Referrer-Policy') ?? 'strict-origin-when-cross-origin');
    });
    host.get('/assets/site.css', (c) => {
      c.header('Content-Type', 'text/css; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(siteCss);
    });
    host.get('/', (c) => c.html(homePage()));
    host.get('/services', (c) => c.html(servicesPage()));
    host.get('/contact', (c) => c.html(contactPage()));
    // The studio's dashboard. A real site would put this behind its own sign-in.
    host.get('/admin', async (c) => {
      const current = await portico.api.businesses.get(business.id);
      const [invoices, clients] = await Promise.all([studio.invoices.list(), studio.clients.list()]);
      c.header('Cache-Control', 'no-store');
      return c.html(adminPage({ business: current, today: calendarDate(clock.now(), current.timeZone), invoices, clients }));
    });
    host.route('/portal', portico.app);
    host.notFound((c) => {
      // route() copies Portico's routes but not its not-found handler: hand unknown
      // /portal paths back to Portico so API callers get its JSON 404, not our page.
      if (c.req.path === '/portal' || c.req.path.startsWith('/portal/')) return portico.fetch(c.req.raw);
      return c.html(notFoundPage(c.req.path), 404);
    });
    host.onError((error, c) => {
      (logger ?? console).error(`[demo] ${c.req.method} ${c.req.path} failed: ${String(error)}`);
      return c.text('Something went wrong on our side. Please try again in a moment.', 500);
    });

    return {
      app: host,
      portico,
      businessId: business.id,
      seeded,
      close: async () => {
        await portico.close();
        await database.destroy();
      },
    };
  } catch (error) {
    await database.destroy();
    throw error;
  }
}
