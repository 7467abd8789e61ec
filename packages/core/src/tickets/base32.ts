/**
 * RFC 4648 base32 in lower case, without padding. Used where a mail system
 * may change the case of what we wrote (the local part of an address, a
 * Message-ID): decoding accepts either case.
 */
const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';

export function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += alphabet[(buffer >>> bits) & 31];
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

/** The bytes, or undefined for anything that is not canonical base32 (stray characters, non-zero padding bits). */
export function base32Decode(text: string): Uint8Array | undefined {
  const lower = text.toLowerCase();
  const bytes = new Uint8Array(Math.floor((lower.length * 5) / 8));
  let buffer = 0;
  let bits = 0;
  let index = 0;
  for (const char of lower) {
    const value = alphabet.indexOf(char);
    if (value < 0) return undefined;
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >>> bits) & 0xff;
    }
    buffer &= (1 << bits) - 1;
  }
  // Leftover bits must be zero, or two spellings would decode to the same bytes.
  if (buffer !== 0 || bits >= 5) return undefined;
  return bytes;
}
