import { randomBytes } from 'node:crypto';
import { createTranslator } from 'next-intl';
import { db } from '@/lib/server/db';
import vi from '@/lib/i18n/messages/vi.json';

/**
 * Server actions and pages read the session cookie, the request headers and the translations
 * from Next.js. Integration tests replace those (see integration-setup.ts) with this context:
 * `actAs(email)` opens a real server-side session for the user and holds its cookie for the next
 * calls; `signOut()` drops the cookie.
 */
export const context: {
  claims: { uid: number; sid: string } | null;
  /** This browser's device cookies, by account email. */
  devices: Map<string, string>;
} = { claims: null, devices: new Map() };

export async function actAs(
  email: string,
  options: { secondFactor?: boolean } = {},
): Promise<number> {
  const user = await db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const sid = randomBytes(24).toString('base64url');
  await db().userSession.create({
    data: {
      id: sid,
      userId: user.id,
      expiresAt: new Date(Date.now() + 12 * 3_600_000),
      secondFactorAt: options.secondFactor === false ? null : new Date(),
    },
  });
  context.claims = { uid: user.id, sid };
  return user.id;
}

export function signOut(): void {
  context.claims = null;
}

type Messages = typeof vi;

export function translator(namespace?: string) {
  const t = createTranslator<Messages>({
    locale: 'vi',
    messages: vi,
    namespace: namespace as never,
  });
  const fn = ((key: string, values?: Record<string, unknown>) =>
    (t as (k: string, v?: unknown) => string)(key, values)) as ((
    key: string,
    values?: Record<string, unknown>,
  ) => string) & { has: (key: string) => boolean };
  fn.has = (key: string) => (t as unknown as { has: (k: string) => boolean }).has(key);
  return fn;
}

/** Where a server action's redirect() goes (it throws Next's redirect error). */
export async function redirectOf(run: () => Promise<unknown>): Promise<string | null> {
  try {
    await run();
    return null;
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? '';
    if (!digest.startsWith('NEXT_REDIRECT')) throw error;
    return digest.split(';')[2] ?? null;
  }
}
