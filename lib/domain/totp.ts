import { createHmac } from 'node:crypto';

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 6 digits, 30-second
 * steps — what every authenticator app reads from an otpauth:// QR code.
 */
export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const ch of clean) {
    const index = ALPHABET.indexOf(ch);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP value for a counter. */
export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const code =
    ((mac[offset]! & 0x7f) << 24) |
    (mac[offset + 1]! << 16) |
    (mac[offset + 2]! << 8) |
    mac[offset + 3]!;
  return String(code % 10 ** digits).padStart(digits, '0');
}

export const timeStep = (unixMs: number) => Math.floor(unixMs / 1000 / TOTP_STEP_SECONDS);

export function totpAt(secret: Uint8Array, unixMs: number, digits = TOTP_DIGITS): string {
  return hotp(secret, timeStep(unixMs), digits);
}

/**
 * The time step a code matches, allowing one step of clock drift either way; null when it
 * matches none. The caller refuses a step already used (replay).
 */
export function matchTotp(secret: Uint8Array, code: string, unixMs: number): number | null {
  const digits = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(digits)) return null;
  const now = timeStep(unixMs);
  for (const step of [now, now - 1, now + 1]) if (hotp(secret, step) === digits) return step;
  return null;
}

/** The otpauth:// address an authenticator app reads from the enrolment QR code. */
export function otpauthUri(secretBase32: string, account: string, issuer: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}

/**
 * Recovery codes as shown to the user: 16 characters in four groups, "7kqm-3xw9-d2fh-8npa", from
 * 32 symbols without look-alikes (Crockford's: no i, l, o, u), so each carries 80 bits.
 */
export const RECOVERY_CODE_LENGTH = 16;
const recoveryAlphabet = '0123456789abcdefghjkmnpqrstvwxyz';

export function formatRecoveryCode(bytes: Uint8Array): string {
  if (bytes.length < 10) throw new Error('a recovery code needs 10 random bytes');
  let bits = 0n;
  for (const b of bytes.slice(0, 10)) bits = (bits << 8n) | BigInt(b);
  let chars = '';
  for (let i = RECOVERY_CODE_LENGTH - 1; i >= 0; i -= 1)
    chars += recoveryAlphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return chars.match(/.{4}/g)!.join('-');
}

/**
 * A recovery code as typed, in the form it was issued: case, spaces and dashes ignored, and the
 * look-alikes read as what they resemble (o → 0, i and l → 1). Null when it cannot be one.
 */
export function normaliseRecoveryCode(input: string): string | null {
  const c = input.toLowerCase().replace(/[\s-]/g, '').replace(/o/g, '0').replace(/[il]/g, '1');
  if (c.length !== RECOVERY_CODE_LENGTH || ![...c].every((ch) => recoveryAlphabet.includes(ch)))
    return null;
  return c.match(/.{4}/g)!.join('-');
}
