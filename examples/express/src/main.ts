/**
 * `npm start --workspace=@portico/example-express`: the Express site on
 * PORT (default 3000), a fresh in-memory database, and one sign-in link
 * printed to open.
 */
import { EXAMPLE_CONTACT_EMAIL, emailSignInLink } from '@portico/example-kit';
import { startExpressSite } from './express-site.js';

const site = await startExpressSite({ port: Number(process.env.PORT ?? 3000) });
const link = await emailSignInLink(site.portico.api, site.portico.database, site.mail, {
  businessId: site.sample.business.id,
  invoiceId: site.sample.draftInvoiceId,
  email: EXAMPLE_CONTACT_EMAIL,
});
console.log(`Express site at ${site.origin}/account, Portico at ${site.origin}/portal.`);
console.log(`Sign in as ${EXAMPLE_CONTACT_EMAIL} (from the development mailbox): ${link}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void site.stop().then(() => process.exit(0)));
}
