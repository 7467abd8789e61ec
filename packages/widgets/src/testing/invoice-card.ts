import { expect } from '@open-wc/testing';

/**
 * Checks how a narrow invoice table lays out one row's common cells as a
 * card: the number with its status on the right, then issue and due dates
 * side by side, then amount and balance under them.
 */
export function expectInvoiceCard(row: Element): void {
  const box = (selector: string): DOMRect => {
    const cell = row.querySelector(selector);
    expect(cell, selector).to.not.equal(null);
    return cell!.getBoundingClientRect();
  };
  const [number, status, issued, due, amount, balance] = ['th.number', 'td.status-cell', 'td.issued', 'td.due', 'td.amount', 'td.balance'].map(box);
  const sameLine = (a: DOMRect, b: DOMRect) => Math.abs(a.top - b.top) < 2;
  expect(sameLine(number!, status!), 'status beside the number').to.equal(true);
  expect(status!.left, 'status to the right').to.be.greaterThan(number!.left);
  expect(sameLine(issued!, due!), 'issued and due side by side').to.equal(true);
  expect(due!.left).to.be.greaterThan(issued!.left);
  expect(issued!.top, 'dates under the number').to.be.greaterThan(number!.top);
  expect(sameLine(amount!, balance!), 'amount and balance side by side').to.equal(true);
  expect(amount!.top, 'amounts under the dates').to.be.greaterThan(issued!.top);
  expect(amount!.left, 'amount under the issue date').to.be.closeTo(issued!.left, 2);
}
