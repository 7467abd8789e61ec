import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newId, newOrderedId } from '../shared/ids.js';
import { base32Decode, base32Encode } from './base32.js';
import { readTicketMessageId, signTicketMessageId } from './message-id.js';
import { REPLY_TOKEN_LENGTH, readReplyToken, signReplyToken, ticketIdInReplyToken } from './reply-token.js';

describe('base32', () => {
  it('round-trips any bytes in lower case and reads either case', () => {
    for (let length = 0; length < 40; length++) {
      const bytes = randomBytes(length);
      const text = base32Encode(bytes);
      expect(text).toMatch(/^[a-z2-7]*$/);
      expect(text).toHaveLength(Math.ceil((length * 8) / 5));
      expect(Buffer.from(base32Decode(text)!)).toEqual(bytes);
      expect(Buffer.from(base32Decode(text.toUpperCase())!)).toEqual(bytes);
    }
    // RFC 4648 test vectors, lower-cased and unpadded.
    expect(base32Encode(new TextEncoder().encode('foobar'))).toBe('mzxw6ytboi');
    expect(base32Encode(new TextEncoder().encode('f'))).toBe('my');
  });

  it('refuses stray characters and non-canonical spellings', () => {
    expect(base32Decode('mzxw6ytbo1')).toBeUndefined();
    expect(base32Decode('mzxw6ytbo=')).toBeUndefined();
    // "mz" carries non-zero padding bits: another spelling of "my".
    expect(base32Decode('mz')).toBeUndefined();
    expect(base32Decode('myz')).toBeUndefined();
  });
});

describe('signed reply tokens and Message-IDs', () => {
  const key = randomBytes(32);
  const subject = { ticketId: newId('tkt'), contactId: newId('con') };

  it('fit a 64-character local part and read back only under the same key and business', () => {
    const token = signReplyToken(key, 'biz_a', subject);
    expect(token).toHaveLength(REPLY_TOKEN_LENGTH);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
    expect(readReplyToken(key, 'biz_a', token)).toEqual(subject);
    expect(ticketIdInReplyToken(token)).toBe(subject.ticketId);
    expect(readReplyToken(key, 'biz_b', token)).toBeUndefined();
    expect(readReplyToken(randomBytes(32), 'biz_a', token)).toBeUndefined();
  });

  it('differ in purpose: a reply token is no Message-ID and a Message-ID is no token', () => {
    const token = signReplyToken(key, 'biz_a', subject);
    expect(readTicketMessageId(key, 'biz_a', `<portico-${token}@example.com>`)).toBeUndefined();
    const messageId = signTicketMessageId(key, 'biz_a', { ticketId: subject.ticketId, messageId: null }, 'example.com');
    const local = messageId.slice('<portico-'.length, messageId.indexOf('@'));
    expect(readReplyToken(key, 'biz_a', local)).toBeUndefined();
  });

  it('sign Message-IDs for a message and for the thread, in any domain, brackets optional', () => {
    const message = { ticketId: subject.ticketId, messageId: newOrderedId('msg') };
    const id = signTicketMessageId(key, 'biz_a', message, 'reply.example.com');
    expect(id).toMatch(/^<portico-[a-z2-7]+@reply\.example\.com>$/);
    expect(readTicketMessageId(key, 'biz_a', id)).toEqual(message);
    expect(readTicketMessageId(key, 'biz_a', id.slice(1, -1).replace('reply.example.com', 'other.example'))).toEqual(message);
    expect(readTicketMessageId(key, 'biz_b', id)).toBeUndefined();
    expect(readTicketMessageId(key, 'biz_a', '<CAF=abc@mail.gmail.com>')).toBeUndefined();
  });

  it('refuse ids Portico did not make', () => {
    expect(() => signReplyToken(key, 'biz_a', { ticketId: 'tkt_short', contactId: subject.contactId })).toThrow();
    expect(() => signTicketMessageId(key, 'biz_a', { ticketId: subject.ticketId, messageId: newId('msg') }, 'example.com')).toThrow();
  });
});
