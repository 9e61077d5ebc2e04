import { describe, expect, it } from 'vitest';
import type { useTranslations } from 'next-intl';
import en from '@/lib/i18n/messages/en.json';
import vi from '@/lib/i18n/messages/vi.json';

/** Every leaf key of a catalogue, dotted (`nav.dashboard`). */
function leafKeys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k));
}

type NavTranslator = ReturnType<typeof useTranslations<'nav'>>;
type CalendarTranslator = ReturnType<typeof useTranslations<'calendar'>>;

/**
 * Compiled, never run: `npm run typecheck` fails if a page could name a message the catalogue
 * lacks (global.d.ts gives next-intl the Vietnamese catalogue's type).
 */
export function keysAreChecked(t: NavTranslator, tc: CalendarTranslator) {
  t('dashboard');
  // @ts-expect-error: no such key in the catalogue
  t('dashbord');
  // @ts-expect-error: a namespace is not a message
  tc('closes');
  tc('closes.REGISTRATION');
  // @ts-expect-error: only closable dates have a "closes" message (lib/domain/calendar.ts)
  tc('closes.INSPECTION');
}

describe('message catalogues', () => {
  it('English has exactly the Vietnamese keys, so the compiler’s check covers both', () => {
    const viKeys = leafKeys(vi).sort();
    const enKeys = leafKeys(en).sort();
    expect(enKeys.filter((k) => !viKeys.includes(k))).toEqual([]);
    expect(viKeys.filter((k) => !enKeys.includes(k))).toEqual([]);
    expect(viKeys.length).toBeGreaterThan(900);
  });
});
