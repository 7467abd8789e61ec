/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/**
 * Replaces Stripe.js in the page (it comes from js.stripe.com, out of reach
 * here) with a stand-in whose embedded checkout draws one button. Pressing it
 * calls `cardAccepted(clientSecret)` in the test (which completes the session
 * on the Stripe stand-in, as Stripe does when a card goes through) and then
 * the widget's onComplete, as Stripe.js does.
 */
export async function installStripeJsStandIn(page: Page, cardAccepted: (clientSecret: string) => void): Promise<void> {
  await page.exposeFunction('porticoE2eCardAccepted', cardAccepted);
  await page.evaluate(() => {
    type Options = { fetchClientSecret: () => Promise<string>; onComplete?: () => void };
    const accepted = (window as unknown as { porticoE2eCardAccepted(secret: string): Promise<void> }).porticoE2eCardAccepted;
    const payButton = customElements.get('portico-pay-button') as unknown as { loadStripe: (key: string) => Promise<unknown> };
    payButton.loadStripe = async () => ({
      createEmbeddedCheckoutPage: async (options: Options) => {
        const clientSecret = await options.fetchClientSecret();
        return {
          mount(container: HTMLElement) {
            const pay = document.createElement('button');
            pay.type = 'button';
            pay.textContent = 'Pay with test card (Stripe.js stand-in)';
            pay.addEventListener('click', async () => {
              await accepted(clientSecret);
              options.onComplete?.();
            });
            container.append(pay);
          },
          destroy() {},
          unmount() {},
        };
      },
    });
  });
}
