/** Small readers of a rendered widget's shadow DOM, shared by the widget tests. */

/** The one element in `el`'s shadow root that matches `selector`; throws when there is none. */
export function $(el: Element, selector: string): HTMLElement {
  const found = el.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

/** A node's text with its white space collapsed, as a reader sees it. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** A description list's rows (`<div><dt/><dd/></div>`) as [term, description] pairs. */
export function pairs(list: Element): Array<[string, string]> {
  return [...list.querySelectorAll(':scope > div')].map((row) => [text(row.querySelector('dt')), text(row.querySelector('dd'))]);
}
