/**
 * What the examples share besides Portico itself: a small business with a
 * client and invoices to show, and the development mailbox that stands in
 * for email, so a sign-in link can be opened without sending mail anywhere.
 */
export { seedExampleBusiness, EXAMPLE_CONTACT_EMAIL, type ExampleBusiness, type ExampleBusinessOptions } from './sample-business.js';
export { emailSignInLink, startMailDelivery, type MailDelivery } from './mail.js';
export {
  announceExample,
  closeServer,
  emailExampleSignInLink,
  listen,
  startExampleBackend,
  stopExample,
  type ExampleBackend,
  type PorticoBackend,
} from './example-backend.js';
