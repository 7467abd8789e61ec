import type { NodemailerError, SMTPPoolOptions, SMTPTransportOptions, Transporter } from 'nodemailer';
import { lazyModule } from '../../shared/lazy-module.js';
import { EmailDeliveryError, redactSecrets, type EmailTransport, type OutgoingEmail, type SendResult } from './transport.js';

/** nodemailer's SMTP options (one connection per message), or its pooled variant with `pool: true`. */
export type SmtpTransportOptions = SMTPTransportOptions | (SMTPPoolOptions & { pool: true });

export interface SmtpEmailTransport extends EmailTransport {
  /** Closes pooled connections; a plain transport opens one connection per message and needs nothing. */
  close(): void;
}

/** Waits that nodemailer leaves long by default, shortened so a hung server can't outlive the worker's lease. */
const timeoutDefaults = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 };

/** nodemailer, loaded on the first email sent. */
const loadNodemailer = lazyModule(() => import('nodemailer'));

/**
 * Sends over SMTP with nodemailer. The Message-ID is derived from the outbox id
 * (unless the message brings its own), so a message resent after a crash
 * carries the same id and receivers can recognise it. A 5xx rejection is
 * permanent; 4xx replies, connection trouble and failed logins are retried.
 */
export function smtpTransport(options: SmtpTransportOptions): SmtpEmailTransport {
  let transporter: Transporter | undefined;
  let closed = false;
  const openTransporter = async (): Promise<Transporter> => {
    const { default: nodemailer } = await loadNodemailer();
    if (!transporter) {
      transporter = nodemailer.createTransport({ ...timeoutDefaults, ...options } as SMTPTransportOptions);
      // Closed before its first email: a pool closed then, as it would have been, refuses to send.
      if (closed) transporter.close();
    }
    return transporter;
  };
  const secrets = [options.auth?.pass, options.auth?.accessToken, options.auth?.refreshToken, options.auth?.clientSecret];

  return {
    name: 'smtp',
    async send(email: OutgoingEmail): Promise<SendResult> {
      const headers: Record<string, string> = {};
      let messageId: string | undefined;
      for (const [name, value] of Object.entries(email.headers)) {
        if (name.toLowerCase() === 'message-id') messageId = value;
        else headers[name] = value;
      }
      const opened = await openTransporter();
      try {
        const info = await opened.sendMail({
          from: email.from,
          to: email.to,
          ...(email.replyTo ? { replyTo: email.replyTo } : {}),
          subject: email.subject,
          html: email.html,
          text: email.text,
          headers,
          messageId: messageId ?? `<${email.id}@${domainOf(email.from)}>`,
          ...(email.attachments?.length
            ? {
                attachments: email.attachments.map((file) => ({
                  filename: file.filename,
                  content: Buffer.from(file.content.buffer, file.content.byteOffset, file.content.byteLength),
                  contentType: file.contentType,
                })),
              }
            : {}),
        });
        return { providerMessageId: info.messageId ?? null };
      } catch (error) {
        const failure = error as NodemailerError;
        const status = typeof failure?.responseCode === 'number' ? failure.responseCode : null;
        const message = redactSecrets(`SMTP ${failure?.code ?? 'error'}${status === null ? '' : ` ${status}`}: ${failure?.message ?? String(error)}`, secrets);
        throw new EmailDeliveryError(message, { permanent: isPermanent(failure, status), status, cause: error });
      }
    },
    close() {
      closed = true;
      transporter?.close();
    },
  };
}

function isPermanent(error: NodemailerError, status: number | null): boolean {
  // A refused login is the operator's to fix; the message itself is fine.
  if (error?.code === 'EAUTH' || error?.code === 'ENOAUTH') return false;
  if (status !== null) return status >= 500 && status < 600 && status !== 503;
  // No SMTP reply: a broken envelope or message is permanent, connection trouble is not.
  return error?.code === 'EENVELOPE' || error?.code === 'EMESSAGE';
}

function domainOf(address: string): string {
  const match = /@([^\s>]+)>?\s*$/.exec(address);
  return match?.[1] ?? 'portico.invalid';
}
