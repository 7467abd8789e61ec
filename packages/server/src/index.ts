export { createPortico, type Portico, type PorticoOptions } from './create-portico.js';
export { toNodeListener } from './adapters/node.js';
export { toExpressMiddleware } from './adapters/express.js';
export { toNextHandlers } from './adapters/next.js';
export { consoleLogger, type Logger } from './http/logger.js';
export type { AdminIdentity, AuthorizeAdmin } from './http/admin-auth.js';
export type { ErrorBody, HealthBody } from '@portico/wire';
export { startInboundSmtp, type InboundSmtp, type InboundSmtpOptions } from './inbound/inbound-smtp.js';
