/**
 * Postgres hands `bigint` columns and aggregates back as strings unless the
 * pool parses them; a host may pass its own pool. Readers go through these.
 */
export function int(value: number | string | bigint): number {
  return typeof value === 'number' ? value : Number(value);
}

export function intOrNull(value: number | string | bigint | null | undefined): number | null {
  return value === null || value === undefined ? null : int(value);
}

/** An instant column (epoch milliseconds) as a Date, null kept. */
export function dateOrNull(value: number | string | bigint | null | undefined): Date | null {
  const ms = intOrNull(value);
  return ms === null ? null : new Date(ms);
}

export function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
