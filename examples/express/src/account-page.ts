/**
 * The site's own account page: its header, then Portico's portal from one
 * script tag; with `grant` (the member area), the portal signs its user in at once.
 */
export function accountPage({ portalPath, business, businessName, grant }: { portalPath: string; business: string; businessName: string; grant?: string }): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Your account · ${escapeHtml(businessName)}</title>
    <script type="module" src="${portalPath}/widgets.js"></script>
    <style>
      body { font-family: system-ui, sans-serif; margin: 0; background: #faf8fc; }
      header { padding: 1rem 2rem; background: #7a3e9d; color: #fff; }
      main { max-width: 72rem; margin: 2rem auto; padding: 0 1rem; }
    </style>
  </head>
  <body>
    <header><strong>${escapeHtml(businessName)}</strong></header>
    <main>
      <portico-portal server="${portalPath}" business="${escapeHtml(business)}"${grant ? ` grant="${escapeHtml(grant)}"` : ''}></portico-portal>
    </main>
  </body>
</html>
`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
