import { expect } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { PorticoSchema } from '../db/schema.js';
import { PorticoError, type PorticoErrorCode } from '../shared/errors.js';

/**
 * Awaits a call that must fail with a PorticoError of `code`, checks it carries
 * a human message, and returns the error for further checks.
 */
export async function expectPorticoError(promise: Promise<unknown>, code: PorticoErrorCode): Promise<PorticoError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`Expected a PorticoError "${code}", but the call succeeded with ${JSON.stringify(value)}.`);
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(PorticoError);
  const portico = error as PorticoError;
  expect(portico.code).toBe(code);
  expect(portico.message.length).toBeGreaterThan(10);
  return portico;
}

/** The same, for synchronous code (the pure money and totals functions). */
export function expectPorticoErrorSync(run: () => unknown, code: PorticoErrorCode): PorticoError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected a PorticoError "${code}"`).toBeInstanceOf(PorticoError);
  const portico = caught as PorticoError;
  expect(portico.code).toBe(code);
  expect(portico.message.length).toBeGreaterThan(10);
  return portico;
}

export type CountedTable = keyof PorticoSchema;

/** Row counts of the given tables across all businesses: to prove a refused call wrote nothing. */
export async function countRows<T extends CountedTable>(db: Kysely<PorticoSchema>, tables: readonly T[]): Promise<Record<T, number>> {
  const counts = {} as Record<T, number>;
  for (const table of tables) {
    const { rows } = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    counts[table] = Number(rows[0]?.n);
  }
  return counts;
}
