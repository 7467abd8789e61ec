/** Errors and health: the shapes every route group shares. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

export interface HealthBody {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
}

