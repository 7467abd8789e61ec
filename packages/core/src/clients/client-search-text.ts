import type { Executor } from '../context.js';
import { searchTextOf } from '../shared/search-text.js';

/** What a client is found by (besides its contacts' emails): its name and the host's id for it. */
export interface ClientSearchFields {
  name: string;
  externalId: string | null;
}

/** The client's `search_text` (see `shared/search-text.ts`). */
export function clientSearchText({ name, externalId }: ClientSearchFields): string {
  return searchTextOf([name, externalId]);
}

/** Writes the client's `search_text` again from its stored name and external id; call it in the transaction that changed them. */
export async function refreshClientSearchText(executor: Executor, businessId: string, clientId: string): Promise<void> {
  const client = await executor
    .selectFrom('clients')
    .select(['name', 'external_id'])
    .where('business_id', '=', businessId)
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  const searchText = clientSearchText({ name: client.name, externalId: client.external_id });
  await executor.updateTable('clients').set({ search_text: searchText }).where('business_id', '=', businessId).where('id', '=', clientId).execute();
}
