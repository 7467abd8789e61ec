import { loadMailparser } from '../inbound/parse-inbound.js';
import { MAX_REASON_LENGTH } from './mark-bounced.js';

/** What a delivery status notification says about the email that did not arrive. */
export interface BounceReport {
  /** The enhanced status code (RFC 3463), like `5.1.1`; null when the bounce gives none. */
  status: string | null;
  /** The receiving server's words (Diagnostic-Code), or the bounce's own summary; at most 1000 characters. */
  reason: string | null;
  /** The addresses that failed (Final-Recipient, Original-Recipient, or the returned message's To), lower-cased. */
  recipients: string[];
  /**
   * Message-IDs (with angle brackets) of the email that bounced, as far as the
   * bounce quotes them: the returned message's Message-ID, In-Reply-To and
   * References, Original-Message-ID, the bounce's own In-Reply-To/References,
   * and any id of ours written in its text. Checked by the caller, never trusted.
   */
  messageIds: string[];
  /** Reply-To addresses of the returned message (a reply address names the ticket and contact). */
  replyTo: string[];
}

/** Parts that carry the returned message or its headers (RFC 3462, RFC 6533). */
const returnedPartTypes = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);
const deliveryStatusTypes = new Set(['message/delivery-status', 'message/global-delivery-status']);
/** Only the start of a part is read: the headers of a returned message are at its top. */
const MAX_PART_CHARS = 64 * 1024;
const MAX_IDS = 50;
const statusPattern = /\b([245]\.\d{1,3}\.\d{1,3})\b/;
/** Ids Portico writes: signed ticket ids and the SMTP transport's outbox ids. */
const ourIdPattern = /<(?:portico-[a-z2-7]+|out_[A-Za-z0-9_-]+)@[^\s<>@]+>/gi;

/**
 * Reads a bounce. mailparser hands a `message/delivery-status` part over as
 * text (appended to the body) or as an attachment depending on its encoding,
 * so the DSN fields are looked for in both; returned messages and headers are
 * attachments without a file name.
 */
export async function readBounce(raw: Uint8Array): Promise<BounceReport> {
  const { simpleParser } = await loadMailparser();
  const mail = await simpleParser(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
    skipImageLinks: true,
    skipTextToHtml: true,
    skipTextLinks: true,
    skipHtmlToText: true,
  });
  // Bounded, like every part below: a bounce is mail from anyone.
  const statusTexts: string[] = [(mail.text ?? '').slice(0, MAX_PART_CHARS)];
  const returnedHeaders: Array<Map<string, string[]>> = [];
  for (const part of mail.attachments) {
    const type = part.contentType.toLowerCase();
    const text = part.content.subarray(0, MAX_PART_CHARS).toString('utf8');
    if (deliveryStatusTypes.has(type)) statusTexts.push(text);
    else if (returnedPartTypes.has(type)) returnedHeaders.push(headerBlock(text));
  }
  const status = statusTexts.join('\n');
  const fields = headerBlockAll(status);

  const recipients = new Set<string>();
  for (const name of ['final-recipient', 'original-recipient']) for (const value of fields.get(name) ?? []) addAddress(recipients, value);
  for (const headers of returnedHeaders) for (const value of headers.get('to') ?? []) for (const part of value.split(',')) addAddress(recipients, part);

  const ids = new Set<string>();
  for (const headers of returnedHeaders) {
    for (const name of ['message-id', 'in-reply-to', 'references']) for (const value of headers.get(name) ?? []) addIds(ids, value);
  }
  for (const name of ['original-message-id', 'x-original-message-id']) for (const value of fields.get(name) ?? []) addIds(ids, value);
  for (const name of ['in-reply-to', 'references']) for (const value of headerValues(mail.headerLines, name)) addIds(ids, value);
  for (const match of status.slice(0, MAX_PART_CHARS).matchAll(ourIdPattern)) ids.add(match[0]);

  const replyTo = returnedHeaders.flatMap((headers) => headers.get('reply-to') ?? []);
  const diagnostic = fields.get('diagnostic-code')?.[0]?.replace(/^[a-z-]+;\s*/i, '');
  const statusField = fields.get('status')?.[0];
  return {
    status: statusPattern.exec(statusField ?? '')?.[1] ?? statusPattern.exec(diagnostic ?? '')?.[1] ?? null,
    reason: (diagnostic ?? mail.subject ?? '').slice(0, MAX_REASON_LENGTH) || null,
    recipients: [...recipients],
    messageIds: [...ids].slice(0, MAX_IDS),
    replyTo,
  };
}

/** The enhanced status code in a provider's bounce message, if it quotes one. */
export function statusCodeIn(text: string): string | null {
  return statusPattern.exec(text)?.[1] ?? null;
}

/** The header block at the top of a part (up to its first empty line), by lower-cased name. */
function headerBlock(text: string): Map<string, string[]> {
  const end = text.search(/\r?\n\r?\n/);
  return headerBlockAll(end === -1 ? text : text.slice(0, end));
}

/** Every `Name: value` line of a text (continuation lines unfolded), by lower-cased name. */
function headerBlockAll(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    const values = fields.get(name);
    if (values) values.push(match[2]!.trim());
    else fields.set(name, [match[2]!.trim()]);
  }
  return fields;
}

function headerValues(lines: ReadonlyArray<{ key: string; line: string }>, name: string): string[] {
  return lines.filter((line) => line.key === name).map((line) => line.line.slice(line.line.indexOf(':') + 1));
}

function addIds(ids: Set<string>, value: string): void {
  for (const id of value.match(/<[^<>\s]+>/g) ?? []) ids.add(id);
}

/** `rfc822; ann@x.test`, `"Ann" <ann@x.test>` or a bare address. */
function addAddress(addresses: Set<string>, value: string): void {
  const address = value.replace(/^[a-z0-9-]+;\s*/i, '').match(/<?([^\s<>;,"]+@[^\s<>;,"]+)>?\s*$/)?.[1];
  if (address) addresses.add(address.toLowerCase());
}
