export { renderInvoiceEmail, type InvoiceEmailInput, type RenderedEmail } from './invoice-email.js';
export { renderSignInEmail, type SignInEmailInput } from './sign-in-email.js';
export { renderTicketReplyEmail, type TicketReplyEmailInput } from './ticket-reply-email.js';
export { emailStrings, type EmailStrings } from './email-strings.js';
export { renderReceiptEmail, type ReceiptEmailInput } from './receipt-email.js';
export { renderEstimateEmail, renderEstimateResponseEmail, type EstimateEmailInput, type EstimateResponseEmailInput } from './estimate-email.js';
export { renderStaffTicketEmail, type StaffTicketEmailInput } from './staff-ticket-email.js';
