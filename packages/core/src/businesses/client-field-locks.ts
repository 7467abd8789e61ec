import { PorticoError } from '../shared/errors.js';

/** The client's own fields a business can keep its clients from editing in the portal. */
export const lockableClientFields = ['name', 'billingAddress', 'vatId', 'taxNumber'] as const;

export type LockableClientField = (typeof lockableClientFields)[number];

/** `settings.lockedClientFields`: what the business's clients may not change themselves (none when unset). */
export function lockedClientFieldsOf(settings: Record<string, unknown>): LockableClientField[] {
  const value = settings['lockedClientFields'];
  return Array.isArray(value) ? lockableClientFields.filter((field) => value.includes(field)) : [];
}

/** Checks `settings.lockedClientFields` when the business's settings are written. */
export function requireClientFieldLocks(settings: Record<string, unknown>): void {
  const value = settings['lockedClientFields'];
  if (value === undefined) return;
  const field = 'settings.lockedClientFields';
  if (!Array.isArray(value) || value.some((entry) => !lockableClientFields.includes(entry as LockableClientField))) {
    throw new PorticoError('invalid_input', `${field} must be a list of ${lockableClientFields.join(', ')}.`, { field });
  }
}
