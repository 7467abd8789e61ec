import { randomBytes } from 'node:crypto';

/**
 * Row ids are random, prefixed by kind (`inv_...`, `cli_...`), so they can't be
 * guessed or enumerated and a log line says what it points at.
 */
export type IdPrefix =
  | 'biz'
  | 'cli'
  | 'con'
  | 'inv'
  | 'lin'
  | 'est'
  | 'pay'
  | 'tkt'
  | 'msg'
  | 'out'
  | 'inb'
  | 'aud';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}
