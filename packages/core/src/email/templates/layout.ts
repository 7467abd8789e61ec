import type { Locale } from '../../shared/locales.js';
import { brandColor, linkColor, textColorOn } from '../../shared/brand-colors.js';
import { escapeHtml, requireHttpLink } from './escape.js';

/** What a template shows of the business that sends the email (a `Business` has these and more). */
export interface EmailBrand {
  name: string;
  brandColor: string;
  logoUrl: string | null;
  /** IANA zone, for the dates and times in the email. */
  timeZone: string;
}

/** What one email says, before it is laid out as HTML or as plain text. All values are raw text. */
export interface EmailContent {
  business: Pick<EmailBrand, 'name' | 'brandColor' | 'logoUrl'>;
  locale: Locale;
  direction: 'ltr' | 'rtl';
  subject: string;
  /** Shown by mail clients next to the subject, hidden in the body. */
  preheader: string;
  greeting: string;
  paragraphs: string[];
  /** A message quoted in full (a ticket reply): its heading and its text, line breaks kept. */
  message?: { heading: string; text: string };
  /** Earlier messages of a conversation, newest first, under everything else: each heading says who and when. */
  history?: { heading: string; entries: Array<{ heading: string; text: string }> };
  /** Label and value pairs, shown as a small table. */
  details: Array<{ label: string; value: string }>;
  button: { label: string; url: string };
  /** Under the button in HTML. */
  htmlNotes: string[];
  /** Under the link in the text part. */
  textNotes: string[];
  buttonFallback: string;
  footer: string;
}

const fontStack = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans','Hiragino Sans','Noto Sans JP','Noto Sans Arabic',Tahoma,sans-serif";
const page = '#f3f4f6';
const ink = '#1f2937';
const muted = '#6b7280';

/**
 * The HTML part: nested tables and inline styles only (what Outlook, Gmail and
 * Apple Mail all render), at most 600 px wide, a bulletproof button (a padded
 * link in a coloured cell, with a VML shape for Outlook on Windows), and the
 * link written out under it. Every value is escaped here.
 */
export function renderEmailHtml(input: EmailContent): string {
  const content = tidy(input);
  const dir = content.direction;
  const start = dir === 'rtl' ? 'right' : 'left';
  const brand = brandColor(content.business.brandColor);
  const url = requireHttpLink(content.button.url, 'link');
  const name = escapeHtml(content.business.name);
  const end = dir === 'rtl' ? 'left' : 'right';
  const style = (color: string, align: string, rest: string) => `font-family:${fontStack};color:${color};text-align:${align};${rest}`;

  const logo = content.business.logoUrl ? safeLink(content.business.logoUrl) : null;
  const header = `${
    logo
      ? `<img src="${escapeHtml(logo)}" alt="${name}" height="40" style="display:block;height:40px;width:auto;max-width:200px;border:0;outline:none;text-decoration:none;margin:0 0 12px 0;">`
      : ''
  }<div style="${style(ink, start, 'font-size:20px;line-height:28px;font-weight:700;')}">${name}</div>`;

  const paragraphs = [content.greeting, ...content.paragraphs]
    .map((p) => `<p style="margin:0 0 16px 0;">${escapeHtml(p)}</p>`)
    .join('');

  const details =
    content.details.length === 0
      ? ''
      : `<tr><td style="padding:8px 32px 8px 32px;"><table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;background-color:#f9fafb;border-radius:6px;">${content.details
          .map(
            (row) =>
              `<tr><td style="${style(muted, start, 'padding:10px 16px;font-size:14px;line-height:20px;')}">${escapeHtml(row.label)}</td><td style="${style(ink, end, 'padding:10px 16px;font-size:15px;line-height:20px;font-weight:700;')}">${escapeHtml(row.value)}</td></tr>`,
          )
          .join('')}</table></td></tr>`;

  const message = content.message
    ? `<tr><td align="${start}" style="${style(muted, start, 'padding:4px 32px 0 32px;font-size:14px;line-height:20px;')}">${escapeHtml(content.message.heading)}</td></tr>
<tr><td style="padding:8px 32px 8px 32px;"><div dir="auto" style="${style(ink, 'start', `padding:12px 16px;font-size:15px;line-height:23px;white-space:pre-wrap;word-break:break-word;background-color:#f9fafb;border-${start}:3px solid ${brand};border-radius:4px;`)}">${escapeHtml(content.message.text)}</div></td></tr>`
    : '';

  const history =
    content.history && content.history.entries.length > 0
      ? `<tr><td align="${start}" style="${style(muted, start, 'padding:8px 32px 28px 32px;font-size:13px;line-height:20px;border-top:1px solid #e5e7eb;')}"><p style="margin:12px 0 8px 0;font-weight:700;">${escapeHtml(content.history.heading)}</p>${content.history.entries
          .map(
            (entry) =>
              `<p style="margin:12px 0 4px 0;">${escapeHtml(entry.heading)}</p><div dir="auto" style="${style(muted, 'start', `margin:0;padding:0 12px;white-space:pre-wrap;word-break:break-word;border-${start}:3px solid #e5e7eb;`)}">${escapeHtml(entry.text)}</div>`,
          )
          .join('')}</td></tr>`
      : '';

  const notes = content.htmlNotes
    .map((note) => `<p style="margin:0 0 12px 0;">${escapeHtml(note)}</p>`)
    .join('');

  return `<!DOCTYPE html>
<html lang="${content.locale}" dir="${dir}" xmlns="http://www.w3.org/1999/xhtml" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="x-apple-disable-message-reformatting">
<meta name="format-detection" content="telephone=no, date=no, address=no, email=no">
<meta name="color-scheme" content="light">
<meta name="supported-color-schemes" content="light">
<title>${escapeHtml(content.subject)}</title>
<!--[if mso]><noscript><xml><o:OfficeDocumentSettings><o:PixelsPerInch>96</o:PixelsPerInch></o:OfficeDocumentSettings></xml></noscript><![endif]-->
</head>
<body dir="${dir}" style="margin:0;padding:0;width:100%;background-color:${page};-webkit-text-size-adjust:100%;-ms-text-size-adjust:100%;">
<div style="display:none;font-size:1px;line-height:1px;max-height:0;max-width:0;opacity:0;overflow:hidden;mso-hide:all;">${escapeHtml(content.preheader)}</div>
<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:${page};">
<tr><td align="center" style="padding:32px 12px;">
<!--[if mso]><table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" align="center"><tr><td><![endif]-->
<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;background-color:#ffffff;border-top:4px solid ${brand};border-radius:8px;">
<tr><td align="${start}" style="padding:28px 32px 8px 32px;">${header}</td></tr>
<tr><td align="${start}" style="${style(ink, start, 'padding:12px 32px 0 32px;font-size:16px;line-height:24px;')}">${paragraphs}</td></tr>
${message}
${details}
<tr><td align="center" style="padding:20px 32px 20px 32px;">${button(content.button.label, url, brand)}</td></tr>
<tr><td align="${start}" style="${style(muted, start, 'padding:0 32px 8px 32px;font-size:14px;line-height:21px;')}">${notes}</td></tr>
<tr><td align="${start}" style="${style(muted, start, 'padding:0 32px 28px 32px;font-size:13px;line-height:20px;')}">${escapeHtml(content.buttonFallback)}<br><a href="${escapeHtml(url)}" dir="ltr" style="color:${linkColor(brand)};text-decoration:underline;word-break:break-all;">${escapeHtml(url)}</a></td></tr>
${history}
</table>
<table role="presentation" dir="${dir}" width="100%" cellpadding="0" cellspacing="0" border="0" style="max-width:600px;">
<tr><td align="center" style="${style(muted, 'center', 'padding:16px 32px;font-size:12px;line-height:18px;')}">${escapeHtml(content.footer)}</td></tr>
</table>
<!--[if mso]></td></tr></table><![endif]-->
</td></tr>
</table>
</body>
</html>`;
}

/** The plain-text part: the same words, and the link on a line of its own. */
export function renderEmailText(input: EmailContent): string {
  const content = tidy(input);
  const blocks = [
    content.greeting,
    ...content.paragraphs,
    content.message ? `${content.message.heading}\n\n${content.message.text}` : '',
    content.details.map((row) => `${row.label}: ${row.value}`).join('\n'),
    `${content.button.label}:\n${requireHttpLink(content.button.url, 'link')}`,
    ...content.textNotes,
    content.history && content.history.entries.length > 0
      ? [`--- ${content.history.heading} ---`, ...content.history.entries.map((entry) => `${entry.heading}\n${entry.text}`)].join('\n\n')
      : '',
    `--\n${content.footer}`,
  ];
  return `${blocks.filter((block) => block !== '').join('\n\n')}\n`;
}

/** A button every client draws: VML for Outlook on Windows, a padded link in a coloured cell elsewhere. */
function button(label: string, url: string, color: string): string {
  const textColor = textColorOn(color);
  const href = escapeHtml(url);
  const caption = escapeHtml(label);
  const width = Math.min(Math.max(label.length * 10 + 64, 200), 520);
  return `<table role="presentation" cellpadding="0" cellspacing="0" border="0" align="center" style="margin:0 auto;"><tr><td align="center" bgcolor="${color}" style="border-radius:6px;background-color:${color};">
<!--[if mso]><v:roundrect xmlns:v="urn:schemas-microsoft-com:vml" xmlns:w="urn:schemas-microsoft-com:office:word" href="${href}" style="height:48px;v-text-anchor:middle;width:${width}px;" arcsize="13%" stroke="f" fillcolor="${color}"><w:anchorlock/><center style="color:${textColor};font-family:Arial,sans-serif;font-size:16px;font-weight:bold;">${caption}</center></v:roundrect><![endif]-->
<!--[if !mso]><!--><a href="${href}" target="_blank" style="display:inline-block;padding:14px 32px;font-family:${fontStack};font-size:16px;line-height:20px;font-weight:700;color:${textColor};text-decoration:none;border-radius:6px;background-color:${color};mso-padding-alt:0;">${caption}</a><!--<![endif]-->
</td></tr></table>`;
}

function safeLink(value: string): string | null {
  try {
    return requireHttpLink(value, 'logoUrl');
  } catch {
    return null;
  }
}

/**
 * A value that ends a sentence with its own full stop ("Acme Inc.", a Russian
 * date "17 марта 2026 г.") must not get a second one from the sentence.
 */
function tidy(content: EmailContent): EmailContent {
  const fix = (sentence: string) => sentence.replace(/(?<!\.)\.\.(?!\.)/g, '.');
  return {
    ...content,
    greeting: fix(content.greeting),
    paragraphs: content.paragraphs.map(fix),
    htmlNotes: content.htmlNotes.map(fix),
    textNotes: content.textNotes.map(fix),
    footer: fix(content.footer),
  };
}
