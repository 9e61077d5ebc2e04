import 'server-only';
import { cookies, headers } from 'next/headers';
import { decode, encode } from 'next-auth/jwt';
import { authSecret, readEnv } from '@/lib/env';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE, SESSION_COOKIE_NAMES } from './session-cookie';

/**
 * The session cookie's content: which user and which server-side session row. It is signed and
 * encrypted (next-auth's JWT), but it grants nothing by itself: every request checks the row
 * (lib/data/sessions.ts), so nothing a client sends can revive an ended session.
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
