/** Errors and health: the shapes every route group shares. */
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    field?: string;
    /** On `forbidden_origin`: the origin the portal's pages are served from. */
    expectedOrigin?: string;
  };
}

export interface HealthBody {
  status: 'ok' | 'unavailable';
  database: 'ok' | 'unreachable';
}

