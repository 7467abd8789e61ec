import { plural } from '../../i18n/plural.js';
import type { AdminStrings } from './strings.js';

const p = (n: number, one: string, other: string): string => plural('de', n, { one, other });

export const de: AdminStrings = {
  adminInvoicesLabel: 'Rechnungen',
  columnClient: 'Kunde',
  columnActions: 'Aktionen',
  send: 'Senden',
  sendAgain: 'Erneut senden',
  sendInvoiceLabel: (number) => `Senden: ${number}`,
  sendAgainLabel: (number) => `Erneut senden: ${number}`,
  sentToContacts: (n) => p(n, 'An # Kontakt gesendet', 'An # Kontakte gesendet'),
  invoiceSent: (number, n) => `${number} ${p(n, 'an # Kontakt gesendet', 'an # Kontakte gesendet')}.`,

  inboxHeading: 'Support-Posteingang',
  inboxFilterLabel: 'Anfragen anzeigen',
  filterOpen: 'Offen',
  filterClosed: 'Geschlossen',
  unreadOnly: 'Nur ungelesene',
  inboxEmpty: 'Hier gibt es keine Anfragen.',
  inboxPickTicket: 'Wählen Sie eine Anfrage, um sie zu lesen.',
  contactsLabel: 'Kontakte',
  internalNoteHint: 'Interne Notizen sieht nur Ihr Team. Der Kunde erhält keine E-Mail.',
  addNote: 'Notiz hinzufügen',
  noteRequired: 'Bitte schreiben Sie zuerst die Notiz.',
  noteAdded: 'Notiz hinzugefügt.',
  closeTicket: 'Anfrage schließen',
  reopenTicket: 'Anfrage wieder öffnen',
  ticketClosed: 'Anfrage geschlossen.',
  ticketReopened: 'Anfrage wieder geöffnet.',
  heldMail: (n) => `Zurückgehaltene E-Mails (${n})`,
  heldHeading: 'Zurückgehaltene E-Mails',
  heldEmpty: 'Keine E-Mail wartet auf Prüfung.',
  heldFrom: (sender) => `Von ${sender}`,
  heldUnknownSender: 'Unbekannter Absender',
  heldNoSubject: '(kein Betreff)',
  heldClaimsTicket: 'Gibt vor, eine Anfrage zu beantworten',
  acceptHeld: 'Annehmen',
  discardHeld: 'Verwerfen',
  heldAccepted: 'E-Mail angenommen.',
  heldDiscarded: 'E-Mail verworfen.',
};
