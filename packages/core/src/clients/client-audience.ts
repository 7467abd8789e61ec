import type { Executor } from '../context.js';
import type { Locale } from '../shared/locales.js';
import { clientRecipients } from './contacts.js';

export interface ClientAudience {
  /** The client's language, else the business's. */
  locale: Locale;
  /** The contacts asked for, the primary one first. */
  contacts: Array<{ id: string; name: string; email: string }>;
}

/** Who a client's emails go to (every contact, or those who receive invoices), and in which language. */
export async function clientAudience(
  executor: Executor,
  businessId: string,
  clientId: string,
  businessLocale: Locale,
  which: 'all' | 'invoices' = 'all',
): Promise<ClientAudience> {
  const client = await executor
    .selectFrom('clients')
    .select('locale')
    .where('business_id', '=', businessId)
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  return {
    locale: (client.locale as Locale | null) ?? businessLocale,
    contacts: await clientRecipients(executor, businessId, clientId, which),
  };
}
