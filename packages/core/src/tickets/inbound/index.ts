/**
 * Inbound email: every source (Resend's webhook, a raw MIME POST, the SMTP
 * listener in @portico/server) hands raw bytes to `receiveInbound`; see
 * receive-inbound.ts for the pipeline and docs/support-tickets.md for setup.
 */
export { receiveInbound, type ReceiveInboundOptions } from './receive-inbound.js';
export { type InboundOutcome, type InboundSource, type ReceivedInbound } from './inbound-store.js';
export { acceptHeldInbound, discardHeldInbound, listHeldInbound, type HeldInbound, type HeldListOptions } from './held-inbound.js';
export { holdReasonText, type HoldReason } from './sender-check.js';
export {
  configureInbound,
  getInboundSettings,
  rawSecretMatches,
  removeInboundSettings,
  type InboundSettings,
  type InboundSettingsInput,
} from './inbound-settings.js';
export { handleResendInboundWebhook, type ResendInboundDependencies, type ResendWebhookRequest, type ResendWebhookResult } from './resend-inbound.js';
export { findBusinessForRecipient } from './recipient-business.js';
export { MAX_INBOUND_BYTES } from '../../email/inbound/parse-inbound.js';
export { classifyInbound, type InboundClassification, type InboundKind } from '../../email/inbound/classify-inbound.js';
export { isAutoReplySubject } from '../../email/inbound/auto-reply-subjects.js';
