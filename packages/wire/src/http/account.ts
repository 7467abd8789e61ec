/** The signed-in client's own account (`/api/account*`), and what the business sees of the changes (`/admin/clients/:id/audit`). */
import type { PostalAddressWire } from './parties.js';

/** The client's fields a business can lock (`settings.lockedClientFields`): the client then sees them read-only. */
export type LockableClientFieldWire = 'name' | 'billingAddress' | 'vatId' | 'taxNumber';

/** One contact of the client's company. */
export interface AccountContactWire {
  id: string;
  name: string;
  email: string;
  isPrimary: boolean;
  /** Whether invoice and estimate emails (and receipts) go to this contact; ticket replies go to every contact. */
  receivesInvoices: boolean;
  /** The signed-in contact. */
  isYou: boolean;
}

/** `GET /api/account`, and the answer to every change below. */
export interface AccountResponse {
  /** The name invoices print for the client. */
  name: string;
  billingAddress: PostalAddressWire | null;
  vatId: string | null;
  taxNumber: string | null;
  /** The language the client chose (portal, PDFs, emails); null: the business's. */
  language: string | null;
  /** The IANA zone the client chose for every time it is shown (portal, emails, PDFs); null: the business's, `businessTimeZone`. */
  timeZone: string | null;
  businessTimeZone: string;
  contacts: AccountContactWire[];
  lockedFields: LockableClientFieldWire[];
}

/** `PATCH /api/account`: a field left out stays; null (or empty text) clears an optional one; a locked field is `field_locked` (403). */
export interface AccountUpdateRequest {
  name?: string;
  billingAddress?: (Pick<PostalAddressWire, 'lines' | 'city' | 'countryCode'> & Partial<PostalAddressWire>) | null;
  vatId?: string | null;
  taxNumber?: string | null;
  /** The signed-in contact's own name. */
  contactName?: string;
  language?: string | null;
  /** An IANA zone (`Europe/Berlin`); null: the business's. */
  timeZone?: string | null;
}

/** `POST /api/account/contacts` (201). */
export interface AccountContactRequest {
  name: string;
  email: string;
  /** Default true. */
  receivesInvoices?: boolean;
}

/** `PATCH /api/account/contacts/:id`: unticking the last contact who receives invoices is `last_invoice_recipient` (409). */
export type AccountContactUpdateRequest = Partial<AccountContactRequest>;

/** One entry of `GET /admin/clients/:id/audit`: who (`client:<contactId>`, `admin:<user>`, `api`) did what, oldest first. */
export interface AdminAuditEntryWire {
  id: string;
  actor: string;
  action: string;
  details: Record<string, unknown>;
  at: string;
}

export interface AdminAuditResponse {
  entries: AdminAuditEntryWire[];
}
