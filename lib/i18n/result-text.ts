import { changedFields, readSnapshot, type ResultSnapshot } from '@/lib/domain/returns';
import type { MeasureKind } from '@/lib/domain/measures';
import { numberLocaleOf, writeFigure } from '@/lib/domain/figures';

import type { getTranslations } from 'next-intl/server';

/** A page's translator for one catalogue namespace: its keys are checked by the compiler. */
type T<N extends 'sheet' | 'states' | 'measures'> = Awaited<ReturnType<typeof getTranslations<N>>>;

/** The catalogues a result's wording takes its words from. */
export interface ResultTexts {
  sheet: T<'sheet'>;
  states: T<'states'>;
  measures: T<'measures'>;
}

interface Measure {
  measureKind: MeasureKind;
  ratingScale: string[];
}

/** A criterion's measure as a page in `locale` shows it: the English scale when it has one. */
export function measureIn<
  C extends {
    measureKind: MeasureKind;
    comparator: string | null;
    threshold: number | null;
    ratingScale: string[];
    ratingScaleEn: string[];
  },
>(
  criterion: C,
  locale: string,
): Pick<C, 'measureKind' | 'comparator' | 'threshold' | 'ratingScale'> {
  const english = locale === 'en' && criterion.ratingScaleEn.length > 0;
  return {
    measureKind: criterion.measureKind,
    comparator: criterion.comparator,
    threshold: criterion.threshold,
    ratingScale: english ? criterion.ratingScaleEn : criterion.ratingScale,
  };
}

/** What a criterion's value is called, on its form and where it is only read: a level or a figure. */
export function valueLabel(m: Pick<Measure, 'measureKind'>, tm: T<'measures'>): string {
  return m.measureKind === 'RATING' ? tm('level') : tm('value');
}

/** A result's value as a reader says it: yes/no, the scale's level, or the figure in the locale. */
export function valueText(
  m: Measure,
  value: number | null,
  locale: string,
  tm: T<'measures'>,
): string {
  if (value === null) return '—';
  if (m.measureKind === 'BOOLEAN') return value === 1 ? tm('yes') : tm('no');
  if (m.measureKind === 'RATING') return m.ratingScale[value] ?? String(value);
  return `${writeFigure(value, numberLocaleOf(locale))}${m.measureKind === 'PERCENT' ? '%' : ''}`;
}

/** "Đạt · 97,5%": the state and, when there is one, the value. */
export function resultText(
  m: Measure,
  r: Pick<ResultSnapshot, 'state' | 'value'>,
  locale: string,
  t: Pick<ResultTexts, 'states' | 'measures'>,
): string {
  const state = t.states(r.state);
  return r.value === null ? state : `${state} · ${valueText(m, r.value, locale, t.measures)}`;
}

/** What changed between the result as returned and as it is now, a line per field. */
export function changeLines(
  m: Measure,
  returnedAs: unknown,
  now: ResultSnapshot,
  locale: string,
  t: ResultTexts,
): string[] {
  const before = readSnapshot(returnedAs);
  if (!before) return [];
  return changedFields(before, now).map((field) => {
    if (field === 'state')
      return t.sheet('changedState', { from: t.states(before.state), to: t.states(now.state) });
    if (field === 'note') return t.sheet('changedNote');
    const from = valueText(m, before[field], locale, t.measures);
    const to = valueText(m, now[field], locale, t.measures);
    return t.sheet(field === 'value' ? 'changedValue' : 'changedBaseline', { from, to });
  });
}
