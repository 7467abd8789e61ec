import { adoptStyles, css, html, render } from 'lit';

/** Where Stripe's form goes: an element in the page's light DOM, and how to take it away again. */
export interface CheckoutSurface {
  /** The element Stripe.js mounts into. Always in the document's light DOM: Stripe.js refuses to mount inside a shadow root. */
  readonly container: HTMLElement;
  /** Removes the surface, without calling `onClose`. */
  remove(): void;
}

export interface CheckoutDialogOptions {
  /** The dialog's heading ("Pay INV-0042 · €999.40"). */
  title: string;
  /** Accessible name of the close button. */
  closeLabel: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /**
   * The element whose look the dialog takes (the pay button's root): its
   * design tokens as resolved there (`--_accent` → `#0f766e`, …), and its
   * computed `color-scheme`, so the tokens' `light-dark()` colours resolve on
   * the dialog as they do on the button.
   */
  lookOf: Element;
  /** The client closed the dialog (its button, or Escape). */
  onClose: () => void;
}

/** The tokens a dialog copies from the element that opens it. */
const dialogTokens = ['--_accent', '--_on-accent', '--_bg', '--_surface', '--_text', '--_muted', '--_border', '--_focus', '--_font', '--_heading-font', '--_radius', '--_space'];

/**
 * A modal dialog on `document.body` holding a light-DOM container for
 * Stripe's embedded Checkout. Used when the pay button sits inside another
 * widget's shadow root (the invoice list, the preview, the portal), where
 * Stripe.js cannot mount. The dialog's own chrome lives in a shadow root of
 * its host `<div>`; the container is that host's light child, slotted in.
 */
export function openCheckoutDialog(options: CheckoutDialogOptions): CheckoutSurface {
  const host = document.createElement('div');
  host.setAttribute('data-portico-checkout-dialog', '');
  const look = getComputedStyle(options.lookOf);
  for (const name of dialogTokens) {
    const value = look.getPropertyValue(name).trim();
    if (value) host.style.setProperty(name, value);
  }
  host.style.colorScheme = look.colorScheme;
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow, [dialogStyles]);
  const container = checkoutContainer(host);

  let removed = false;
  const onClose = (): void => {
    if (removed) return;
    remove();
    options.onClose();
  };
  render(
    html`<dialog part="dialog" aria-labelledby="title" lang=${options.lang} dir=${options.dir} @close=${onClose}>
      <div class="head">
        <h2 id="title">${options.title}</h2>
        <button type="button" class="close" aria-label=${options.closeLabel} @click=${onClose}>
          <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
            <path d="m3.5 3.5 9 9m0-9-9 9" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" />
          </svg>
        </button>
      </div>
      <div class="body"><slot></slot></div>
    </dialog>`,
    shadow,
  );
  document.body.append(host);
  shadow.querySelector('dialog')!.showModal();

  function remove(): void {
    if (removed) return;
    removed = true;
    const dialog = shadow.querySelector('dialog');
    if (dialog?.open) dialog.close();
    host.remove();
  }
  return { container, remove };
}

/**
 * In place: a container in the pay button's own light DOM, shown through its
 * `checkout` slot (the button is in the page's DOM, not a shadow root).
 */
export function openInPlace(button: HTMLElement): CheckoutSurface {
  const container = checkoutContainer(button);
  container.slot = 'checkout';
  return { container, remove: () => container.remove() };
}

/** The element Stripe.js mounts into, appended to `parent`. */
function checkoutContainer(parent: HTMLElement): HTMLElement {
  const container = document.createElement('div');
  container.setAttribute('data-portico-checkout', '');
  container.style.display = 'block';
  parent.append(container);
  return container;
}

const dialogStyles = css`
  dialog {
    box-sizing: border-box;
    width: min(60rem, calc(100vw - 2rem));
    max-height: calc(100dvh - 2rem);
    padding: 0;
    overflow: auto;
    font-family: var(--_font, system-ui, sans-serif);
    line-height: 1.5;
    color: var(--_text, #1b1f24);
    background: var(--_surface, #ffffff);
    border: 1px solid var(--_border, #d5dae1);
    border-block-start: 6px solid var(--_accent, #2f5bd3);
    border-radius: var(--_radius, 10px);
    box-shadow: 0 1.5rem 4rem rgb(0 0 0 / 0.3);
  }
  dialog::backdrop {
    background: rgb(15 20 25 / 0.55);
  }
  .head {
    position: sticky;
    inset-block-start: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space, 0.5rem);
    padding: calc(var(--_space, 0.5rem) * 1.5) calc(var(--_space, 0.5rem) * 2);
    background: var(--_surface, #ffffff);
    border-block-end: 1px solid var(--_border, #d5dae1);
  }
  h2 {
    margin: 0;
    font-family: var(--_heading-font, inherit);
    font-size: 1.05rem;
    line-height: 1.3;
  }
  .close {
    display: inline-flex;
    flex: none;
    align-items: center;
    justify-content: center;
    width: 2.5rem;
    height: 2.5rem;
    padding: 0;
    color: var(--_text, #1b1f24);
    background: transparent;
    border: 1px solid var(--_border, #d5dae1);
    border-radius: var(--_radius, 10px);
    cursor: pointer;
  }
  .close:hover {
    border-color: var(--_accent, #2f5bd3);
  }
  :focus-visible {
    outline: 3px solid var(--_focus, #1d4ed8);
    outline-offset: 2px;
  }
  .body {
    padding: calc(var(--_space, 0.5rem) * 2);
    /* Stripe's form is light on its own; give it a light ground whatever the page's scheme. */
    background: #ffffff;
    min-height: 20rem;
  }
`;
