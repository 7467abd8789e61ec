/**
 * Harbor & Pine's own stylesheet: warm paper, pine green, a serif for
 * headings. No web fonts and no framework; served at /assets/site.css.
 */
export const siteCss = /* css */ `
:root {
  --paper: #f7f3ec;
  --paper-deep: #efe8dc;
  --card: #fffdf9;
  --ink: #1e2926;
  --ink-soft: #4d5a56;
  --muted: #77827e;
  --line: #ddd5c7;
  --pine: #2f5d50;
  --pine-deep: #22463c;
  --harbor: #2c5a78;
  --brass: #b0823a;
  --danger: #a8432f;
  --radius: 10px;
  --serif: "Iowan Old Style", "Palatino Linotype", Palatino, "Book Antiqua", Georgia, serif;
  --sans: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Noto Sans CJK JP", sans-serif;
  --shadow: 0 1px 2px rgb(30 41 38 / 0.06), 0 6px 20px rgb(30 41 38 / 0.05);
  color-scheme: light;
}

*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--paper);
  color: var(--ink);
  font: 16px/1.6 var(--sans);
  text-rendering: optimizeLegibility;
  display: flex;
  flex-direction: column;
  min-height: 100vh;
}
main { flex: 1; }
img { max-width: 100%; }
a { color: var(--pine); text-underline-offset: 0.2em; }
a:hover { color: var(--pine-deep); }
:focus-visible { outline: 3px solid var(--brass); outline-offset: 2px; border-radius: 4px; }

h1, h2, h3 { font-family: var(--serif); font-weight: 600; line-height: 1.15; letter-spacing: -0.01em; margin: 0 0 0.5em; }
h1 { font-size: clamp(2.1rem, 3vw + 1rem, 3.3rem); }
h2 { font-size: clamp(1.5rem, 2vw + 1rem, 2.1rem); }
h3 { font-size: 1.2rem; }
p { margin: 0 0 1em; }

.wrap { width: min(1120px, 100% - 2.5rem); margin-inline: auto; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: var(--card); padding: 0.5rem 1rem; z-index: 10; }

/* Header */
.site-header { border-bottom: 1px solid var(--line); background: rgb(247 243 236 / 0.92); position: sticky; top: 0; z-index: 5; backdrop-filter: blur(6px); }
.site-header .wrap { display: flex; align-items: center; justify-content: space-between; gap: 1rem; min-height: 68px; flex-wrap: wrap; }
.brand { display: inline-flex; align-items: center; gap: 0.6rem; text-decoration: none; color: var(--ink); font-family: var(--serif); font-size: 1.25rem; font-weight: 600; }
.brand svg { flex: none; }
.brand span { white-space: nowrap; }
.nav { display: flex; gap: 0.25rem 1.25rem; flex-wrap: wrap; align-items: center; }
.nav a { color: var(--ink-soft); text-decoration: none; font-size: 0.95rem; padding: 0.25rem 0; border-bottom: 2px solid transparent; }
.nav a:hover { color: var(--ink); }
.nav a[aria-current="page"] { color: var(--ink); border-bottom-color: var(--brass); }
.nav a.nav-portal { color: var(--card); background: var(--pine); padding: 0.4rem 0.9rem; border-radius: 999px; border: 0; }
.nav a.nav-portal:hover { background: var(--pine-deep); }

/* Buttons */
.button { display: inline-flex; align-items: center; gap: 0.5rem; padding: 0.75rem 1.3rem; border-radius: 999px; background: var(--pine); color: #fff; text-decoration: none; font-weight: 600; border: 2px solid var(--pine); }
.button:hover { background: var(--pine-deep); border-color: var(--pine-deep); color: #fff; }
.button.ghost { background: transparent; color: var(--pine); }
.button.ghost:hover { background: var(--pine); color: #fff; }
.button-row { display: flex; gap: 0.75rem; flex-wrap: wrap; align-items: center; }

/* Sections */
.section { padding: clamp(3rem, 6vw, 5.5rem) 0; }
.section.tint { background: var(--paper-deep); }
.eyebrow { font-size: 0.8rem; letter-spacing: 0.14em; text-transform: uppercase; color: var(--brass); font-weight: 600; margin-bottom: 0.75rem; }
.lede { font-size: 1.2rem; color: var(--ink-soft); max-width: 38rem; }
.section-head { max-width: 44rem; margin-bottom: 2.25rem; }

/* Hero */
.hero { padding: clamp(3.5rem, 8vw, 7rem) 0 clamp(3rem, 6vw, 5rem); }
.hero .wrap { display: grid; grid-template-columns: minmax(0, 1.35fr) minmax(0, 1fr); gap: clamp(2rem, 5vw, 4rem); align-items: center; }
.hero h1 em { font-style: italic; color: var(--pine); }
.hero-art { aspect-ratio: 4 / 5; border-radius: 200px 200px var(--radius) var(--radius); position: relative; overflow: hidden; box-shadow: var(--shadow); background: #c6d6cb; }
.hero-art svg { position: absolute; inset: 0; width: 100%; height: 100%; display: block; }

/* Cards and grids */
.grid { display: grid; gap: 1.25rem; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); }
.card { display: flex; flex-direction: column; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 1.5rem; box-shadow: var(--shadow); }
.card h3 { margin-bottom: 0.35em; }
.card p:last-child { margin-bottom: 0; }
.card .price { color: var(--pine); font-weight: 600; font-size: 0.95rem; margin-top: auto; }

/* Call to action */
.cta { background: var(--pine); color: #eef3ef; border-radius: calc(var(--radius) * 2); padding: clamp(2rem, 5vw, 3.5rem); display: grid; grid-template-columns: minmax(0, 1.4fr) auto; gap: 2rem; align-items: center; }
.cta h2 { color: #fff; }
.cta p { color: #d5e2da; max-width: 36rem; }
.cta .button { background: #fff; color: var(--pine-deep); border-color: #fff; }
.cta .button:hover { background: var(--paper); }
.cta small { display: block; color: #b9cdc2; margin-top: 0.75rem; font-size: 0.82rem; max-width: 22rem; }

/* Services page */
.service-list { display: grid; gap: 1.25rem; }
.service { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 2fr) 10rem; gap: 1.5rem; align-items: start; padding: 1.75rem 0; border-top: 1px solid var(--line); }
.service h3 { font-size: 1.4rem; }
.service ul { margin: 0.5rem 0 0; padding-left: 1.1rem; color: var(--ink-soft); }
.service .from { font-family: var(--serif); font-size: 1.25rem; white-space: nowrap; text-align: right; }
.service .from small { display: block; font-family: var(--sans); font-size: 0.8rem; color: var(--muted); }

/* Contact page */
.contact-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 1.25rem; }
.contact-grid dl { margin: 0.9rem 0 0; }
.contact-grid dt { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.1em; color: var(--muted); margin-top: 1rem; }
.contact-grid dt:first-child { margin-top: 0; }
.contact-grid dd { margin: 0.15rem 0 0; }

/* Admin dashboard */
.admin-head { display: flex; justify-content: space-between; align-items: end; gap: 1rem; flex-wrap: wrap; margin-bottom: 2rem; }
.admin-head p { margin: 0; color: var(--ink-soft); }
.totals { display: grid; gap: 1rem; margin-bottom: 2.75rem; }
.totals-row { display: grid; grid-template-columns: 4.5rem repeat(4, minmax(0, 1fr)); gap: 0.75rem; align-items: stretch; }
.totals-row .currency { font-family: var(--serif); font-size: 1.35rem; font-weight: 600; align-self: center; color: var(--ink-soft); }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); padding: 0.9rem 1.1rem; }
.stat span { display: block; font-size: 0.78rem; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); }
.stat strong { display: block; font-size: 1.3rem; font-variant-numeric: tabular-nums; margin-top: 0.15rem; white-space: nowrap; }
.stat.is-overdue strong { color: var(--danger); }
.stat.is-paid strong { color: var(--pine); }
.table-wrap { overflow-x: auto; background: var(--card); border: 1px solid var(--line); border-radius: var(--radius); box-shadow: var(--shadow); margin-bottom: 2.75rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.93rem; }
caption { text-align: left; padding: 1rem 1.1rem 0.25rem; color: var(--muted); font-size: 0.85rem; }
th, td { padding: 0.65rem 1.1rem; text-align: left; border-bottom: 1px solid var(--line); white-space: nowrap; }
th { font-size: 0.75rem; letter-spacing: 0.08em; text-transform: uppercase; color: var(--muted); font-weight: 600; background: #fbf8f3; }
tbody tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: #faf6ef; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.client { white-space: normal; min-width: 12rem; }
td .none { color: var(--muted); }
.badge { display: inline-block; padding: 0.12rem 0.6rem; border-radius: 999px; font-size: 0.78rem; font-weight: 600; letter-spacing: 0.02em; border: 1px solid transparent; }
.badge-draft { background: #ece9e3; color: #5d5a53; border-color: #dcd7ce; }
.badge-sent { background: #e3edf4; color: var(--harbor); border-color: #c8dbe8; }
.badge-overdue { background: #f8e4de; color: var(--danger); border-color: #efc7bb; }
.badge-paid { background: #e2eee7; color: var(--pine-deep); border-color: #c4dbcd; }
.badge-void { background: transparent; color: var(--muted); border-color: var(--line); text-decoration: line-through; }
.part-paid { margin-left: 0.4rem; font-size: 0.78rem; color: var(--muted); }
.clients { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(280px, 1fr)); }
.client-card h3 { font-family: var(--sans); font-size: 1.05rem; font-weight: 600; margin-bottom: 0.15rem; }
.client-card .meta { color: var(--muted); font-size: 0.85rem; margin-bottom: 0.75rem; }
.client-card ul { list-style: none; margin: 0; padding: 0; font-size: 0.92rem; }
.client-card li { padding: 0.4rem 0; border-top: 1px dashed var(--line); display: flex; flex-direction: column; }
.client-card .name { font-weight: 500; }
.client-card li a { color: var(--ink-soft); overflow-wrap: anywhere; }
.client-card .primary { font-size: 0.7rem; color: var(--brass); text-transform: uppercase; letter-spacing: 0.08em; margin-left: 0.35rem; font-weight: 600; }
.client-card .owes { margin: auto 0 0; padding-top: 0.75rem; font-size: 0.88rem; color: var(--ink-soft); }
.portal-note { font-size: 0.85rem; color: var(--muted); }
.more { margin-top: 1.75rem; }
.eyebrow.on-dark { color: #e9c98f; }

/* Footer */
.site-footer { border-top: 1px solid var(--line); padding: 2rem 0; color: var(--muted); font-size: 0.9rem; }
.site-footer .wrap { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; }
.site-footer a { color: var(--ink-soft); }
.site-footer nav { display: flex; gap: 1.25rem; flex-wrap: wrap; }

@media (max-width: 860px) {
  .hero .wrap, .cta { grid-template-columns: 1fr; }
  .hero-art { max-width: 340px; aspect-ratio: 1 / 1; border-radius: 170px 170px var(--radius) var(--radius); }
  .service { grid-template-columns: 1fr; gap: 0.5rem; }
  .service .from { text-align: left; }
  .totals-row { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .totals-row .currency { grid-column: 1 / -1; }
}
@media (max-width: 520px) {
  .site-header .wrap { padding: 0.6rem 0; }
  .nav { gap: 0.25rem 0.9rem; }
  .stat strong { font-size: 1.1rem; }
}
@media (prefers-reduced-motion: no-preference) {
  .button, .nav a { transition: background-color 0.15s, color 0.15s, border-color 0.15s; }
}
/* Admin actions, notices, the mailbox, the portal page */
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.button-small { font: inherit; font-size: 0.85rem; padding: 0.3rem 0.8rem; border-radius: 999px; border: 1px solid var(--pine); background: var(--card); color: var(--pine); cursor: pointer; white-space: nowrap; }
.button-small:hover { background: var(--pine); color: var(--card); }
.button-small:focus-visible { outline: 3px solid var(--brass); outline-offset: 2px; }
.mail-list { list-style: none; padding: 0; margin: 1.5rem 0; display: grid; gap: 0.5rem; }
.mail-list a { display: grid; gap: 0.15rem; padding: 0.85rem 1rem; border: 1px solid var(--line); border-radius: 10px; background: var(--card); text-decoration: none; color: var(--ink); }
.mail-list a:hover { border-color: var(--pine); }
.mail-subject { font-weight: 600; }
.mail-meta { font-size: 0.85rem; color: var(--muted); }
.mail-title { font-size: clamp(1.4rem, 3vw, 2rem); }
.mail-headers { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0 1.5rem; font-size: 0.95rem; }
.mail-headers dt { color: var(--muted); }
.mail-headers dd { margin: 0; overflow-wrap: anywhere; }
.mail-attachments { margin: 0; padding: 0; list-style: none; }
.count-badge { display: inline-block; min-width: 1.4em; padding: 0 0.4em; border-radius: 999px; background: var(--pine); color: #fff; font-size: 0.8rem; font-weight: 700; text-align: center; }
.mail-reply { display: grid; gap: 0.6rem; max-width: 44rem; margin-top: 2rem; }
.mail-reply h2 { margin: 0; }
.mail-reply textarea { font: inherit; padding: 0.6rem 0.75rem; border: 1px solid var(--line); border-radius: 8px; resize: vertical; }
.mail-reply .button { justify-self: start; cursor: pointer; font: inherit; font-weight: 600; }
.mail-frame { width: 100%; min-height: 720px; border: 1px solid var(--line); border-radius: 12px; background: #fff; }
.mail-text pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 1rem; }
.portal-wrap { max-width: 960px; }
.lede { color: var(--ink-soft); max-width: 60ch; }
.studio-portal, .studio-widget { display: block; margin-top: 1.5rem; --portico-accent: var(--pine); --portico-font-family: inherit; }

@media print {
  .site-header, .site-footer, .cta { display: none; }
  body { background: #fff; }
}
`;
