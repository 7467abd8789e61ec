const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEscapes[c]!);
}

/** An absolute http(s) URL, normalised; anything else (javascript:, data:, relative) is refused. */
export function requireHttpLink(value: unknown, field: string): string {
  if (typeof value === 'string') {
    try {
      const url = new URL(value);
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.href;
    } catch {
      // refused below
    }
  }
  throw new TypeError(`${field} must be an absolute http(s) URL.`);
}
