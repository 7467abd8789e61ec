import { lazyModule } from '../../shared/lazy-module.js';

const loadMailauth = lazyModule(() => import('mailauth'));

/** What DMARC says of the From address: `fail` means its domain's owner disowns the message. */
export type DmarcResult = 'pass' | 'fail' | 'none' | 'unknown';

/** A DNS lookup as mailauth asks it (`TXT` answers are arrays of chunks); tests answer from a table. */
export type DnsResolver = (name: string, rrtype: string) => Promise<string[][] | string[]>;

export interface SmtpEnvelope {
  /** The connecting client's address. */
  ip: string;
  /** What it said in EHLO/HELO. */
  helo: string | undefined;
  /** MAIL FROM, empty for a bounce. */
  mailFrom: string | undefined;
  /** This server's name, written into the results. */
  mta: string;
}

/**
 * DKIM, SPF and DMARC of a message received by Portico's own SMTP listener,
 * checked with mailauth against the sender's DNS (or `resolver`). Lookups
 * that fail or time out read as `unknown`, never as `fail`.
 */
export async function authenticateSmtpSender(raw: Uint8Array, envelope: SmtpEnvelope, resolver?: DnsResolver): Promise<DmarcResult> {
  const { authenticate } = await loadMailauth();
  try {
    const result = await authenticate(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength), {
      ip: envelope.ip,
      ...(envelope.helo ? { helo: envelope.helo } : {}),
      ...(envelope.mailFrom ? { sender: envelope.mailFrom } : {}),
      mta: envelope.mta,
      disableArc: true,
      disableBimi: true,
      ...(resolver ? { resolver } : {}),
    });
    return result.dmarc ? dmarcResult(result.dmarc.status.result) : 'none';
  } catch {
    return 'unknown';
  }
}

/**
 * The DMARC result in the message's top Authentication-Results header, when
 * that header was written by the receiving host the business trusts
 * (`authServId`, such as `mx.example.com`). A receiving host adds its
 * header above everything the sender wrote, so only the top one is read: a
 * sender can forge any header below it, never above.
 */
export function dmarcFromAuthenticationResults(topHeader: string | undefined, authServId: string): DmarcResult {
  if (!topHeader) return 'unknown';
  // authserv-id [version] ; resinfo ; resinfo ... (RFC 8601), comments in parentheses dropped.
  const [id = '', ...results] = topHeader.replace(/\([^()]*\)/g, ' ').split(';');
  if (id.trim().split(/\s+/)[0]?.toLowerCase() !== authServId.toLowerCase()) return 'unknown';
  for (const part of results) {
    const dmarc = /^\s*dmarc\s*=\s*([a-z]+)/i.exec(part);
    if (dmarc) return dmarcResult(dmarc[1]!.toLowerCase());
  }
  return 'unknown';
}

/**
 * The receiving host whose Authentication-Results a business trusts
 * (`settings.inboundAuthServId`, the name that host writes first in the
 * header), or null: without one, mail over HTTP is not judged by DMARC.
 */
export function trustedAuthServId(settings: Record<string, unknown>): string | null {
  const value = settings['inboundAuthServId'];
  return typeof value === 'string' && /^[A-Za-z0-9.-]{1,253}$/.test(value.trim()) ? value.trim() : null;
}

function dmarcResult(value: string): DmarcResult {
  return value === 'pass' || value === 'fail' || value === 'none' ? value : 'unknown';
}
