import { z } from 'zod';
import { plainText } from './text';
import { firstParam } from './units';

/** The search parameters of a page, as Next hands them. */
export type RawQuery = Record<string, string | string[] | undefined>;

/** A search box's term: one line of at most 100 characters, none of them a control character. */
export const searchTermSchema = plainText(100);

/** A list's page number. Pages past the last show the last one's emptiness, never an error. */
export const pageNumberSchema = z.coerce.number().int().min(1).max(10_000);

/**
 * Reads a page's address bar through one schema per key: the first of a repeated key; empty is
 * absent; a value its schema refuses (a NUL, a page number past any list, a date no calendar has)
 * is dropped, so it never reaches the database, and named in `invalid` so the page can say so.
 */
export function readQuery<S extends Record<string, z.ZodType>>(
  raw: RawQuery,
  shape: S,
): { query: { [K in keyof S]?: z.output<S[K]> }; invalid: (keyof S & string)[] } {
  const query: { [K in keyof S]?: z.output<S[K]> } = {};
  const invalid: (keyof S & string)[] = [];
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const value = firstParam(raw[key]);
    if (value === undefined || value === '') continue;
    const parsed = shape[key]!.safeParse(value);
    if (parsed.success) query[key] = parsed.data as z.output<S[typeof key]>;
    else invalid.push(key);
  }
  return { query, invalid };
}
