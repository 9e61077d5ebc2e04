import type { AbstractIntlMessages, Messages } from 'next-intl';

/** A top-level namespace of the catalogue. */
export type Namespace = keyof Messages & string;

/**
 * The namespaces the shell's client components name on every page (the menu, forms' common
 * words, the sign-in-again dialog, the error page). Each page adds those of its own client
 * components with `withClientMessages` (components/layout/client-messages.tsx); the rest of the
 * catalogue (audit lines, action results, other pages' words) stays on the server.
 * tests/unit/client-messages.test.ts follows each page's imports into its client components and
 * fails when a page sends a namespace they do not name, or misses one they do.
 */
export const SHELL_NAMESPACES = [
  'common',
  'errors',
  'nav',
  'reauth',
] as const satisfies Namespace[];

/** The shell's namespaces and a page's own, picked from the whole catalogue. */
export function clientMessages(
  messages: AbstractIntlMessages,
  page: readonly Namespace[] = [],
): AbstractIntlMessages {
  return Object.fromEntries(
    [...SHELL_NAMESPACES, ...page].filter((n) => n in messages).map((n) => [n, messages[n]!]),
  );
}
