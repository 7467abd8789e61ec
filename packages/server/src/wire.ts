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
