import { plural } from '../../i18n/plural.js';
import type { AdminStrings } from './strings.js';

const p = (n: number, one: string, other: string): string => plural('it', n, { one, other });

export const it: AdminStrings = {
  adminInvoicesLabel: 'Fatture',
  columnClient: 'Cliente',
  columnActions: 'Azioni',
  send: 'Invia',
  sendAgain: 'Invia di nuovo',
  sendInvoiceLabel: (number) => `Invia: ${number}`,
  sendAgainLabel: (number) => `Invia di nuovo: ${number}`,
  sentToContacts: (n) => p(n, 'Inviata a # contatto', 'Inviata a # contatti'),
  invoiceSent: (number, n) => `${number} ${p(n, 'inviata a # contatto', 'inviata a # contatti')}.`,

  inboxHeading: "Posta dell'assistenza",
  inboxFilterLabel: 'Mostra richieste',
  filterOpen: 'Aperte',
  filterClosed: 'Chiuse',
  unreadOnly: 'Solo non lette',
  inboxEmpty: 'Nessuna richiesta qui.',
  inboxPickTicket: 'Scegli una richiesta per leggerla.',
  contactsLabel: 'Contatti',
  internalNoteHint: 'Le note interne sono visibili solo al tuo team. Il cliente non riceve email.',
  addNote: 'Aggiungi nota',
  noteRequired: 'Scrivi prima la nota.',
  noteAdded: 'Nota aggiunta.',
  closeTicket: 'Chiudi richiesta',
  reopenTicket: 'Riapri richiesta',
  ticketClosed: 'Richiesta chiusa.',
  ticketReopened: 'Richiesta riaperta.',
  heldMail: (n) => `Email trattenute (${n})`,
  heldHeading: 'Email trattenute',
  heldEmpty: 'Nessuna email in attesa di verifica.',
  heldFrom: (sender) => `Da ${sender}`,
  heldUnknownSender: 'Mittente sconosciuto',
  heldNoSubject: '(nessun oggetto)',
  heldClaimsTicket: 'Dichiara di rispondere a una richiesta',
  acceptHeld: 'Accetta',
  discardHeld: 'Scarta',
  heldAccepted: 'Email accettata.',
  heldDiscarded: 'Email scartata.',
};
