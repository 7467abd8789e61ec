import type { Executor } from '../context.js';
import type { Locale } from '../shared/locales.js';
import { clientRecipients } from './contacts.js';

export interface ClientAudience {
  /** The client's language, else the business's. */
  locale: Locale;
  /** The client's time zone, else the business's: where the email's dates are. */
  timeZone: string;
  /** The contacts asked for, the primary one first. */
  contacts: Array<{ id: string; name: string; email: string }>;
}

/** Who a client's emails go to (every contact, or those who receive invoices), in which language and time zone. */
export async function clientAudience(
  executor: Executor,
  businessId: string,
  clientId: string,
  business: { locale: Locale; timeZone: string },
  which: 'all' | 'invoices' = 'all',
): Promise<ClientAudience> {
  const client = await executor
    .selectFrom('clients')
    .select(['locale', 'time_zone'])
    .where('business_id', '=', businessId)
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  return {
    locale: (client.locale as Locale | null) ?? business.locale,
    timeZone: client.time_zone ?? business.timeZone,
    contacts: await clientRecipients(executor, businessId, clientId, which),
  };
}
