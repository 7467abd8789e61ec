import { randomBytes } from 'node:crypto';

export interface TestEmailInput {
  from?: string;
  to?: string | string[];
  cc?: string;
  subject?: string;
  /** Plain text body (UTF-8, quoted-printable free: written as 8bit). */
  text?: string;
  /** An HTML body instead of (or beside) the text. */
  html?: string;
  /** Default: a fresh random one; null for none. */
  messageId?: string | null;
  inReplyTo?: string;
  references?: string[];
  /** Extra header lines, written as given. */
  headers?: Record<string, string>;
  attachments?: Array<{ filename: string; contentType: string; content: Uint8Array }>;
}

/**
 * A raw RFC 5322 message, CRLF line ends, for tests of the inbound pipeline:
 * plain text, or multipart when it has HTML or attachments.
 */
export function buildTestEmail(input: TestEmailInput = {}): string {
  const to = Array.isArray(input.to) ? input.to.join(', ') : (input.to ?? 'support@reply.harborpine.test');
  const messageId = input.messageId === undefined ? `<${randomBytes(8).toString('hex')}@mail.globex.test>` : input.messageId;
  const lines = [
    `From: ${input.from ?? 'Ann Ledger <ann@globex.test>'}`,
    `To: ${to}`,
    ...(input.cc ? [`Cc: ${input.cc}`] : []),
    `Subject: ${encodeHeader(input.subject ?? 'Question about my invoice')}`,
    'Date: Tue, 10 Mar 2026 10:00:00 +0100',
    ...(messageId === null ? [] : [`Message-ID: ${messageId}`]),
    ...(input.inReplyTo ? [`In-Reply-To: ${input.inReplyTo}`] : []),
    ...(input.references?.length ? [`References: ${input.references.join(' ')}`] : []),
    ...Object.entries(input.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
  ];
  const text = input.text ?? (input.html === undefined ? 'Hello, a question about my invoice.' : undefined);
  const parts: string[] = [];
  if (text !== undefined) parts.push(`Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(text, 'utf8'))}`);
  if (input.html !== undefined) parts.push(`Content-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(Buffer.from(input.html, 'utf8'))}`);
  for (const file of input.attachments ?? []) {
    parts.push(
      `Content-Type: ${file.contentType}; name="${file.filename}"\r\nContent-Disposition: attachment; filename="${file.filename}"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64Lines(file.content)}`,
    );
  }
  if (parts.length === 1) return `${lines.join('\r\n')}\r\n${parts[0]}\r\n`;
  const boundary = `b_${randomBytes(8).toString('hex')}`;
  return `${lines.join('\r\n')}\r\nContent-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n${parts.map((part) => `--${boundary}\r\n${part}\r\n`).join('')}--${boundary}--\r\n`;
}

function encodeHeader(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/g) ?? ['']).join('\r\n');
}
