import { PorticoError } from '../shared/errors.js';
import { requireEmail } from '../shared/validate.js';

/** What an accepted estimate becomes: a draft invoice (the default) or an invoice sent at once. */
export type EstimateAcceptanceSetting = 'draft_invoice' | 'send_invoice';

const acceptanceSettings: readonly EstimateAcceptanceSetting[] = ['draft_invoice', 'send_invoice'];

/** `settings.estimateAcceptance`, `draft_invoice` when unset. */
export function estimateAcceptanceOf(settings: Record<string, unknown>): EstimateAcceptanceSetting {
  return settings['estimateAcceptance'] === 'send_invoice' ? 'send_invoice' : 'draft_invoice';
}

/** `settings.notifyEmail`: where the business is told of its clients' answers; null when unset. */
export function notifyEmailOf(settings: Record<string, unknown>): string | null {
  const value = settings['notifyEmail'];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Checks the estimate settings a business stores (called when its settings are written). */
export function requireEstimateSettings(settings: Record<string, unknown>): void {
  const acceptance = settings['estimateAcceptance'];
  if (acceptance !== undefined && !acceptanceSettings.includes(acceptance as EstimateAcceptanceSetting)) {
    throw new PorticoError('invalid_input', `settings.estimateAcceptance must be one of ${acceptanceSettings.join(', ')}.`, {
      field: 'settings.estimateAcceptance',
    });
  }
  const notify = settings['notifyEmail'];
  if (notify !== undefined && notify !== null && notify !== '') requireEmail(notify, 'settings.notifyEmail');
  const days = settings['estimateValidDays'];
  if (days !== undefined && !(typeof days === 'number' && Number.isInteger(days) && days >= 0 && days <= 3650)) {
    throw new PorticoError('invalid_input', 'settings.estimateValidDays must be a whole number of days from 0 to 3650.', {
      field: 'settings.estimateValidDays',
    });
  }
}
