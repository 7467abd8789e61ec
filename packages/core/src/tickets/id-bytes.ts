import type { IdPrefix } from '../shared/ids.js';

/** Row ids are `<prefix>_` and 12 random bytes in base64url (see shared/ids.ts): 12 bytes to sign compactly. */
export const ID_BYTES = 12;

/** The id's 12 random bytes, or undefined when it is not an id of that kind made by `newId`. */
export function idToBytes(id: string, prefix: IdPrefix): Uint8Array | undefined {
  const match = new RegExp(`^${prefix}_([A-Za-z0-9_-]{16})$`).exec(id);
  if (!match) return undefined;
  const bytes = Buffer.from(match[1]!, 'base64url');
  return bytes.length === ID_BYTES ? bytes : undefined;
}

export function idFromBytes(prefix: IdPrefix, bytes: Uint8Array): string {
  return `${prefix}_${Buffer.from(bytes).toString('base64url')}`;
}

/** Ordered ids (`newOrderedId`) are `<prefix>_` and 38 lower-case hex digits: 19 bytes. */
export const ORDERED_ID_BYTES = 19;

export function orderedIdToBytes(id: string, prefix: IdPrefix): Uint8Array | undefined {
  const match = new RegExp(`^${prefix}_([0-9a-f]{${ORDERED_ID_BYTES * 2}})$`).exec(id);
  return match ? Buffer.from(match[1]!, 'hex') : undefined;
}

export function orderedIdFromBytes(prefix: IdPrefix, bytes: Uint8Array): string {
  return `${prefix}_${Buffer.from(bytes).toString('hex')}`;
}
