import { shortened } from '../../shared/shortened.js';
import type { EmailStrings } from './email-strings.js';

const PREHEADER_CHARS = 120;

/** The start of a message on one line, for the mail client's preview next to the subject. */
export function messagePreheader(message: string): string {
  const line = message.replace(/\s+/g, ' ').trim();
  return shortened(line, PREHEADER_CHARS);
}

/**
 * Wraps a value written in another direction (a left-to-right subject ending
 * in "?" inside a right-to-left sentence) in Unicode isolates, so its
 * punctuation stays on its own side; in a left-to-right language, as is.
 */
export function isolateFor(t: Pick<EmailStrings, 'direction'>): (value: string) => string {
  return (value) => (t.direction === 'rtl' ? `\u2068${value}\u2069` : value);
}
