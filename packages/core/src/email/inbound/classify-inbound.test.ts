import { describe, expect, it } from 'vitest';
import { buildTestEmail } from '../../testing/inbound-email.js';
import { isAutoReplySubject } from './auto-reply-subjects.js';
import { classifyInbound } from './classify-inbound.js';
import { parseInbound } from './parse-inbound.js';

async function classify(email: Parameters<typeof buildTestEmail>[0], addressedWithToken = false) {
  return classifyInbound(await parseInbound(Buffer.from(buildTestEmail(email))), { addressedWithToken });
}

describe('classifying inbound mail', () => {
  it('takes a plain reply for a person’s message', async () => {
    expect(await classify({ subject: 'Re: [#12] Invoice question', text: 'Thanks!' })).toEqual({ kind: 'message', reason: null });
    expect(await classify({ headers: { 'Auto-Submitted': 'no' } })).toEqual({ kind: 'message', reason: null });
  });

  it('knows automatic answers by their headers', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ 'Auto-Submitted': 'auto-replied' }, 'Auto-Submitted: auto-replied'],
      [{ 'Auto-Submitted': 'auto-generated; owner-email="x@y.test"' }, 'Auto-Submitted: auto-generated'],
      [{ Precedence: 'bulk' }, 'Precedence: bulk'],
      [{ Precedence: 'junk' }, 'Precedence: junk'],
      [{ Precedence: 'list' }, 'Precedence: list'],
      [{ 'X-Autoreply': 'yes' }, 'x-autoreply header'],
      [{ 'X-Autorespond': 'Out of office' }, 'x-autorespond header'],
      [{ 'X-Auto-Response-Suppress': 'All' }, 'x-auto-response-suppress header'],
      [{ 'Return-Path': '<>' }, 'null Return-Path'],
    ];
    for (const [headers, reason] of cases) {
      expect(await classify({ headers }), JSON.stringify(headers)).toEqual({ kind: 'auto_reply', reason });
    }
  });

  it('takes list mail for automatic unless it came to a reply address', async () => {
    const list = { headers: { 'List-Id': 'Globex staff <staff.globex.test>', Precedence: 'list' } };
    expect((await classify(list)).kind).toBe('auto_reply');
    expect((await classify(list, true)).kind).toBe('message');
  });

  it('knows bounces by their sender and by a delivery status report', async () => {
    expect(await classify({ from: 'MAILER-DAEMON@mx.globex.test' })).toEqual({ kind: 'bounce', reason: 'sent by mailer-daemon' });
    expect(await classify({ from: 'Postmaster <postmaster@globex.test>' })).toEqual({ kind: 'bounce', reason: 'sent by postmaster' });
    const receipt = [
      'From: ann@globex.test',
      'Subject: Read: Invoice',
      'Content-Type: multipart/report; report-type=disposition-notification; boundary="r"',
      '',
      '--r',
      'Content-Type: text/plain',
      '',
      'Your message was read.',
      '--r--',
      '',
    ].join('\r\n');
    expect(classifyInbound(await parseInbound(Buffer.from(receipt)), { addressedWithToken: true })).toEqual({
      kind: 'auto_reply',
      reason: 'multipart/report disposition-notification',
    });
  });

  it('knows out-of-office subjects in the six languages the portal speaks', async () => {
    const subjects = [
      'Automatic reply: [#12] Invoice question',
      'Out of Office: Re: Invoice',
      'Re: Invoice (Out of office)',
      'Abwesenheitsnotiz: Rechnung INV-0012',
      'Automatische Antwort: Rechnung',
      'Risposta automatica: Fattura',
      'Fuori ufficio: Re: Fattura',
      'Автоответ: Счёт',
      'Автоматический ответ: Re: Счёт',
      '自動応答: 請求書について',
      '不在通知：請求書',
      'رد تلقائي: الفاتورة',
      '\u202bخارج المكتب: الفاتورة\u202c',
    ];
    for (const subject of subjects) {
      expect(isAutoReplySubject(subject), subject).toBe(true);
      expect(await classify({ subject }), subject).toEqual({ kind: 'auto_reply', reason: 'automatic answer subject' });
    }
  });

  it('does not take a person’s subject that only mentions an absence for an automatic one', () => {
    for (const subject of [
      'Are you out of office next week?',
      'Re: Urlaubsvertretung für die Rechnung',
      'Vacation rental invoice',
      'Ferie e fattura',
      'Отпуск и счёт',
      '休暇中の請求書について',
      'سؤال عن الإجازة والفاتورة',
    ]) {
      expect(isAutoReplySubject(subject), subject).toBe(false);
    }
  });

  it('reads a very long subject without scanning all of it', () => {
    const started = performance.now();
    expect(isAutoReplySubject(`${'a '.repeat(500_000)}out of office:`)).toBe(false);
    // Scanning the whole megabyte with the patterns would take seconds; a pause of the loaded CI machine does not.
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
