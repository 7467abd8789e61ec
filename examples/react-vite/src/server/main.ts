/**
 * `npm start --workspace=@portico/example-react-vite`: the React app and
 * Portico on one port (PORT, default 5173), a fresh in-memory database, and
 * one sign-in link printed to open.
 */
import { EXAMPLE_CONTACT_EMAIL, emailSignInLink } from '@portico/example-kit';
import { startReactSite } from './react-site.js';

const site = await startReactSite({ port: Number(process.env.PORT ?? 5173) });
const link = await emailSignInLink(site.portico.api, site.portico.database, site.mail, {
  businessId: site.sample.business.id,
  invoiceId: site.sample.draftInvoiceId,
  email: EXAMPLE_CONTACT_EMAIL,
});
console.log(`React app at ${site.origin}/, Portico at ${site.origin}/portal.`);
console.log(`Sign in as ${EXAMPLE_CONTACT_EMAIL} (from the development mailbox): ${link}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void site.stop().then(() => process.exit(0)));
}
