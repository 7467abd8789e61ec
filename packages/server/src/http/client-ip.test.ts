import { describe, expect, it } from 'vitest';
import { rateLimitIp } from './client-ip.js';

describe('rateLimitIp', () => {
  it('keeps IPv4 as it is and counts IPv6 by its /64, however it is written', () => {
    expect(rateLimitIp('203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitIp('::ffff:203.0.113.9')).toBe('203.0.113.9');
    expect(rateLimitIp('2001:db8:7:9::1')).toBe('2001:db8:7:9::/64');
    expect(rateLimitIp('2001:0DB8:0007:0009:ffff:1:2:3')).toBe('2001:db8:7:9::/64');
    expect(rateLimitIp('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(rateLimitIp('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(rateLimitIp('::1')).toBe('0:0:0:0::/64');
    expect(rateLimitIp('unknown')).toBe('unknown');
  });
});
