export {
  describeEachDatabase,
  openTestPostgres,
  openTestSqlite,
  POSTGRES_URL_VARIABLE,
  testPostgresPool,
  type TestDatabase,
  type TestDatabaseOptions,
  type TestPostgresOptions,
} from './databases.js';
export { seedBusiness, draftInput, type SeededBusiness } from './fixtures.js';
export { countRows, expectPorticoError, expectPorticoErrorSync, type CountedTable } from './assertions.js';
export { FakeStripe, type FakeCheckoutSession, type StripeRequest } from './fake-stripe.js';
export { buildTestEmail, type TestEmailInput } from './inbound-email.js';
export { startWebhookReceiver, type ReceivedWebhook, type WebhookReceiver } from './webhook-receiver.js';
/** For seeds that write invoice rows straight into the table (the benches' years of history): the search text the services store. */
export { invoiceSearchText } from '../invoices/invoice-search-text.js';
/** For seeds that write sign-in link rows straight into the table (the sign-in bench): tokens that pass the business's keyed check. */
export { linkTokenMaker } from '../auth/link-tokens.js';
export { germanSellerProfile, italianBuyerBilling } from './lawful-parties.js';
/** pdftotext and unzip on bytes, for tests of the PDFs and ZIPs served. */
export { normalizeExtracted, pdfToText, unzipEntry, unzipNames, unzipTest } from '../documents/pdf-tools.js';
