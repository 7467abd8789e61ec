/**
 * Where Portico reports what went wrong. Messages never carry tokens, session
 * ids, secrets or request bodies; pass your own logger to route them.
 */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, fields) => console.info(`[portico] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[portico] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[portico] ${message}`, fields ?? ''),
};
