/**
 * The text only the business's widgets show (`<portico-admin-invoices>`,
 * `<portico-admin-inbox>`), on top of the client widgets' `Strings`: in
 * admin-widgets.js and its own language files, so a client's page never
 * downloads it. A translation is one object of this type: a missing key
 * fails the build.
 */
export interface AdminStrings {
  // ---- <portico-admin-invoices> ----
  adminInvoicesLabel: string;
  columnClient: string;
  columnActions: string;
  send: string;
  sendAgain: string;
  sendInvoiceLabel: (number: string) => string;
  sendAgainLabel: (number: string) => string;
  sentToContacts: (count: number) => string;
  invoiceSent: (number: string, count: number) => string;

  // ---- <portico-admin-estimates> (also: columnClient, columnActions, send, sendInvoiceLabel, sentToContacts) ----
  adminEstimatesLabel: string;
  columnValidUntil: string;
  columnTotal: string;
  columnInvoice: string;
  /** The status badges: the words of `estimateStatusWords` (@portico/wire); a test keeps them equal. */
  adminEstimateStatusDraft: string;
  adminEstimateStatusSent: string;
  adminEstimateStatusExpired: string;
  adminEstimateStatusAccepted: string;
  adminEstimateStatusDeclined: string;
  adminEstimateStatusConverted: string;
  adminEstimateStatusVoid: string;
  estimatesLoading: string;
  noEstimates: string;
  /** In the Invoice column: the estimate became an invoice that is still a draft, without a number. */
  draftInvoice: string;
  estimatePdf: string;
  estimatePdfLabel: (number: string) => string;
  voidEstimate: string;
  voidEstimateLabel: (number: string) => string;
  /** The second step of Void, which is final. */
  confirmVoid: string;
  confirmVoidLabel: (number: string) => string;
  keepEstimate: string;
  makeInvoice: string;
  makeInvoiceLabel: (number: string) => string;
  estimateSent: (number: string, count: number) => string;
  estimateVoided: (number: string) => string;
  /** `invoice` is the new invoice's number, or null for a draft without one. */
  estimateConverted: (number: string, invoice: string | null) => string;

  // ---- <portico-admin-inbox> ----
  inboxHeading: string;
  inboxFilterLabel: string;
  filterOpen: string;
  filterClosed: string;
  unreadOnly: string;
  inboxEmpty: string;
  inboxPickTicket: string;
  contactsLabel: string;
  internalNote: string;
  internalNoteHint: string;
  /** On a business reply whose email to a contact bounced; the mail server's reason follows as it came. */
  emailBounced: (address: string) => string;
  /** Under a client's email reply: the quoted history and signature the stripper removed, folded away. */
  quotedTextHidden: string;
  hideQuotedText: string;
  addNote: string;
  noteRequired: string;
  noteAdded: string;
  closeTicket: string;
  reopenTicket: string;
  ticketClosed: string;
  ticketReopened: string;
  heldMail: (count: number) => string;
  heldHeading: string;
  heldEmpty: string;
  heldFrom: (sender: string) => string;
  heldUnknownSender: string;
  heldNoSubject: string;
  heldClaimsTicket: string;
  acceptHeld: string;
  discardHeld: string;
  heldAccepted: string;
  heldDiscarded: string;
}
