/**
 * Every piece of text the widgets show. A translation is one object of this
 * type: a missing key fails the build. Text that depends on a number or a
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
  accountClient: string;
  accountContact: string;
  accountEmail: string;
  accountSessionEnds: string;
  accountNoContact: string;
}
