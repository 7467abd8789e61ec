import type { BusinessContext } from '../context.js';
import { currentParties } from '../invoices/invoice-parties.js';
import type { Locale } from '../shared/locales.js';
import { getAccountStatement, type AccountStatementQuery } from '../statements/account-statement.js';
import { documentContext } from './client-documents.js';
import type { StatementDocumentInput } from './statement-pdf.js';

/**
 * What a client's statement-of-account PDF is made from: the statement for
 * the period (`getAccountStatement`), the business and client as they are
 * now. `locale` defaults to the client's, then the business's.
 */
export async function clientStatementDocument(
  ctx: BusinessContext,
  clientId: string,
  query: AccountStatementQuery = {},
  locale?: Locale,
): Promise<StatementDocumentInput> {
  const statement = await getAccountStatement(ctx, clientId, query);
  const context = await documentContext(ctx, clientId, locale);
  const parties = currentParties(context.businessRow, context.clientRow);
  return { statement, business: context.business, client: { name: parties.buyer.name }, parties, locale: context.locale };
}
