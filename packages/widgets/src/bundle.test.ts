import { expect } from '@open-wc/testing';
import './bundle.js';

describe('the clients\' bundle (widgets.js)', () => {
  it('registers every client widget and none of the business\'s (those come with admin-widgets.js)', async () => {
    for (const tag of ['portico-portal', 'portico-statement', 'portico-invoice-list', 'portico-invoice-preview', 'portico-pay-button', 'portico-ticket-list', 'portico-ticket-thread', 'portico-new-ticket', 'portico-account']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(customElements.get('portico-admin-invoices')).to.equal(undefined);
    expect(customElements.get('portico-admin-inbox')).to.equal(undefined);
    expect(customElements.get('portico-admin-estimates')).to.equal(undefined);
    await import('./admin-bundle.js');
    expect(customElements.get('portico-admin-estimates')).to.be.a('function');
    expect(customElements.get('portico-admin-invoices')).to.be.a('function');
    expect(customElements.get('portico-admin-inbox')).to.be.a('function');
  });
});
