/**
 * `npm start --workspace=@portico/example-static-html`: the plain page at
 * http://127.0.0.1:8080 (PAGE_PORT), Portico at http://localhost:3000/portal
 * (PORTICO_PORT; the page names this address), and one sign-in link printed.
 */
import { EXAMPLE_CONTACT_EMAIL, emailSignInLink } from '@portico/example-kit';
import { startCrossOriginSite } from './cross-origin-site.js';

const site = await startCrossOriginSite({
  pagePort: Number(process.env.PAGE_PORT ?? 8080),
  porticoPort: Number(process.env.PORTICO_PORT ?? 3000),
});
const { portico } = site;
const link = await emailSignInLink(portico.portico.api, portico.portico.database, portico.mail, {
  businessId: portico.sample.business.id,
  invoiceId: portico.sample.draftInvoiceId,
  email: EXAMPLE_CONTACT_EMAIL,
});
console.log(`The page: ${site.page.origin}/  ·  Portico: ${portico.origin}/portal`);
console.log(`Sign in as ${EXAMPLE_CONTACT_EMAIL} (from the development mailbox): ${link}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void site.stop().then(() => process.exit(0)));
}
