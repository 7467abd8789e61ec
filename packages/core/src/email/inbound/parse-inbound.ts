import type { AddressObject, ParsedMail } from 'mailparser';
import { PorticoError } from '../../shared/errors.js';
import { lazyModule } from '../../shared/lazy-module.js';

/** The largest raw message taken (bytes): what most providers accept, attachments included. */
export const MAX_INBOUND_BYTES = 25 * 1024 * 1024;

/** HTML longer than this is not turned into text (mailparser's own guard, made explicit). */
const MAX_HTML_TO_TEXT_CHARS = 2 * 1024 * 1024;

/** mailparser, loaded with the first message received. */
export const loadMailparser = lazyModule(() => import('mailparser'));

export interface InboundAddress {
  address: string;
  name: string;
}

export interface InboundAttachmentPart {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

/** What the pipeline reads from a message; everything else stays in the raw bytes. */
export interface ParsedInbound {
  /** Message-ID without its angle brackets, or null when the message has none. */
  messageId: string | null;
  from: InboundAddress | null;
  /** To, Cc, Delivered-To and X-Original-To addresses, lower-cased, without repeats. */
  recipients: string[];
  subject: string;
  /** The body as plain text: the text part, or the HTML part turned into text. */
  text: string;
  /** In-Reply-To, then References, each id without angle brackets. */
  inReplyTo: string[];
  references: string[];
  /** Header values as written (unfolded), by lower-cased name (the first occurrence). */
  headers: ReadonlyMap<string, string>;
  /** `multipart/report`'s report-type (`delivery-status`, `disposition-notification`), or null. */
  reportType: string | null;
  attachments: InboundAttachmentPart[];
}

/** Raw bytes of a message as a string or bytes, checked against MAX_INBOUND_BYTES. */
export function inboundBytes(raw: Uint8Array | string): Uint8Array {
  if (typeof raw !== 'string' && !(raw instanceof Uint8Array)) {
    throw new PorticoError('invalid_input', 'The message must be its raw RFC 5322 bytes, as a Uint8Array or a string.', { field: 'raw' });
  }
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  if (bytes.byteLength > MAX_INBOUND_BYTES) throw messageTooLarge(bytes.byteLength);
  if (bytes.byteLength === 0) throw new PorticoError('invalid_input', 'The message is empty.', { field: 'raw' });
  return bytes;
}

export function messageTooLarge(size: number): PorticoError {
  return new PorticoError(
    'message_too_large',
    `The message is ${size} bytes; at most ${MAX_INBOUND_BYTES} bytes (${MAX_INBOUND_BYTES / 1024 / 1024} MB) are taken.`,
    { field: 'raw' },
  );
}

/** Parses a message with mailparser; a message with no header a mail needs is `invalid_input`. */
export async function parseInbound(bytes: Uint8Array): Promise<ParsedInbound> {
  const { simpleParser } = await loadMailparser();
  let mail: ParsedMail;
  try {
    mail = await simpleParser(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      skipImageLinks: true,
      skipTextToHtml: true,
      skipTextLinks: true,
      maxHtmlLengthToParse: MAX_HTML_TO_TEXT_CHARS,
    });
  } catch {
    throw new PorticoError('invalid_input', 'The message could not be read as an RFC 5322 email.', { field: 'raw' });
  }
  if (mail.headers.size === 0 || !mail.headers.has('from')) {
    throw new PorticoError('invalid_input', 'The message has no From header: it is not an email.', { field: 'raw' });
  }
  // As written, not as mailparser structures them (it folds List-* into one object, Return-Path into addresses).
  const headers = new Map<string, string>();
  for (const { key, line } of mail.headerLines) {
    if (!headers.has(key)) headers.set(key, withoutNul(line.slice(line.indexOf(':') + 1)).replace(/\r?\n[ \t]+/g, ' ').trim());
  }
  const contentType = mail.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined;

  return {
    messageId: mail.messageId ? unbracket(mail.messageId) : null,
    from: firstAddress(mail.from),
    recipients: recipientsOf(mail),
    subject: withoutNul(mail.subject ?? ''),
    text: withoutNul(mail.text ?? (typeof mail.html === 'string' ? await htmlToText(mail.html) : '')),
    inReplyTo: messageIds(mail.inReplyTo),
    references: messageIds(mail.references),
    headers,
    reportType: contentType?.value === 'multipart/report' ? (contentType.params?.['report-type']?.toLowerCase() ?? '') : null,
    attachments: mail.attachments
      // Images a signature or an HTML body shows inline (cid: links) are part of the layout, not files sent.
      .filter((part) => !part.related && (part.contentDisposition === 'attachment' || part.filename))
      .map((part) => ({
        filename: withoutNul(part.filename ?? '') || 'attachment',
        contentType: part.contentType.toLowerCase(),
        content: new Uint8Array(part.content.buffer, part.content.byteOffset, part.content.byteLength),
      })),
  };
}

/**
 * mailparser turns HTML into text only when the HTML is the whole body (or
 * stands beside a text part); an HTML part alone inside multipart/mixed keeps
 * `text` empty. Handing that HTML back as a message of its own gets the same
 * conversion (blockquotes become "> " lines the stripper knows).
 */
async function htmlToText(html: string): Promise<string> {
  if (html.length > MAX_HTML_TO_TEXT_CHARS) return '';
  const { simpleParser } = await loadMailparser();
  const wrapped = await simpleParser(Buffer.from(`Content-Type: text/html; charset=utf-8\r\n\r\n${html}`, 'utf8'), {
    skipImageLinks: true,
    maxHtmlLengthToParse: MAX_HTML_TO_TEXT_CHARS,
  });
  return wrapped.text ?? '';
}

function firstAddress(field: AddressObject | AddressObject[] | undefined): InboundAddress | null {
  for (const entry of addressesOf(field)) return entry;
  return null;
}

function* addressesOf(field: AddressObject | AddressObject[] | undefined): Generator<InboundAddress> {
  for (const object of field === undefined ? [] : Array.isArray(field) ? field : [field]) {
    for (const entry of object.value) {
      if (entry.address) yield { address: withoutNul(entry.address), name: withoutNul(entry.name ?? '') };
      // A group ("undisclosed-recipients: a@x, b@y;") lists its members inside.
      for (const member of entry.group ?? []) if (member.address) yield { address: withoutNul(member.address), name: withoutNul(member.name ?? '') };
    }
  }
}

function recipientsOf(mail: ParsedMail): string[] {
  const found = new Set<string>();
  for (const field of [mail.to, mail.cc]) for (const { address } of addressesOf(field)) found.add(address.toLowerCase());
  for (const name of ['delivered-to', 'x-original-to']) {
    for (const line of mail.headerLines.filter((l) => l.key === name)) {
      const address = withoutNul(line.line.slice(line.line.indexOf(':') + 1)).trim().replace(/^<|>$/g, '');
      if (address.includes('@')) found.add(address.toLowerCase());
    }
  }
  return [...found];
}

function messageIds(value: string | string[] | undefined): string[] {
  const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
  const ids = text.match(/<[^<>\s]+>/g);
  return ids ? ids.map(unbracket) : [];
}

function unbracket(id: string): string {
  return withoutNul(id).trim().replace(/^<|>$/g, '');
}

/**
 * Mail from anyone may carry U+0000, which no database column of ours takes
 * (see db/refuse-nul-text.ts): it is dropped, rather than the message refused.
 */
function withoutNul(text: string): string {
  return text.includes('\u0000') ? text.replaceAll('\u0000', '') : text;
}
