import { isAutoReplySubject } from './auto-reply-subjects.js';
import type { ParsedInbound } from './parse-inbound.js';

export type InboundKind =
  /** A delivery status notification: the mail we sent did not arrive. */
  | 'bounce'
  /** Written by a program (out of office, list traffic, read receipt): never a client's word. */
  | 'auto_reply'
  /** Written by a person, as far as anything says. */
  | 'message';

export interface InboundClassification {
  kind: InboundKind;
  /** What gave it away, for the note on the stored message; null for a person's message. */
  reason: string | null;
}

/**
 * Tells bounces and automatic answers from a person's mail, so that neither
 * ever reopens a ticket, lands in a thread or gets an answer (mail loops).
 * RFC 3834 first, then the headers mail programs use in its place, then the
 * senders and subjects they write.
 *
 * `addressedWithToken`: the message went to one of our reply addresses. A
 * mailing list passing on a client's reply (List-Id) is then still a reply;
 * list mail without one is not for a ticket. `sentByUs`: its Message-ID is
 * one we signed.
 */
export function classifyInbound(
  mail: ParsedInbound,
  { addressedWithToken, sentByUs = false }: { addressedWithToken: boolean; sentByUs?: boolean },
): InboundClassification {
  const header = (name: string) => mail.headers.get(name)?.trim() ?? '';
  // Our own ticket email, forwarded or reflected back into the inbound address: a loop in the making.
  if (sentByUs) return { kind: 'auto_reply', reason: 'one of our own emails came back' };

  if (mail.reportType === 'delivery-status') return { kind: 'bounce', reason: 'multipart/report delivery status' };
  const sender = (mail.from?.address ?? '').toLowerCase();
  const senderLocal = sender.slice(0, sender.lastIndexOf('@'));
  if (senderLocal === 'mailer-daemon' || senderLocal === 'postmaster') return { kind: 'bounce', reason: `sent by ${senderLocal}` };
  if (mail.reportType !== null) return { kind: 'auto_reply', reason: `multipart/report ${mail.reportType || 'without a report type'}` };

  const autoSubmitted = (header('auto-submitted').split(';')[0] ?? '').trim().toLowerCase();
  if (autoSubmitted !== '' && autoSubmitted !== 'no') return { kind: 'auto_reply', reason: `Auto-Submitted: ${autoSubmitted}` };
  const precedence = header('precedence').toLowerCase();
  if (precedence === 'bulk' || precedence === 'junk') return { kind: 'auto_reply', reason: `Precedence: ${precedence}` };
  // A list passing on a client's reply marks it `list` too (with a List-Id): see addressedWithToken.
  if (precedence === 'list' && !addressedWithToken) return { kind: 'auto_reply', reason: 'Precedence: list' };
  for (const name of ['x-autoreply', 'x-autorespond', 'x-auto-response-suppress']) {
    const value = header(name);
    if (value !== '' && !/^(no|none|false)$/i.test(value)) return { kind: 'auto_reply', reason: `${name} header` };
  }
  if (!addressedWithToken && header('list-id') !== '') return { kind: 'auto_reply', reason: 'mailing list (List-Id) without a reply address' };
  // RFC 3834 asks automatic answers to go to the null sender; a person's mail never does.
  if (header('return-path') === '<>') return { kind: 'auto_reply', reason: 'null Return-Path' };
  if (isAutoReplySubject(mail.subject)) return { kind: 'auto_reply', reason: 'automatic answer subject' };
  return { kind: 'message', reason: null };
}
