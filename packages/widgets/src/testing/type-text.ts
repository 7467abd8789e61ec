/**
 * Types `text` into an input as a person would, one character at a time, but
 * with every keystroke's input event fired in the same task: a debounce then
 * sees a burst, whatever the machine's load (sendKeys' per-key round trips can
 * outlast a debounce on a busy CI machine and split one search into several).
 */
export function typeText(input: HTMLInputElement, text: string): void {
  for (let length = 1; length <= text.length; length++) {
    input.value = text.slice(0, length);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text[length - 1] ?? null, inputType: 'insertText' }));
  }
}
