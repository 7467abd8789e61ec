/**
 * Request and response shapes of the HTTP API: the server and the widgets'
 * typed client both import them from here.
 */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface HealthBody {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
}

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
}

/** `POST /auth/request-link/:business`: "email me a link"; always answers 202 `{ status: 'sent' }`. */
export interface RequestLinkBody {
  email: string;
}

/** `GET /api/session`: who is signed in, and the brand to show. */
export interface SessionResponse {
  business: { slug: string; name: string; brandColor: string; logoUrl: string | null; locale: string };
  client: { id: string; name: string; locale: string | null };
  contact: { id: string; name: string; email: string } | null;
  expiresAt: string;
}
