import { sql } from 'kysely';
import type { Selectable } from 'kysely';
import type { TicketTable } from '../db/schema.js';
import { int } from '../db/row-values.js';
import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';

export type TicketRow = Selectable<TicketTable>;

/**
 * The ticket, only if it is this business's (and this client's, when one is
 * given); anything else is `ticket_not_found`, so another client's ticket
 * can't be told apart from one that doesn't exist.
 */
export async function requireTicketRow(executor: Executor, businessId: string, ticketId: string, clientId?: string): Promise<TicketRow> {
  let query = executor
    .selectFrom('tickets')
    .selectAll()
    .where('business_id', '=', businessId)
    .where('id', '=', typeof ticketId === 'string' ? ticketId : '');
  if (clientId !== undefined) query = query.where('client_id', '=', typeof clientId === 'string' ? clientId : '');
  const row = await query.executeTakeFirst();
  if (!row) throw new PorticoError('ticket_not_found', 'No such ticket.', { field: 'ticketId' });
  return row;
}

/** Takes the business's next ticket number in one statement, so concurrent opens never share one. */
export async function nextTicketNumber(executor: Executor, businessId: string): Promise<number> {
  const row = await executor
    .updateTable('businesses')
    .set({ next_ticket_number: sql`next_ticket_number + 1` })
    .where('id', '=', businessId)
    .returning(sql<number>`next_ticket_number - 1`.as('n'))
    .executeTakeFirstOrThrow();
  return int(row.n);
}

/** The contact, if it is one of this client's; for naming the author of a client message. */
export async function requireClientContact(
  executor: Executor,
  businessId: string,
  clientId: string,
  contactId: string,
): Promise<{ id: string; name: string }> {
  const row =
    typeof contactId === 'string'
      ? await executor
          .selectFrom('contacts')
          .select(['id', 'name'])
          .where('business_id', '=', businessId)
          .where('client_id', '=', clientId)
          .where('id', '=', contactId)
          .executeTakeFirst()
      : undefined;
  if (!row) throw new PorticoError('contact_not_found', "No such contact at this ticket's client.", { field: 'contactId' });
  return row;
}
