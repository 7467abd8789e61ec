import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP } from 'node:net';
import { PorticoError } from '../shared/errors.js';

/**
 * Where webhooks may go. In production only `https` to public addresses:
 * a webhook URL is chosen by whoever configures the business, and must not
 * reach the server's own network (cloud metadata, databases, admin ports).
 * `allowPrivate` (local development only) also lets `http` and private
 * addresses through.
 */
export interface WebhookUrlPolicy {
  allowPrivate: boolean;
}

const privateRanges = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  privateRanges.addSubnet(network, prefix, 'ipv6');
}

/** Whether an IP address is outside every private, loopback, link-local, shared, documentation and multicast range. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !privateRanges.check(address, 'ipv4');
  if (family !== 6) return false;
  const lower = address.toLowerCase();
  // IPv4 inside IPv6 (::ffff:10.0.0.1, NAT64 64:ff9b::10.0.0.1) is judged by its IPv4 part.
  const embedded = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower)?.[1] ?? embeddedHex(lower);
  if (embedded) return isPublicAddress(embedded);
  return !privateRanges.check(address, 'ipv6');
}

/** `::ffff:a00:1` (the hex spelling of an IPv4-mapped address) as `10.0.0.1`. */
function embeddedHex(address: string): string | undefined {
  const match = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(address);
  if (!match) return undefined;
  const high = parseInt(match[1]!, 16);
  const low = parseInt(match[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The URL, checked: absolute, https (or http when private ones are allowed), no credentials, no private address literal. */
export function requireWebhookUrl(value: unknown, policy: WebhookUrlPolicy): string {
  const refuse = (why: string) => new PorticoError('webhook_url_not_allowed', `url ${why}`, { field: 'url' });
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) throw refuse('must be an absolute https URL of at most 2000 characters.');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse('must be an absolute https URL.');
  }
  const allowed = policy.allowPrivate ? ['https:', 'http:'] : ['https:'];
  if (!allowed.includes(url.protocol)) throw refuse('must use https.');
  if (url.username !== '' || url.password !== '') throw refuse('must not carry a user name or password.');
  if (url.hash !== '') throw refuse('must not have a #fragment.');
  if (!policy.allowPrivate) {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(host) !== 0 && !isPublicAddress(host)) throw refuse('points at a private, loopback or reserved address.');
    if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal') || !host.includes('.')) {
      throw refuse('must name a public host.');
    }
  }
  return url.toString();
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http(s) that refuses to connect to a private address:
 * checked on the addresses the connection really uses, so a host name that
 * resolves (or is re-pointed) to an internal address is refused too.
 */
export function publicOnlyLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const list = addresses as LookupAddress[];
    const refused = list.find((entry) => !isPublicAddress(entry.address));
    if (refused || list.length === 0) {
      const failure: NodeJS.ErrnoException = new Error(`${hostname} resolves to a private or reserved address; webhooks go only to public ones.`);
      failure.code = 'EPRIVATEADDRESS';
      return callback(failure, []);
    }
    if (options.all) return callback(null, list);
    return callback(null, list[0]!.address, list[0]!.family);
  });
}
