import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** The search parameters Next hands a page. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A page's <title>: the `title` message of its catalogue namespace, in the user's language. */
export function titled(namespace: string): () => Promise<Metadata> {
  return async () => ({
    title: (await getTranslations(namespace as never))('title' as never) as string,
  });
}
