import type { Locale } from '@portico/core';
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** The document around every page the server renders itself: not for search engines, right to left in Arabic. */
export function pageShell({ locale, title, css, head = '', body }: { locale: Locale | string; title: string; css: string; head?: Html | ''; body: Html }) {
  return html`<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>${raw(css)}</style>
${head}
</head>
<body>
${body}
</body>
</html>`;
}
