import { createTranslator } from 'next-intl';
import { db } from '@/lib/db';
import vi from '@/lib/i18n/messages/vi.json';

/**
 * Server actions and pages read the session, the request headers and the translations from
 * Next.js. Integration tests replace those three (see integration-setup.ts) with this context:
 * `actAs(email)` signs a user in for the next calls; `signOut()` ends it.
 */
export const context: {
  session: { user: { id: number; name: string; email: string }; pwdAt: number } | null;
} = {
  session: null,
};

export async function actAs(email: string): Promise<number> {
  const user = await db().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, name: true, passwordChangedAt: true },
  });
  context.session = {
    user: { id: user.id, name: user.name, email },
    pwdAt: user.passwordChangedAt.getTime(),
  };
  return user.id;
}

export function signOut(): void {
  context.session = null;
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
