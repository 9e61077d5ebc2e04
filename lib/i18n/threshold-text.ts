import type { Comparator, MeasureKind } from '@/lib/domain/measures';
import { formatNumber } from '@/lib/i18n/format';

/** What a criterion is measured by and against. */
export interface MeasureRule {
  measureKind: MeasureKind;
  comparator: Comparator | null;
  threshold: number | null;
  ratingScale: string[];
}

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** How a change rule reads: a fall of at least 5 (≤ −5), a rise of more than 3 (> 3), or as is. */
function changeRule(comparator: string, threshold: number) {
  if (threshold < 0 && comparator === 'LTE') return 'fallAtLeast';
  if (threshold < 0 && comparator === 'LT') return 'fallMore';
  if (threshold > 0 && comparator === 'GTE') return 'riseAtLeast';
  if (threshold > 0 && comparator === 'GT') return 'riseMore';
  return 'other';
}

/**
 * The rule a criterion is judged by, in plain words ("Đạt khi tỷ lệ từ 95% trở lên", "fewer than
 * last year"), from the `measures` catalogue: the sheet's rows and the import template say the same.
 */
export function thresholdText(tm: Translate, data: MeasureRule, locale: string): string {
  if (data.measureKind === 'BOOLEAN') return tm('yesRule');
  if (data.comparator === null || data.threshold === null) return tm('noThreshold');
  const comparator = data.comparator;
  if (data.measureKind === 'RATING')
    return tm('ratingRule', {
      comparator,
      level: data.ratingScale[data.threshold] ?? String(data.threshold),
    });
  if (data.measureKind === 'CHANGE') {
    const rule = changeRule(comparator, data.threshold);
    return data.threshold === 0
      ? tm('changeZero', { comparator })
      : tm('changeBy', {
          comparator,
          rule,
          threshold: formatNumber(
            rule === 'other' ? data.threshold : Math.abs(data.threshold),
            locale,
            2,
          ),
        });
  }
  return tm('rule', {
    kind: data.measureKind,
    comparator,
    threshold: `${formatNumber(data.threshold, locale, 2)}${data.measureKind === 'PERCENT' ? '%' : ''}`,
  });
}
