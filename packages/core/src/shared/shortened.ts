/** The text as is when it fits in `max` characters, else its start and an ellipsis, `max` characters in all. */
export function shortened(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
