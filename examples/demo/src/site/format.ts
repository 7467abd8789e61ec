const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** A calendar date (`YYYY-MM-DD`) as a person reads it: `7 Mar 2026`. */
export function formatDate(date: string): string {
  return dateFormat.format(new Date(`${date}T00:00:00Z`));
}

const kilobytes = new Intl.NumberFormat('en-GB', { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 1 });

/** A file's size as a mail program shows it: `12.3 kB`. */
export function formatKilobytes(bytes: number): string {
  return kilobytes.format(bytes / 1000);
}

/** An instant in the business's time zone: `7 Mar 2026, 14:05`. */
export function formatDateTime(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(instant);
}
