/** Signing in: the magic link redeemed for a session, and who is signed in. */

/** `POST /auth/sessions/:business`: a widget on another origin redeems a link for a bearer token. */
export interface SignInBody {
  token: string;
}

export interface SignInResponse {
  /** Send as `Authorization: Bearer <sessionToken>`; keep it in memory only. */
  sessionToken: string;
  expiresAt: string;
  /** The invoice the email was about, to show first. */
  invoiceId: string | null;
  /** The ticket the email was about (a ticket reply), to show first; a link names at most one of the two. */
  ticketId: string | null;
  /** The estimate the email was about (an estimate email), to show first; a link names at most one of the three. */
  estimateId: string | null;
}

/** `POST /auth/request-link/:business`: "email me a link"; always answers 202 `{ status: 'sent' }`. */
export interface RequestLinkBody {
  email: string;
}

/** `GET /api/session`: who is signed in, and the brand to show. */
export interface SessionResponse {
  business: {
    slug: string;
    name: string;
    brandColor: string;
    logoUrl: string | null;
    locale: string;
    /** Set when the business takes card payments online (Stripe configured): no Pay now without it. */
    onlinePayments: { publishableKey: string; connectedAccountId: string | null } | null;
  };
  client: { id: string; name: string; locale: string | null };
  contact: { id: string; name: string; email: string } | null;
  expiresAt: string;
  /**
   * The IANA time zone every time is shown in (`Europe/Berlin`): the one the
   * client chose in its account, else the business's; the client's emails
   * and PDFs use the same, so the widget and the mailbox agree whatever the
   * reader's computer is set to.
   */
  timeZone: string;
}


/** `POST /admin/contacts/:id/sign-in-grant` body: how long the grant may wait, 10 to 600 seconds (default 120). */
export interface AdminSignInGrantRequest {
  ttlSeconds?: number;
}

/**
 * `POST /admin/contacts/:id/sign-in-grant` (201): a single-use grant that
 * signs the host's own signed-in user in as this contact, with no email. Put
 * it in the page as `<portico-portal grant="…">`, never in a URL or a log.
 */
export interface AdminSignInGrantResponse {
  grant: string;
  expiresAt: string;
  clientId: string;
  contactId: string;
}
