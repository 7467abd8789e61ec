import type { MailboxEmail } from '@portico/core';
import { randomBytes } from 'node:crypto';

/**
 * A client's answer to an email in the development mailbox, as their mail
 * program would send it: to the Reply-To address, threaded by In-Reply-To and
 * References, the new text on top and the original quoted below (which
 * Portico strips before it reaches the thread).
 */
export function composeMailboxReply(original: MailboxEmail, text: string, now: Date): string {
  const originalId = original.headers['Message-ID'] ?? original.headers['message-id'];
  const references = [original.headers['References'] ?? original.headers['references'], originalId].filter(Boolean).join(' ');
  const quoted = original.text
    .split(/\r?\n/)
    .map((line) => `> ${line}`)
    .join('\r\n');
  const body = `${text.trim()}\r\n\r\nOn ${now.toUTCString()}, ${original.from} wrote:\r\n${quoted}\r\n`;
  const headers = [
    `From: ${original.to}`,
    `To: ${original.replyTo ?? original.from}`,
    `Subject: ${encodeWord(/^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@mailbox.demo.test>`,
    ...(originalId ? [`In-Reply-To: ${originalId}`, `References: ${references}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
  ];
  const encoded = (Buffer.from(body, 'utf8').toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${encoded}\r\n`;
}

/** RFC 2047 for a subject that is not plain ASCII. */
function encodeWord(value: string): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}
