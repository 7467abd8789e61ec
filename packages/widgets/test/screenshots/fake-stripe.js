// A stand-in for Stripe.js on the screenshot pages (js.stripe.com cannot be reached here): installed as
// PorticoPayButton.loadStripe, it draws a form shaped like Stripe's embedded Checkout whose Pay button completes it.
(() => {
  const css = (el, text) => ((el.style.cssText = text), el);
  const el = (tag, text, style) => { const node = document.createElement(tag); if (text) node.textContent = text; return style ? css(node, style) : node; };
  const field = (label, value) => {
    const wrap = el('label', label, 'display:grid;gap:4px;font-size:13px;font-weight:500;color:#30313d');
    wrap.append(el('input', null, 'font:15px system-ui,sans-serif;padding:10px 12px;border:1px solid #e0e0e6;border-radius:6px;box-shadow:0 1px 1px rgb(0 0 0/.04),0 3px 6px rgb(0 0 0/.02);color:#30313d;background:#fff'));
    wrap.lastChild.value = value;
    return wrap;
  };
  // What Stripe would show: the amount of the session the fake server made last.
  const amount = () => {
    const { amount: minor, currency } = window.porticoFakeCheckout ?? { amount: 0, currency: 'EUR' };
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
  };
  const loader = async (publishableKey) => ({
    createEmbeddedCheckoutPage: async (options) => {
      const clientSecret = options.clientSecret ?? (await options.fetchClientSecret());
      let form;
      return {
        mount(container) {
          form = el('form', null, 'display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:24px;margin:0 auto;max-width:52rem;font:15px/1.4 system-ui,sans-serif;color:#30313d');
          const summary = el('div', null, 'display:grid;align-content:start;gap:6px');
          summary.append(el('span', 'Harbor & Pine Studio', 'font-weight:600;color:#6a7383'), el('span', 'Pay Harbor & Pine Studio', 'color:#6a7383;font-size:14px'), el('strong', amount(), 'font-size:32px;letter-spacing:-.5px'), el('span', `test mode · ${publishableKey} · ${clientSecret.slice(0, 10)}…`, 'font-size:12px;color:#8792a2'));
          const fields = el('div', null, 'display:grid;gap:12px');
          const pay = el('button', 'Pay', 'margin-top:8px;padding:12px;font:600 16px system-ui,sans-serif;color:#fff;background:#0074d4;border:0;border-radius:6px;cursor:pointer');
          pay.type = 'submit';
          fields.append(field('Email', 'ann.archer@globex-corporation.test'), field('Card information', '4242 4242 4242 4242     12 / 34     123'), field('Cardholder name', 'Ann Archer'), pay);
          form.append(summary, fields);
          form.addEventListener('submit', (event) => { event.preventDefault(); options.onComplete?.(); });
          form.setAttribute('data-fake-stripe', '');
          container.append(form);
        },
        unmount() { form?.remove(); },
        destroy() { form?.remove(); },
      };
    },
  });
  customElements.whenDefined('portico-pay-button').then(() => { customElements.get('portico-pay-button').loadStripe = loader; });
})();
