import type { DashboardView } from '@/lib/data/progress/dashboard';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { MilestoneVerdict } from './milestone-verdict';
import { ProgressStatusBadge } from './progress-status';
import { figureLabels } from './figure-labels';

/**
 * What a leader repeats, first on the page (before the controls, so a phone shows it in its first
 * screen): the stamp and data date, the notes that qualify the figures, the share, each
 * milestone's verdict and the pace toward the next one.
 */
export async function VerdictPanel({
  view,
  scopeLabel,
}: {
  view: DashboardView;
  scopeLabel: string;
}) {
  const { t, locale, countedLabel, stamp, dataDate } = await figureLabels(view);
  const { model } = view;
  const n = (v: number) => formatNumber(v, locale);
  const milestone = model.milestone;
  const formerRows = model.provinces.some((p) => view.provinces.get(p.provinceId)?.validTo);
  if (model.totals.wards === 0) return null;
  return (
    <div className="mb-4 space-y-3">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600">
        <Badge tone={model.official ? 'success' : 'warning'}>{stamp}</Badge>
        {dataDate} · {scopeLabel}
      </p>
      {model.future ? (
        <p
          role="note"
          className="rounded border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900"
        >
          {t('futureNotice', { year: model.year, asOf: model.asOfYear })}
        </p>
      ) : null}
      {model.asRecorded ? (
        <p
          role="note"
          className="rounded border border-slate-200 bg-slate-50 px-3 py-2 text-sm text-slate-700"
        >
          {t('unitsNote', {
            share: model.share === null ? '—' : formatPercent(model.share, locale),
            judged: model.judgedShare === null ? '—' : formatPercent(model.judgedShare, locale),
          })}
          {formerRows ? ` ${t('mergerNote')}` : null}
        </p>
      ) : null}
      <section
        aria-labelledby="verdict-title"
        className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
        data-testid="verdict"
      >
        <h2 id="verdict-title" className="text-sm font-semibold text-slate-600">
          {t('verdictTitle', { year: model.asOfYear })}
        </h2>
        <p className="mt-1 flex flex-wrap items-baseline gap-x-3">
          <span className="text-3xl font-bold tabular-nums text-slate-900">
            {model.judgedShare === null ? '—' : formatPercent(model.judgedShare, locale)}
          </span>
          <span className="text-sm text-slate-600">
            {countedLabel} ·{' '}
            {model.asRecorded
              ? t('judgedOnToday')
              : t('verdictCounts', {
                  counted: n(model.totals.counted),
                  wards: n(model.totals.wards),
                })}
          </span>
        </p>
        {model.milestoneResults.length > 0 ? (
          <ul className="mt-2 flex flex-wrap gap-2">
            {model.milestoneResults.map((r) => (
              <li key={r.year}>
                <MilestoneVerdict result={r} daysLeft={model.daysLeft} />
              </li>
            ))}
          </ul>
        ) : null}
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          {milestone ? (
            <>
              <span>
                {t('paceToward', {
                  target: formatPercent(milestone.share, locale, 0),
                  year: milestone.year,
                })}
                {' · '}
                {t(`targetOrigin.${milestone.origin}`)}:
              </span>
              <ProgressStatusBadge status={model.progress.status} />
              {model.wardsNeeded ? (
                <span className="text-slate-600">
                  · {t('needed')} {t('neededValue', { count: model.wardsNeeded })}
                </span>
              ) : null}
            </>
          ) : model.milestoneResults.length > 0 ? (
            t('noNextTarget', { year: model.asOfYear })
          ) : (
            t('noTarget')
          )}
        </p>
      </section>
    </div>
  );
}
