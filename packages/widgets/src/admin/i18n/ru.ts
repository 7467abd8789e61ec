import { plural } from '../../i18n/plural.js';
import type { AdminStrings } from './strings.js';

const p = (n: number, one: string, few: string, many: string): string => plural('ru', n, { one, few, many, other: few });

export const ru: AdminStrings = {
  adminInvoicesLabel: 'Счета',
  columnClient: 'Клиент',
  columnActions: 'Действия',
  send: 'Отправить',
  sendAgain: 'Отправить снова',
  sendInvoiceLabel: (number) => `Отправить: ${number}`,
  sendAgainLabel: (number) => `Отправить снова: ${number}`,
  sentToContacts: (n) => p(n, 'Отправлен # контакту', 'Отправлен # контактам', 'Отправлен # контактам'),
  invoiceSent: (number, n) => `${number}: ${p(n, 'отправлен # контакту', 'отправлен # контактам', 'отправлен # контактам')}.`,

  inboxHeading: 'Входящие поддержки',
  inboxFilterLabel: 'Показать обращения',
  filterOpen: 'Открытые',
  filterClosed: 'Закрытые',
  unreadOnly: 'Только непрочитанные',
  inboxEmpty: 'Здесь нет обращений.',
  inboxPickTicket: 'Выберите обращение, чтобы прочитать его.',
  contactsLabel: 'Контакты',
  internalNoteHint: 'Внутренние заметки видит только ваша команда. Клиенту письмо не отправляется.',
  addNote: 'Добавить заметку',
  noteRequired: 'Сначала напишите заметку.',
  noteAdded: 'Заметка добавлена.',
  closeTicket: 'Закрыть обращение',
  reopenTicket: 'Открыть снова',
  ticketClosed: 'Обращение закрыто.',
  ticketReopened: 'Обращение открыто снова.',
  heldMail: (n) => `Задержанные письма (${n})`,
  heldHeading: 'Задержанные письма',
  heldEmpty: 'Нет писем, ожидающих проверки.',
  heldFrom: (sender) => `От ${sender}`,
  heldUnknownSender: 'Неизвестный отправитель',
  heldNoSubject: '(без темы)',
  heldClaimsTicket: 'Выдаёт себя за ответ в обращении',
  acceptHeld: 'Принять',
  discardHeld: 'Удалить',
  heldAccepted: 'Письмо принято.',
  heldDiscarded: 'Письмо удалено.',
};
