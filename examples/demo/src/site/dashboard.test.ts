import type { Client, InvoiceSummary } from '@portico/core';
import { describe, expect, it } from 'vitest';
import { balancesByClient, currencyTotals } from './dashboard.js';

function invoice(overrides: Partial<InvoiceSummary>): InvoiceSummary {
  const total = overrides.total ?? 10_000;
  const amountPaid = overrides.amountPaid ?? 0;
  return {
    id: 'inv',
    number: 'HP-0001',
    clientId: 'cli_a',
    status: 'sent',
    displayStatus: 'sent',
    currency: 'EUR',
    issueDate: '2026-01-01',
    dueDate: '2026-01-31',
    subtotal: total,
    discountTotal: 0,
    taxTotal: 0,
    total,
    amountPaid,
    balance: total - amountPaid,
    notes: null,
    sharedWithClient: false,
    version: 1,
    sentAt: null,
    paidAt: null,
    voidedAt: null,
    createdAt: new Date(0),
    updatedAt: new Date(0),
    ...overrides,
  };
}

describe('currencyTotals', () => {
  it('keeps currencies apart and leaves drafts and void invoices out', () => {
    const totals = currencyTotals([
      invoice({ total: 10_000, amountPaid: 10_000, status: 'paid', displayStatus: 'paid' }),
      invoice({ total: 5_000, amountPaid: 2_000 }),
      invoice({ total: 3_000, displayStatus: 'overdue' }),
      invoice({ total: 4_000, amountPaid: 1_000, displayStatus: 'overdue' }),
      invoice({ total: 99_999, status: 'draft', displayStatus: 'draft' }),
      invoice({ total: 88_888, status: 'void', displayStatus: 'void', balance: 0 }),
      invoice({ total: 7_000, currency: 'USD' }),
    ]);
    expect(totals).toEqual([
      { currency: 'EUR', invoiced: 22_000, paid: 13_000, outstanding: 9_000, overdue: 6_000 },
      { currency: 'USD', invoiced: 7_000, paid: 0, outstanding: 7_000, overdue: 0 },
    ]);
  });

  it('is empty without issued invoices', () => {
    expect(currencyTotals([invoice({ status: 'draft', displayStatus: 'draft' })])).toEqual([]);
  });
});

describe('balancesByClient', () => {
  it('lists what each client owes per currency, and nothing for clients who owe nothing', () => {
    const clients = [{ id: 'cli_a' }, { id: 'cli_b' }] as Client[];
    const balances = balancesByClient(
      [
        invoice({ clientId: 'cli_a', total: 5_000 }),
        invoice({ clientId: 'cli_a', total: 2_500, currency: 'USD' }),
        invoice({ clientId: 'cli_b', total: 1_000, amountPaid: 1_000, status: 'paid', displayStatus: 'paid' }),
      ],
      clients,
    );
    expect(balances.get('cli_a')).toEqual([
      { amount: 5_000, currency: 'EUR' },
      { amount: 2_500, currency: 'USD' },
    ]);
    expect(balances.get('cli_b')).toEqual([]);
  });
});
