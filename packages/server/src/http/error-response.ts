import { isPorticoError } from '@portico/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '@portico/wire';
import type { Logger } from './logger.js';
import { RateLimitedError } from './rate-limit.js';

/**
 * Every error leaves as `{ error: { code, message, field? } }` with a 4xx for
 * what the caller did and a bare 500 for what we did (details go to the log,
 * never to the client).
 */
export function errorResponse(c: Context, error: Error, logger: Logger): Response {
  if (isPorticoError(error)) {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    return c.json<ErrorBody>({ error: error.toJSON() }, error.status as ContentfulStatusCode);
  }
  if (error instanceof HTTPException) {
    return c.json<ErrorBody>(
      { error: { code: error.status === 400 ? 'invalid_input' : 'http_error', message: error.message || 'Bad request.' } },
      error.status,
    );
  }
  // The route pattern, not the path: paths and query strings may carry tokens.
  logger.error('Unhandled error', { method: c.req.method, route: c.req.routePath, error: error.stack ?? String(error) });
  return c.json<ErrorBody>({ error: { code: 'internal_error', message: 'Something went wrong on our side.' } }, 500);
}

export function notFoundResponse(c: Context): Response {
  return c.json<ErrorBody>({ error: { code: 'not_found', message: 'No such route.' } }, 404);
}
