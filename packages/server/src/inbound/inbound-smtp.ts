import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { hostname } from 'node:os';
import { MAX_INBOUND_BYTES, isPorticoError, type DnsResolver, type PorticoApi, type SmtpEnvelope } from '@portico/core';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { consoleLogger, type Logger } from '../http/logger.js';

export interface InboundSmtpOptions {
  /** Portico's API (`portico.api`), or a Portico whose API to use. */
  api?: PorticoApi;
  portico?: { api: PorticoApi };
  /** Default 25; 0 picks a free port (tests). */
  port?: number;
  /** Default `0.0.0.0`. */
  host?: string;
  /** The largest message taken, in bytes (default and at most 25 MB); announced in EHLO as SIZE. */
  maxSize?: number;
  /** The name the server gives in its greeting (default the machine's host name). */
  name?: string;
  /** PEM key and certificate for STARTTLS; without them smtp-server's own self-signed pair is offered. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  /** Connections at once (default 50). */
  maxClients?: number;
  logger?: Logger;
  /**
   * DNS for the DKIM, SPF and DMARC checks of each message's sender (default
   * the system's); a message whose From fails DMARC is held for the business.
   */
  dnsResolver?: DnsResolver;
}

export interface InboundSmtp {
  /** The port it listens on (the one picked, when asked for 0). */
  port: number;
  /** Stops taking connections and waits for open ones to finish. */
  close(): Promise<void>;
}

interface SmtpReply extends Error {
  responseCode: number;
}

/**
 * An SMTP listener for businesses that receive their mail themselves (point
 * the inbound domain's MX here). Recipients are checked at RCPT TO, so mail
 * for anyone else is refused before its body is sent (no backscatter); each
 * accepted message goes, as the raw bytes received, through the same pipeline
 * as the webhooks, once per business it was addressed to. A message the
 * pipeline cannot take now gets a 4xx, so the sending server tries again.
 */
export async function startInboundSmtp(options: InboundSmtpOptions): Promise<InboundSmtp> {
  const api = options.api ?? options.portico?.api;
  if (!api) throw new TypeError('startInboundSmtp needs the Portico API: { api: portico.api } or { portico }.');
  const maxSize = Math.min(options.maxSize ?? MAX_INBOUND_BYTES, MAX_INBOUND_BYTES);
  const logger = options.logger ?? consoleLogger;
  /** Business of each accepted recipient, per session. */
  const recipients = new Map<string, Map<string, string>>();

  const serverOptions: SMTPServerOptions = {
    ...(options.name ? { name: options.name } : {}),
    ...(options.tls ? { key: options.tls.key, cert: options.tls.cert } : {}),
    size: maxSize,
    maxClients: options.maxClients ?? 50,
    // Mail arrives from other servers, which do not log in.
    authOptional: true,
    disabledCommands: ['AUTH'],
    logger: false,
    onMailFrom(_address, session, callback) {
      recipients.set(session.id, new Map());
      callback();
    },
    onRcptTo(address, session, callback) {
      api.inbound
        .businessForRecipient(address.address)
        .then((businessId) => {
          if (!businessId) return callback(reply(550, 'No such recipient here.'));
          recipients.get(session.id)?.set(address.address, businessId);
          callback();
        })
        .catch((error: unknown) => {
          logger.error('Checking an SMTP recipient failed.', { error: String(error) });
          callback(reply(451, 'Try again later.'));
        });
    },
    onData(stream, session, callback) {
      const accepted = recipients.get(session.id) ?? new Map<string, string>();
      recipients.delete(session.id);
      const envelope: SmtpEnvelope = {
        ip: session.remoteAddress,
        helo: session.hostNameAppearsAs,
        mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
        mta: options.name ?? hostname(),
      };
      deliver({ api, logger, resolver: options.dnsResolver }, stream, accepted, envelope).then(
        () => callback(),
        (error: unknown) => {
          if (isSmtpReply(error)) return callback(error);
          logger.error('Reading an SMTP message failed.', { error: String(error) });
          callback(reply(451, 'Try again later.'));
        },
      );
    },
    onClose(session) {
      recipients.delete(session.id);
    },
  };
  const server = new SMTPServer(serverOptions);
  server.on('error', (error) => logger.error('SMTP listener error.', { error: String(error) }));
  server.listen(options.port ?? 25, options.host ?? '0.0.0.0');
  await once(server.server, 'listening');
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function deliver(
  { api, logger, resolver }: { api: PorticoApi; logger: Logger; resolver: DnsResolver | undefined },
  stream: Readable & { sizeExceeded?: boolean },
  accepted: Map<string, string>,
  envelope: SmtpEnvelope,
): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  if (stream.sizeExceeded) throw reply(552, 'Message too large.');
  const raw = Buffer.concat(chunks);
  const senderDmarc = accepted.size > 0 ? await api.inbound.authenticateSmtpSender(raw, envelope, resolver) : 'unknown';
  const byBusiness = new Map<string, string[]>();
  for (const [address, businessId] of accepted) byBusiness.set(businessId, [...(byBusiness.get(businessId) ?? []), address]);
  for (const [businessId, envelopeRecipients] of byBusiness) {
    try {
      await api.business(businessId, { actor: 'system:smtp' }).inbound.receive(raw, { source: 'smtp', envelopeRecipients, senderDmarc });
    } catch (error) {
      if (isPorticoError(error) && error.code === 'message_too_large') throw reply(552, 'Message too large.');
      if (isPorticoError(error) && error.status < 500) throw reply(550, 'This message can not be taken.');
      logger.error('An SMTP message could not be stored; the sender will try again.', { error: String(error) });
      throw reply(451, 'Try again later.');
    }
  }
}

function reply(code: number, message: string): SmtpReply {
  return Object.assign(new Error(message), { responseCode: code });
}

function isSmtpReply(error: unknown): error is SmtpReply {
  return error instanceof Error && typeof (error as Partial<SmtpReply>).responseCode === 'number';
}
