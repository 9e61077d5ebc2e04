import { describe, expect, it } from 'vitest';
import type { useTranslations } from 'next-intl';
import type { ActionMessage } from '@/lib/actions/result';
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
 * Compiled, never run: `npm run typecheck` fails if a page or an action could name a message the
 * catalogue lacks (global.d.ts gives next-intl the Vietnamese catalogue's type; the typecheck
 * resolves next-intl/server as server code does, with the react-server condition).
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
  const answer: ActionMessage = 'criteria.inUse';
  // @ts-expect-error: a server action's answer must be in the `actions` catalogue
  const wrong: ActionMessage = 'criteria.inUsed';
  return [answer, wrong];
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
