import { useLocale, useTranslations } from 'next-intl';
import { isBare } from '@/lib/domain/evidence-check';
import type { ResultState } from '@/lib/domain/attainment';
import type { CriterionRowData } from '@/lib/domain/sheet-items';
import { thresholdText, type MeasureRule } from '@/lib/i18n/threshold-text';
import { StateBadge } from './status-badge';

/** The rule a criterion is judged by, in plain words, in the user's language. */
export function useThresholdText(data: MeasureRule): string {
  const tm = useTranslations('measures');
  return thresholdText(tm as unknown as Parameters<typeof thresholdText>[0], data, useLocale());
}

/**
 * One criterion's item on the sheet: its number and title, its state as saved, the rule it is
 * judged by and last year's result; the result itself (a form, or the saved result as text)
 * and the reviewers' part come as children. Rendered on the server for a result the user only
 * reads, and inside the editor's client component for one they may change.
 */
export function CriterionShell({
  data,
  state,
  children,
}: {
  data: CriterionRowData;
  /** The state as saved (the editor's changes after a save, before the page reloads). */
  state: ResultState;
  children: React.ReactNode;
}) {
  const t = useTranslations('sheet');
  const tm = useTranslations('measures');
  const rule = useThresholdText(data);
  const titleId = `r${data.resultId}-title`;
  return (
    <li
      id={`criterion-${data.number}`}
      className={`scroll-mt-4 rounded-lg border bg-white p-4 shadow-sm ${data.isReopened ? 'border-amber-400' : 'border-slate-200'}`}
      aria-labelledby={titleId}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={titleId} className="font-semibold text-slate-900">
          <span className="mr-2 text-slate-500">{data.number}.</span>
          {data.title}
        </h3>
        <div className="flex items-center gap-2">
          {data.isReopened ? (
            <span className="text-xs font-medium text-amber-800">{t('reopened')}</span>
          ) : null}
          {!data.editable ? <span className="text-xs text-slate-500">{t('readOnly')}</span> : null}
          {isBare({ state, evidenceCount: data.evidenceCount }) ? (
            <span
              className={`rounded px-1.5 py-0.5 text-xs font-medium ${data.evidenceRequired ? 'bg-rose-50 text-rose-800' : 'bg-amber-50 text-amber-900'}`}
            >
              {t('noEvidenceBadge')}
              {data.evidenceRequired ? ` · ${t('evidenceRequiredBadge')}` : ''}
            </span>
          ) : null}
          <StateBadge state={state} />
        </div>
      </div>
      {data.description ? <p className="mt-1 text-sm text-slate-600">{data.description}</p> : null}
      <p className="mt-1 text-xs text-slate-500">
        {tm(data.measureKind)} · {rule}
      </p>
      {data.guidance ? (
        <p className="mt-1 text-xs text-slate-500">{t('guidance', { text: data.guidance })}</p>
      ) : null}
      {data.lastYear ? (
        <p className="mt-1 text-xs text-slate-600" data-testid="last-year">
          {t('lastYear', {
            year: data.lastYear.year,
            result: data.lastYear.text,
            evidence: data.lastYear.evidence,
          })}
        </p>
      ) : null}
      {children}
    </li>
  );
}
