export { EmailDeliveryError, isEmailDeliveryError, type EmailAttachment, type EmailTransport, type OutgoingEmail, type SendResult } from './transport.js';
export { resendTransport, type ResendTransportOptions } from './resend-transport.js';
export { smtpTransport, type SmtpEmailTransport, type SmtpTransportOptions } from './smtp-transport.js';
export {
  developmentMailboxTransport,
  getMailboxEmail,
  listMailbox,
  type MailboxEmail,
  type MailboxListOptions,
} from './development-mailbox.js';
