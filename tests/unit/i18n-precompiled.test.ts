import { TYPE, parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import compile from 'icu-minify/compile';
import {
  _createCache as createCache,
  _createIntlFormatters as createIntlFormatters,
} from 'use-intl/core';
import formatRuntime from 'use-intl/format-message';
import formatPrecompiled from 'use-intl/format-message/format-only';
import { describe, expect, it } from 'vitest';
import { timeZone } from '@/lib/i18n/config';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';
import { intlFormats } from '@/lib/i18n/format';

/**
 * The app is built with its catalogues compiled (next.config.js: next-intl's `precompile`), while
 * scripts, e-mails and tests format the same JSON at run time. Both must say the same thing: every
 * message of both catalogues, with every branch of its plurals and selects, formats identically.
 */

type Leaf = [key: string, message: string];
const leaves = (tree: object, prefix = ''): Leaf[] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[prefix + k, v] as Leaf] : leaves(v as object, `${prefix}${k}.`),
  );

/** Argument values that walk every branch: each select option; plurals at 0, 1, 2, 21, 1,500. */
function valueSets(ast: MessageFormatElement[]): Record<string, unknown>[] {
  const sets: Record<string, unknown>[] = [{}];
  const add = (name: string, candidates: unknown[]) => {
    const base = sets.splice(0);
    for (const s of base)
      for (const c of name in s ? [s[name]] : candidates) sets.push({ ...s, [name]: c });
  };
  const walk = (nodes: MessageFormatElement[]) => {
    for (const n of nodes) {
      if (n.type === TYPE.argument) add(n.value, ['Ánh']);
      else if (n.type === TYPE.number) add(n.value, [0.257, 1234.5]);
      else if (n.type === TYPE.date || n.type === TYPE.time)
        add(n.value, [new Date('2026-04-30T03:04:05Z')]);
      else if (n.type === TYPE.plural) {
        add(n.value, [0, 1, 2, 21, 1500]);
        Object.values(n.options).forEach((o) => walk(o.value));
      } else if (n.type === TYPE.select) {
        add(n.value, Object.keys(n.options));
        Object.values(n.options).forEach((o) => walk(o.value));
      } else if (n.type === TYPE.tag) {
        add(n.value, [(chunks: unknown) => `<${n.value}>${String(chunks)}</${n.value}>`]);
        walk(n.children);
      }
    }
  };
  walk(ast);
  return sets;
}

describe.each([
  ['vi', vi],
  ['en', en],
] as const)('the %s catalogue, compiled at build time', (locale, catalogue) => {
  const all = leaves(catalogue);

  it('has messages to check', () => {
    expect(all.length).toBeGreaterThan(500);
  });

  it('formats every message as the run-time formatter does', () => {
    const cache = createCache();
    const options = {
      cache,
      formatters: createIntlFormatters(cache),
      globalFormats: intlFormats,
      formats: undefined,
      locale,
      timeZone,
    };
    const differ: string[] = [];
    let checked = 0;
    for (const [key, message] of all) {
      const compiled = compile(message);
      for (const values of valueSets(parse(message))) {
        const given = Object.keys(values).length ? values : undefined;
        const runtime = formatRuntime(key, message, given as never, options as never);
        const built = formatPrecompiled(key, compiled, given as never, options as never);
        checked += 1;
        if (JSON.stringify(built) !== JSON.stringify(runtime))
          differ.push(`${key}: ${JSON.stringify(runtime)} ≠ ${JSON.stringify(built)}`);
      }
    }
    expect(differ).toEqual([]);
    expect(checked).toBeGreaterThan(all.length);
  });
});
