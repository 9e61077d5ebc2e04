import 'server-only';
import { db } from '@/lib/server/db';

/**
 * What a page reads about a province's wards, kept in this process under the province's counter
 * (progress_versions, raised in the transaction of every write that changes it: a result's state,
 * a workflow step, a registration, an import, a rebuild). A read asks the counter (one small
 * query) and answers from memory while it has not moved; every instance asks the same counter, so
 * a change shows on the next read everywhere. Each answer is a copy: callers may change it.
 */

const MAX_ENTRIES = 300;
const entries = new Map<string, unknown>();

/** The counter of one of today's provinces (0 before its first change). */
async function versionOf(provinceId: number): Promise<string> {
  const row = await db().progressVersion.findUnique({ where: { provinceId } });
  return String(row?.version ?? 0);
}

export function versionedCache<A extends unknown[], R>(
  name: string,
  provinceOf: (...args: A) => number,
  read: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  return async (...args) => {
    // The year is part of the key: "this year" moves what a future year shows.
    const key = `${name}|${new Date().getFullYear()}|${JSON.stringify(args)}|${await versionOf(provinceOf(...args))}`;
    if (entries.has(key)) {
      const value = entries.get(key);
      entries.delete(key); // most recently used last
      entries.set(key, value);
      return structuredClone(value) as R;
    }
    const value = await read(...args);
    entries.set(key, value);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return structuredClone(value);
  };
}
