import type { PorticoDatabase } from '@portico/core';
import { sql } from 'kysely';
import { Hono } from 'hono';
import type { HealthBody } from '@portico/wire';

/** `GET /health`: 200 when the database answers, 503 when it does not (for load balancers). */
export function healthRoutes({ database }: { database: PorticoDatabase }): Hono {
  return new Hono().get('/health', async (c) => {
    c.header('Cache-Control', 'no-store');
    try {
      await sql`select 1`.execute(database.db);
      return c.json<HealthBody>({ status: 'ok', database: 'ok' });
    } catch {
      return c.json<HealthBody>({ status: 'unavailable', database: 'unreachable' }, 503);
    }
  });
}
