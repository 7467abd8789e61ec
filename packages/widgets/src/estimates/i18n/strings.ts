/**
 * The text only the estimate widgets show (`<portico-estimate-list>`,
 * `<portico-estimate-preview>`), on top of the client widgets' `Strings`:
 * in the estimates' own files, fetched when the portal's Estimates tab
 * opens, so the first view never downloads it. A translation is one object
 * of this type: a missing key fails the build.
 */
export interface EstimateStrings {
  // ---- the list ----
  estimatesHeading: string;
  estimatesLoading: string;
  /** The empty state: nothing was ever sent. */
  noEstimates: string;
  columnValidUntil: string;
  columnTotal: string;
  selectEstimate: (number: string) => string;
  estimateStatusAccepted: string;
  estimateStatusDeclined: string;
  estimateStatusExpired: string;
  estimateStatusConverted: string;
  estimateDownloadProgress: (done: number, total: number) => string;
  estimateDownloadReady: (count: number) => string;
  estimateDownloadingLabel: string;
  /** Announced when "select all" is ticked. */
  allEstimatesSelected: (count: number) => string;

  // ---- the preview ----
  estimateHeading: (number: string) => string;
  estimateLoading: string;
  estimateNotFound: string;
  /** The buyer's heading (an invoice says "Billed to"). */
  preparedFor: string;
  validUntil: string;
  /** A sent estimate the client can still answer. */
  respondPrompt: (date: string) => string;
  accept: string;
  decline: string;
  acceptHeading: string;
  acceptNameLabel: string;
  acceptNameHint: string;
  acceptConfirm: (number: string, total: string) => string;
  acceptSubmit: string;
  accepting: string;
  nameRequired: string;
  confirmRequired: string;
  declineHeading: string;
  declineReasonLabel: string;
  declineSubmit: string;
  declining: string;
  cancel: string;
  answerIsFinal: string;
  acceptedBy: (name: string, date: string) => string;
  acceptedVersion: (hash: string) => string;
  declinedOn: (date: string) => string;
  declineReason: (reason: string) => string;
  expiredNote: (date: string) => string;
  convertedNote: string;
  voidNote: string;
  viewInvoice: string;
  /** The server refused: past valid-until. */
  errorExpired: string;
  /** The server refused: answered already (or withdrawn). */
  errorAlreadyAnswered: string;
}
