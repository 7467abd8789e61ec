import { waitUntil } from './wait-until.js';

/**
 * Clicks a document link in bearer mode as a person would, and answers
 * whether the widget stopped the link's own navigation (a plain link carries
 * no token) and the hidden link it then saved the fetched file through.
 * The hidden link's own click is stopped, so the test page downloads nothing.
 */
export async function clickAndSave(root: ShadowRoot, link: Element): Promise<{ prevented: boolean; saved: HTMLAnchorElement }> {
  const saved: HTMLAnchorElement[] = [];
  const observer = new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => n instanceof HTMLAnchorElement && saved.push(n))));
  observer.observe(root, { childList: true });
  const stopSaving = (event: Event) => event.target !== link && event.preventDefault();
  root.addEventListener('click', stopSaving);
  try {
    const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
    link.dispatchEvent(click);
    await waitUntil(() => saved.length === 1, 'the file was not saved');
    return { prevented: click.defaultPrevented, saved: saved[0]! };
  } finally {
    observer.disconnect();
    root.removeEventListener('click', stopSaving);
  }
}
