import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { getServerSession, type NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { authSecret, readEnv } from '@/lib/env';
import { attemptSignIn } from '@/lib/data/sign-in';
import { getSessionUser, type SessionUser } from '@/lib/data/users';
import { can, type Action, type RecordScope, type Scope } from '@/lib/permissions';
import type { AuditActor } from '@/lib/data/audit';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; email: string };
  }
  interface User {
    id: string;
    pwdAt: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    /** passwordChangedAt at sign-in: a later password change or reset ends the session. */
    pwdAt?: number;
  }
}

// Behind a reverse proxy the public origin comes from X-Forwarded-Host/-Proto unless NEXTAUTH_URL
// pins it; next-auth 4 reads this flag.
process.env.AUTH_TRUST_HOST ??= 'true';

export type SignInError = 'invalid' | `locked:${number}`;

let options: NextAuthOptions | undefined;

/** next-auth's options, built on first use so that `next build` needs no secret. */
export function authOptions(): NextAuthOptions {
  if (options) return options;
  const env = readEnv();
  const maxAge = Math.round(env.SESSION_IDLE_HOURS * 3600);
  options = {
    secret: authSecret(env),
    // JWT sessions: any instance can verify them; the user row is re-read on every request.
    session: { strategy: 'jwt', maxAge, updateAge: 5 * 60 },
    jwt: { maxAge },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const email = String(credentials?.email ?? '').slice(0, 320);
          const password = String(credentials?.password ?? '').slice(0, 200);
          if (!email || !password) throw new Error('invalid' satisfies SignInError);
          const outcome = await attemptSignIn(email, password, addressFrom(req?.headers ?? {}));
          if (!outcome.ok)
            throw new Error(outcome.reason === 'locked' ? `locked:${outcome.minutes}` : 'invalid');
          return {
            id: String(outcome.user.id),
            name: outcome.user.name,
            email: outcome.user.email,
            pwdAt: outcome.user.passwordChangedAt.getTime(),
          };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user, trigger }) {
        if (user) {
          token.uid = Number(user.id);
          token.pwdAt = user.pwdAt;
        } else if (trigger === 'update' && token.uid) {
          // After the user changes their own password: the server, not the client, says when.
          const fresh = await getSessionUser(token.uid);
          if (fresh) token.pwdAt = fresh.passwordChangedAt.getTime();
        }
        return token;
      },
      async session({ session, token }) {
        session.user = { id: token.uid ?? 0, name: token.name ?? '', email: token.email ?? '' };
        (session as { pwdAt?: number }).pwdAt = token.pwdAt;
        return session;
      },
    },
  };
  return options;
}

function addressFrom(h: Record<string, string | string[] | undefined> | Headers): string | null {
  const get = (name: string) =>
    h instanceof Headers ? h.get(name) : ([h[name]].flat()[0] ?? null);
  const forwarded = get('x-forwarded-for');
  const first = forwarded?.split(',')[0]?.trim();
  return (first || get('x-real-ip') || null)?.slice(0, 64) ?? null;
}

/** The client address of the current request, for the audit trail and sign-in throttling. */
export async function clientAddress(): Promise<string | null> {
  try {
    return addressFrom(await headers());
  } catch {
    return null; // outside a request (scripts)
  }
}

/**
 * The signed-in user, re-read from the database: a deactivated account, a changed role or a
 * password reset takes effect on the next request, on every instance.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions());
  const id = session?.user?.id;
  if (!id) return null;
  const user = await getSessionUser(id);
  const pwdAt = (session as { pwdAt?: number }).pwdAt;
  if (!user || !user.isActive || pwdAt === undefined || user.passwordChangedAt.getTime() !== pwdAt)
    return null;
  return user;
});

/** For pages: the user, or a redirect to sign in (or to change an admin-set password first). */
export async function requireUser(
  options: { allowPasswordChange?: boolean } = {},
): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !options.allowPasswordChange)
    redirect('/account/password?first=1');
  return user;
}

/** For pages: the user when their role may do the action, else a 404. */
export async function requirePermission(
  action: Action,
  record?: RecordScope,
): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user, action, record)) notFound();
  return user;
}

export function actorOf(user: Pick<SessionUser, 'id' | 'email'>, ip: string | null): AuditActor {
  return { userId: user.id, email: user.email, ip };
}

export type { SessionUser, Scope };
