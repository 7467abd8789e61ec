import { PorticoError } from '../shared/errors.js';

/** True when a write failed on a unique constraint, on either engine. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  // better-sqlite3 reports SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; Postgres reports SQLSTATE 23505.
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * For `.catch()` after a write whose uniqueness was checked just before: if
 * another request raced past the same check, the unique constraint fires and
 * the caller gets the `duplicate` error the check gives, not a driver error.
 */
export function rethrowDuplicate(message: string, field: string): (error: unknown) => never {
  return (error) => {
    if (isUniqueViolation(error)) throw new PorticoError('duplicate', message, { field });
    throw error;
  };
}
