/**
 * Every piece of text the client widgets show (the business's own widgets
 * add `AdminStrings`, admin/i18n/strings.ts). A translation is one object of
 * this type: a missing key fails the build. Text that depends on a number or a
 * name is a function, so each language handles its own plurals and order.
 */
export interface Strings {
  /** Heading when the business's name is not known yet. */
  portalTitle: string;
  /** Landmark label of the whole portal. */
  portalLabel: (business: string) => string;
  loading: string;

  signInHeading: (business: string) => string;
  signInIntro: string;
  emailLabel: string;
  emailPlaceholder: string;
  requestLinkButton: string;
  requestingLink: string;
  linkSentHeading: string;
  linkSentBody: string;
  sendAnotherLink: string;
  invalidEmail: string;
  tooManyAttempts: (minutes: number) => string;
  networkError: string;
  /** A write refused for its Origin (the portal opened at 127.0.0.1 rather than localhost, say): where the portal is. */
  wrongOrigin: (expectedOrigin: string) => string;
  unknownError: string;

  continueHeading: string;
  continueBody: string;
  continueButton: string;
  signingIn: string;
  linkExpired: string;
  linkInvalid: string;

  signedInAs: (name: string) => string;
  signOut: string;
  signOutEverywhere: string;
  signingOut: string;
  signedOut: string;
  signedOutEverywhere: (sessions: number) => string;
  sessionEnded: string;

  tabsLabel: string;
  tabAccount: string;
  accountHeading: string;
  accountContact: string;
  accountEmail: string;
  accountSessionEnds: string;
  accountNoContact: string;

  // ---- account self-service (the <portico-account> forms) ----
  accountSave: string;
  accountSaving: string;
  accountSaved: string;
  accountBillingHeading: string;
  accountBillingIntro: string;
  accountBillingName: string;
  accountAddressLine1: string;
  accountAddressLine2: string;
  accountPostalCode: string;
  accountCity: string;
  accountRegion: string;
  accountCountry: string;
  accountCountryHint: string;
  accountVatId: string;
  accountVatIdHint: string;
  accountTaxNumber: string;
  accountLocked: string;
  accountYouHeading: string;
  accountYourName: string;
  accountLanguage: string;
  accountLanguageIntro: string;
  accountLanguageBusiness: string;
  accountTimeZone: string;
  accountTimeZoneIntro: string;
  /** The business's zone as the default choice, e.g. "The business’s (Europe/Berlin)". */
  accountTimeZoneBusiness: (values: { zone: string }) => string;
  accountContactsHeading: string;
  accountContactsIntro: string;
  accountReceivesInvoices: string;
  accountReceivesInvoicesFor: (name: string) => string;
  accountYou: string;
  accountPrimary: string;
  accountRemoveContact: (name: string) => string;
  accountContactRemoved: (name: string) => string;
  accountAddContactHeading: string;
  accountContactName: string;
  accountContactEmail: string;
  accountAddContact: string;
  accountContactAdded: (name: string) => string;
  accountErrorLastRecipient: string;
  accountErrorSelf: string;
  accountErrorDuplicate: string;
  accountErrorInvalid: (field: string) => string;

  // ---- billing: shared ----
  tabInvoices: string;
  /** The Estimates tab (the rest of the estimates' text is in estimates/i18n/, loaded with the tab). */
  tabEstimates: string;
  backToEstimates: string;
  /** A request failed in a way we cannot explain further. */
  loadFailed: string;
  retry: string;
  statusDraft: string;
  statusSent: string;
  statusPartiallyPaid: string;
  statusOverdue: string;
  statusPaid: string;
  statusVoid: string;
  /** The filter chip for every invoice still owed (sent, partially paid, overdue). */
  statusUnpaid: string;

  // ---- <portico-statement> ----
  statementHeading: string;
  statementLoading: string;
  statementAsOf: (date: string) => string;
  statementEmpty: string;
  /** Heading of one currency's figures, e.g. "Euro (EUR)". */
  statementCurrency: (currencyName: string, code: string) => string;
  statementPaidToDate: string;
  statementOutstanding: string;
  statementOverdue: string;
  statementLastPayment: string;
  statementNoPayments: string;
  statementPaidOn: (date: string) => string;
  statementForInvoice: (number: string) => string;
  agingHeading: string;
  agingCaption: (currencyCode: string) => string;
  agingCurrent: string;
  aging1to30: string;
  aging31to60: string;
  aging61to90: string;
  agingOver90: string;
  /** The statement-of-account download under the statement. */
  statementPdfHeading: string;
  statementPdfIntro: string;
  statementPdfFrom: string;
  statementPdfTo: string;
  statementPdfDownload: string;
  statementPdfRangeInvalid: string;

  // ---- invoice lists (client and admin) ----
  invoicesHeading: string;
  invoicesLoading: string;
  columnNumber: string;
  columnStatus: string;
  columnIssueDate: string;
  columnDueDate: string;
  columnAmount: string;
  columnBalance: string;
  filterStatus: string;
  filterAll: string;
  filterFrom: string;
  filterTo: string;
  searchLabel: string;
  searchPlaceholder: string;
  clearFilters: string;
  loadMore: string;
  loadingMore: string;
  showingCount: (shown: number, total: number) => string;
  noInvoices: string;
  noMatches: string;
  unnumbered: string;

  // ---- <portico-invoice-list>: selection and download ----
  selectAll: string;
  selectInvoice: (number: string) => string;
  allLoadedSelected: (count: number) => string;
  selectAllMatching: (count: number) => string;
  allMatchingSelected: (count: number) => string;
  clearSelection: string;
  downloadAll: (count: number) => string;
  downloadSelected: (count: number) => string;
  downloadingLabel: string;
  downloadProgress: (done: number, total: number) => string;
  downloadReady: (count: number) => string;
  saveFile: (filename: string) => string;
  cancelDownload: string;
  downloadCancelled: string;
  downloadFailed: string;

  // ---- <portico-invoice-preview> ----
  invoiceLoading: string;
  invoiceNotFound: string;
  invoiceHeading: (number: string) => string;
  invoiceDraftHeading: string;
  invoiceFrom: string;
  billedTo: string;
  issueDate: string;
  dueDate: string;
  balanceDue: string;
  lineItems: string;
  lineDescription: string;
  lineQuantity: string;
  lineUnitPrice: string;
  lineDiscount: string;
  lineTax: string;
  lineAmount: string;
  subtotal: string;
  discountTotal: string;
  taxTotal: string;
  /** A tax line of the totals, e.g. "Tax 20%" (the rate comes formatted). */
  taxAtRate: (rate: string) => string;
  total: string;
  amountPaid: string;
  paymentsHeading: string;
  paymentOn: (date: string) => string;
  /** A payment method by the server's name for it (`bank_transfer`). */
  paymentMethod: (method: string) => string;
  /** The link to one payment's receipt (a PDF). */
  paymentReceipt: string;
  /** The receipt link's accessible name: which payment it is for. */
  paymentReceiptLabel: (date: string, amount: string) => string;
  notesHeading: string;
  downloadPdf: string;
  printInvoice: string;
  backToInvoices: string;

  // ---- <portico-invoice-preview>: parties, tax summary, how to pay ----
  vatId: string;
  taxNumber: string;
  registrationNumber: string;
  taxSummaryHeading: string;
  /** Column of the tax summary: the VAT category and rate. */
  taxSummaryRate: string;
  taxableAmount: string;
  taxAmount: string;
  taxCategoryStandard: string;
  taxCategoryZero: string;
  taxCategoryExempt: string;
  taxCategoryReverseCharge: string;
  /** The standard reverse-charge sentence, when the business has no wording of its own. */
  taxNoteReverseCharge: string;
  /** The standard exemption sentence, when the business has no wording of its own. */
  taxNoteExempt: string;
  paymentTermsHeading: string;
  howToPayHeading: string;
  bankTransferHeading: string;
  accountHolder: string;
  bankName: string;
  iban: string;
  bic: string;
  accountNumber: string;
  routingNumber: string;
  /** What the client writes in the transfer's reference field (the invoice number). */
  paymentReference: string;
  copy: string;
  /** Accessible name of a Copy button: what it copies. */
  copyValue: (what: string) => string;
  /** Shown in place of "Copy" for a moment after copying. */
  copied: string;
  /** Announced to screen readers after copying. */
  copiedAnnouncement: (what: string) => string;
  /** No card payments and no bank account: who to ask; the email (and phone) follow. */
  payContact: (business: string) => string;

  /** A send button at work (a ticket, a reply, an invoice). */
  sending: string;

  // ---- <portico-pay-button> ----
  payNow: string;
  /** Accessible name of the Pay now button: its visible text (words, amount), then which invoice. */
  payNowLabel: (amount: string, number: string) => string;
  payStarting: string;
  /** Heading over Stripe's form. */
  payCheckoutTitle: (number: string, amount: string) => string;
  payCancel: string;
  payConfirming: string;
  payPaid: string;
  payThanks: string;
  /** Stripe took the payment but the money is not in yet (bank debits). */
  payProcessing: string;
  /** Back from Stripe without a payment (session still open, or expired). */
  payNotCompleted: string;
  payNotConfigured: string;
  payNotPayable: string;
  payProviderError: string;
  /** Stripe.js did not load (blocked, offline). */
  payStripeUnavailable: string;
  /** Back from Stripe, the server could not be asked how it went; the reason follows. */
  payReturnFailed: string;
  /** The invoice list's column of Pay now buttons (read by screen readers). */
  columnPay: string;

  // ---- support tickets: shared ----
  tabSupport: string;
  /** A ticket's number for humans, e.g. "#12" (the number comes formatted). */
  ticketNumber: (number: string) => string;
  ticketStatusOpen: string;
  /** Answered by the business, waiting on the client. */
  ticketStatusPending: string;
  ticketStatusClosed: string;
  /** The unread mark of a ticket (read by screen readers beside its dot). */
  ticketUnread: string;
  /** "3 unread", on badges. */
  unreadCount: (count: number) => string;
  /** When a ticket last had a message. */
  lastActivity: (when: string) => string;
  messageCount: (count: number) => string;
  aboutInvoice: (number: string) => string;
  ticketsLoading: string;
  threadLoading: string;
  attachments: string;
  /** The file picker on ticket forms: its button, the drop hint with the per-file limit, and why a file was not taken. */
  attachFiles: string;
  dropFilesHint: (maxPerFile: string) => string;
  removeFile: (filename: string) => string;
  fileTooLarge: (filename: string, max: string) => string;
  filesTooLarge: (max: string) => string;
  tooManyFiles: (max: number) => string;
  /** The server refused a file for its type or content. */
  fileTypeRefused: string;
  /** An attachment's link text: its name and size. */
  attachmentLink: (filename: string, size: string) => string;
  /** Beside messages that arrived by email. */
  viaEmail: string;
  cancel: string;

  // ---- <portico-ticket-list> ----
  noTickets: string;
  openNewTicket: string;

  // ---- <portico-new-ticket> ----
  newTicketHeading: string;
  subjectLabel: string;
  messageLabel: string;
  invoiceLabel: string;
  invoiceNone: string;
  subjectRequired: string;
  messageRequired: string;
  submitTicket: string;
  ticketOpened: (number: string) => string;

  // ---- <portico-ticket-thread> ----
  backToTickets: string;
  you: string;
  replyLabel: string;
  sendReply: string;
  replyRequired: string;
  replySent: string;
  closedTicketNotice: string;
  /** Live updates: messages that arrived while the thread was open. */
  newMessages: (count: number) => string;

  // ---- what the shared ticket views show the business (the rest of its text is in admin/i18n/) ----
  /** The pending status, as the business sees it. */
  filterPending: string;
}
