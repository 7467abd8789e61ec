import type { ClientRow } from '../db/schema.js';
import type { Executor } from '../context.js';
import { PorticoError } from '../shared/errors.js';

/** The client row, only if it belongs to this business; otherwise `client_not_found`. */
export async function requireClientRow(executor: Executor, businessId: string, clientId: string): Promise<ClientRow> {
  const row =
    typeof clientId === 'string'
      ? await executor
          .selectFrom('clients')
          .selectAll()
          .where('business_id', '=', businessId)
          .where('id', '=', clientId)
          .executeTakeFirst()
      : undefined;
  if (!row) {
    throw new PorticoError('client_not_found', `No client with id ${JSON.stringify(clientId)} in this business.`, {
      field: 'clientId',
    });
  }
  return row;
}
