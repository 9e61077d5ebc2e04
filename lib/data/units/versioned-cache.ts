import 'server-only';
import { db } from '@/lib/server/db';

/**
 * What a page reads about a province's wards, kept in this process under the province's counter
 * (progress_versions, raised in the transaction of every write that changes it: a result's state,
 * a workflow step, a registration, an import, a rebuild). A read asks the counter (one small
 * query) and answers from memory while it has not moved; every instance asks the same counter, so
 * a change shows on the next read everywhere.
 *
 * Every reader gets the same value, frozen when it was read and typed read-only (`Shared`):
 * copying it for each reader cost more than the whole rest of the read (a national dashboard
 * reads all 34 tables, and the copies took 15% of its server CPU). A caller that wants to sort or
 * change rows makes its own array (`[...rows].sort(...)`, `rows.map(...)`).
 */

/** A value shared by every reader: read-only all the way down (a Date stays a Date). */
export type Shared<T> = T extends Date
  ? T
  : T extends readonly (infer U)[]
    ? readonly Shared<U>[]
    : T extends object
      ? { readonly [K in keyof T]: Shared<T[K]> }
      : T;

function freeze<T>(value: T): Shared<T> {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) freeze(inner);
    Object.freeze(value);
  }
  return value as Shared<T>;
}

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
): (...args: A) => Promise<Shared<R>> {
  return async (...args) => {
    // The year is part of the key: "this year" moves what a future year shows.
    const key = `${name}|${new Date().getFullYear()}|${JSON.stringify(args)}|${await versionOf(provinceOf(...args))}`;
    if (entries.has(key)) {
      const value = entries.get(key);
      entries.delete(key); // most recently used last
      entries.set(key, value);
      return value as Shared<R>;
    }
    const value = freeze(await read(...args));
    entries.set(key, value);
    if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
    return value;
  };
}
