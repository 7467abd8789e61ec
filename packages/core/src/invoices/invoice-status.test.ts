import { describe, expect, it } from 'vitest';
import { expectPorticoErrorSync } from '../testing/assertions.js';
import { assertInvoiceMove, canMoveInvoice, invoiceDisplayStatus, invoiceDisplayStatuses, type InvoiceStatus } from './invoice-status.js';

const statuses: InvoiceStatus[] = ['draft', 'sent', 'paid', 'void'];
const allowed = new Set(['draft→sent', 'draft→void', 'sent→paid', 'sent→void']);
const everyMove = statuses.flatMap((from) => statuses.map((to) => ({ from, to, ok: allowed.has(`${from}→${to}`) })));

describe('invoice status moves', () => {
  it.each(everyMove)('$from → $to allowed: $ok', ({ from, to, ok }) => {
    expect(canMoveInvoice(from, to)).toBe(ok);
    if (ok) {
      expect(() => assertInvoiceMove(from, to)).not.toThrow();
    } else {
      const error = expectPorticoErrorSync(() => assertInvoiceMove(from, to), 'invalid_status_transition');
      expect(error.status).toBe(409);
      expect(error.message).toBe(`An invoice that is ${from} cannot become ${to}.`);
    }
  });

  it('makes paid and void final: nothing leaves them', () => {
    for (const to of statuses) {
      expect(canMoveInvoice('paid', to)).toBe(false);
      expect(canMoveInvoice('void', to)).toBe(false);
    }
  });

  it('never goes back to draft', () => {
    for (const from of statuses) expect(canMoveInvoice(from, 'draft')).toBe(false);
  });
});

describe('invoiceDisplayStatus', () => {
  const today = '2026-03-10';

  it('shows a sent invoice past its due date as overdue', () => {
    expect(invoiceDisplayStatus({ status: 'sent', dueDate: '2026-03-09', amountPaid: 0 }, today)).toBe('overdue');
    expect(invoiceDisplayStatus({ status: 'sent', dueDate: '2025-12-31', amountPaid: 0 }, today)).toBe('overdue');
  });

  it('keeps a sent invoice sent up to and on its due date', () => {
    expect(invoiceDisplayStatus({ status: 'sent', dueDate: '2026-03-10', amountPaid: 0 }, today)).toBe('sent');
    expect(invoiceDisplayStatus({ status: 'sent', dueDate: '2026-03-11', amountPaid: 0 }, today)).toBe('sent');
  });

  it.each(['draft', 'paid', 'void'] as const)('never shows a %s invoice as overdue', (status) => {
    expect(invoiceDisplayStatus({ status, dueDate: '2026-01-01', amountPaid: 0 }, today)).toBe(status);
  });

  it('shows a sent invoice with a payment as partially paid until it is due, then overdue (overdue comes first)', () => {
    expect(invoiceDisplayStatus({ status: 'sent', dueDate: '2026-03-10', amountPaid: 1 }, today)).toBe('partially_paid');
    expect(invoiceDisplayStatus({ status: 'sent', dueDate: '2026-03-09', amountPaid: 1 }, today)).toBe('overdue');
    expect(invoiceDisplayStatus({ status: 'paid', dueDate: '2026-03-09', amountPaid: 100 }, today)).toBe('paid');
  });

  it('lists every status a person can see', () => {
    expect([...invoiceDisplayStatuses].sort()).toEqual(['draft', 'overdue', 'paid', 'partially_paid', 'sent', 'void']);
  });
});
