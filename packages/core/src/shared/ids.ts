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
  | 'att'
  | 'out'
  | 'inb'
  | 'aud'
  | 'sir'
  | 'evt'
  | 'whe'
  | 'whd'
  | 'wha';

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

let lastSequence = 0n;

/**
 * Like `newId`, but ids sort (as text, under any collation) in the order this
 * process made them: lower-case hex of a strictly increasing microsecond count,
 * then 96 random bits. For rows read back in the order they were written even
 * when their timestamps tie (audit entries).
 */
export function newOrderedId(prefix: IdPrefix): string {
  const now = BigInt(Date.now()) * 1000n;
  lastSequence = now > lastSequence ? now : lastSequence + 1n;
  return `${prefix}_${lastSequence.toString(16).padStart(14, '0')}${randomBytes(12).toString('hex')}`;
}
