import 'server-only';
import { cookies, headers } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { randomBytesOf, signTag, tagMatches } from '@/lib/server/crypto';
import { authSecret, readEnv } from '@/lib/server/env';
import {
  DEVICE_COOKIE,
  DEVICE_COOKIE_DAYS,
  DEVICE_COOKIE_NAMES,
  SECURE_DEVICE_COOKIE,
  SECURE_SESSION_COOKIE,
  SESSION_COOKIE,
  SESSION_COOKIE_NAMES,
} from './session-cookie';

/**
 * The session cookie's content: which user and which server-side session row. It is signed and
 * encrypted (next-auth's JWT), but it grants nothing by itself: every request checks the row
 * (lib/data/accounts/sessions.ts), so nothing a client sends can revive an ended session.
 */
export interface SessionClaims {
  uid: number;
  sid: string;
}

export async function readSessionClaims(): Promise<SessionClaims | null> {
  const jar = await cookies();
  const value = SESSION_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  if (!value) return null;
  try {
    const token = await decode({ token: value, secret: authSecret() });
    if (typeof token?.uid !== 'number' || typeof token.sid !== 'string') return null;
    return { uid: token.uid, sid: token.sid };
  } catch {
    return null;
  }
}

async function isHttps(): Promise<boolean> {
  if (readEnv().NEXTAUTH_URL?.startsWith('https://')) return true;
  // Set by Next.js from the socket, or by a trusted proxy (scripts/server.ts drops it otherwise).
  return (await headers()).get('x-forwarded-proto') === 'https';
}

export async function writeSessionCookie(claims: SessionClaims): Promise<void> {
  const maxAge = Math.round(readEnv().SESSION_MAX_HOURS * 3600);
  const value = await encode({ token: { ...claims }, secret: authSecret(), maxAge });
  const secure = await isHttps();
  const jar = await cookies();
  jar.set(secure ? SECURE_SESSION_COOKIE : SESSION_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    maxAge,
  });
}

export async function clearSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of SESSION_COOKIE_NAMES) if (jar.has(name)) jar.delete(name);
}

const deviceData = (email: string, id: string) => `device|${email.trim().toLowerCase()}|${id}`;

/** This browser's device id for `email`, when its device cookie was signed for that account. */
export async function readDeviceId(email: string): Promise<string | null> {
  const jar = await cookies();
  const value = DEVICE_COOKIE_NAMES.map((n) => jar.get(n)?.value).find(Boolean);
  const [id, tag] = value?.split('.') ?? [];
  if (!id || !tag || !/^[A-Za-z0-9_-]{22}$/.test(id)) return null;
  return tagMatches(authSecret(), deviceData(email, id), tag) ? id : null;
}

/** Marks this browser as one where `email` signed in (keeping its id when it already was). */
export async function writeDeviceCookie(email: string): Promise<void> {
  const id = (await readDeviceId(email)) ?? Buffer.from(randomBytesOf(16)).toString('base64url');
  const secure = await isHttps();
  const jar = await cookies();
  jar.set(
    secure ? SECURE_DEVICE_COOKIE : DEVICE_COOKIE,
    `${id}.${signTag(authSecret(), deviceData(email, id))}`,
    {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure,
      maxAge: DEVICE_COOKIE_DAYS * 86_400,
    },
  );
}
