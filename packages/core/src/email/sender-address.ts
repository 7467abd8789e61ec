/** What the From address is made of: a business's name, portal and settings. */
export interface EmailSender {
  name: string;
  portalUrl: string;
  settings?: { emailFrom?: unknown } | null;
}

/**
 * The From address of a business's emails: `settings.emailFrom` when the
 * business set one, otherwise `"<business name>" <no-reply@<portal host>>`.
 */
export function senderAddress(business: EmailSender): string {
  const configured = business.settings?.emailFrom;
  if (typeof configured === 'string' && configured.trim() !== '') return singleLine(configured);
  return `${quoteDisplayName(business.name)} <no-reply@${new URL(business.portalUrl).hostname}>`;
}

/** An RFC 5322 quoted string: one line, backslashes and quotes escaped. */
export function quoteDisplayName(name: string): string {
  return `"${singleLine(name).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** Header values are one line: line breaks and other control characters become spaces. */
export function singleLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
}
