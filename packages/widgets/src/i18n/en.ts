import type { Strings } from './strings.js';

const minutes = (n: number): string => (n === 1 ? '1 minute' : `${n} minutes`);

export const en: Strings = {
  portalTitle: 'Client portal',
  portalLabel: (business) => `${business} client portal`,
  loading: 'Loading your portal…',

  signInHeading: (business) => `Sign in to ${business}`,
  signInIntro: 'Enter the email address your invoices are sent to, and we will email you a sign-in link.',
  emailLabel: 'Email address',
  emailPlaceholder: 'name@example.com',
  requestLinkButton: 'Email me a sign-in link',
  requestingLink: 'Sending…',
  linkSentHeading: 'Check your email',
  linkSentBody: 'If this address belongs to a client account, a sign-in link is on its way. It works once and for a limited time.',
  sendAnotherLink: 'Use another address',
  invalidEmail: 'Please enter an email address like name@example.com.',
  tooManyAttempts: (n) => `Too many attempts. Please wait ${minutes(n)} and try again.`,
  networkError: 'We could not reach the portal. Check your connection and try again.',
  unknownError: 'Something went wrong. Please try again.',

  continueHeading: 'Sign in to your portal',
  continueBody: 'Press the button to open your portal. The link in your email works once.',
  continueButton: 'Continue to your portal',
  signingIn: 'Signing in…',
  linkExpired: 'This sign-in link has expired. Enter your email address and we will send you a new one.',
  linkInvalid: 'This sign-in link has already been used or is not valid. Enter your email address and we will send you a new one.',

  signedInAs: (name) => `Signed in as ${name}`,
  signOut: 'Sign out',
  signOutEverywhere: 'Sign out everywhere',
  signingOut: 'Signing out…',
  signedOut: 'You have signed out.',
  signedOutEverywhere: (n) => (n === 1 ? 'You have signed out.' : `You have signed out on all ${n} devices.`),
  sessionEnded: 'Your session has ended. Sign in again to continue.',

  tabsLabel: 'Portal sections',
  tabAccount: 'Account',
  accountHeading: 'Your account',
  accountClient: 'Client',
  accountContact: 'Signed in as',
  accountEmail: 'Email',
  accountSessionEnds: 'Session ends',
  accountNoContact: 'Signed in from an invoice link',
};
