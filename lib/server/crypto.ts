import 'server-only';
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (19 MiB, 2 passes, 1 lane): OWASP's recommended floor.
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against this keeps "no such account" as slow as "wrong password".
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash('decoy-password-for-timing');
  await verifyPassword(await decoyHash, password);
  return false;
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** An HMAC-SHA-256 tag of `data` under `secret`, base64url. */
export function signTag(secret: string, data: string): string {
  return createHmac('sha256', `kieumau-tag:${secret}`).update(data).digest('base64url');
}

export function tagMatches(secret: string, data: string, tag: string): boolean {
  const expected = Buffer.from(signTag(secret, data));
  const given = Buffer.from(tag);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function randomBytesOf(n: number): Uint8Array {
  return randomBytes(n);
}

/** AES-256-GCM with a key derived from `secret`: for values the database must not hold in clear. */
export function seal(plain: string, secret: string): string {
  const key = createHash('sha256').update(`kieumau-seal:${secret}`).digest();
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
}

export function unseal(sealed: string, secret: string): string | null {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
    const key = createHash('sha256').update(`kieumau-seal:${secret}`).digest();
    const decipher = createDecipheriv('aes-256-gcm', key, iv!);
    decipher.setAuthTag(tag!);
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}
