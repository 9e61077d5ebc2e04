import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listReviewQueue, type QueueItem } from '@/lib/data/assessments/queue';
import { assessmentDeadline, dayOf } from '@/lib/domain/calendar';
import { unitPath, wardName } from '@/lib/domain/units';
import { bulkStepFrom, bulkSteps, findTransition, type BulkStep } from '@/lib/domain/workflow';
import { can } from '@/lib/domain/permissions';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { queueQuerySchema, queueStatuses, waitingBands } from '@/lib/validations/queue';
import { DeadlineNote } from '@/components/calendar/deadline-note';
import { BulkStepForm, BulkTick } from '@/components/assessments/queue-bulk';
import { buttonClass } from '@/components/ui/button';
import { resultSummary, StatusBadge } from '@/components/assessments/status-badge';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { ChoiceField, Field } from '@/components/ui/form';
import { ProvinceField, YearOptions } from '@/components/ui/options';
import { PageHeader } from '@/components/ui/page-header';
import { Pager, withQuery } from '@/components/ui/pager';
import { listProvinceOptions } from '@/lib/data/units/provinces';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('review');

const DAY_MS = 86_400_000;

async function ReviewPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('review.queue');
  const query = queueQuerySchema.parse(await searchParams);
  const [t, tSheet, tStatus, tExports, queue, provinces] = await Promise.all([
    getTranslations('review'),
    getTranslations('sheet'),
    getTranslations('statuses'),
    getTranslations('exports'),
    listReviewQueue(user, query),
    listProvinceOptions(user),
  ]);
  // The page renders once per request; "now" is that moment.
  // eslint-disable-next-line react-hooks/purity
  const now = Date.now();
  const today = dayOf(new Date(now));
  const current = Object.fromEntries(
    Object.entries(query).filter(([, v]) => v !== undefined),
  ) as Record<string, string | number | undefined>;
  const href = (change: Record<string, string | number | undefined>) =>
    withQuery('/review', current, change);
  const deadlineOf = (item: QueueItem) =>
    assessmentDeadline(item.status, queue.deadlines.get(item.year) ?? {}, today);
  const waitingDays = (item: QueueItem) =>
    Math.floor((now - item.statusChangedAt.getTime()) / DAY_MS);
  const wardLink = (item: QueueItem) => (
    <Link
      href={unitPath({ code: item.unitCode, validTo: item.unitValidTo }, item.year)}
      className="text-brand-700 hover:underline"
    >
      {wardName(item.unitName)}
    </Link>
  );
  const due = (item: QueueItem) => {
    const d = deadlineOf(item);
    return d ? <DeadlineNote deadline={d} compact /> : <span className="text-slate-400">—</span>;
  };
  const bareText = (item: QueueItem) =>
    item.bare ? (
      <span className="text-amber-800">{t('bare', { count: item.bare })}</span>
    ) : (
      <span className="text-emerald-700">{t('noBare')}</span>
    );
  // The steps this user may take on several dossiers at once, and the tick of each row they fit.
  const steps = bulkSteps.filter(
    (step) =>
      can(user, findTransition(step).permission) &&
      queue.rows.some((item) => bulkStepFrom(item.status) === step),
  );
  const stepOf = (item: QueueItem): BulkStep | null => {
    const step = bulkStepFrom(item.status);
    return step && steps.includes(step) ? step : null;
  };
  const tick = (item: QueueItem) => {
    const step = stepOf(item);
    return step ? (
      <BulkTick step={step} id={item.assessmentId} ward={wardName(item.unitName)} />
    ) : null;
  };
  const exportHref = (format: 'xlsx' | 'csv') =>
    withQuery('/api/review/export', current, { page: undefined, format });
  const sortKey = query.sort ?? 'year';
  const sortDir = query.dir ?? (query.sort === 'waiting' || !query.sort ? 'desc' : 'asc');
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <FilterBar values={current} label={t('filters')} submitLabel={t('apply')}>
        <Field name="q" type="search" label={t('search')} />
        {provinces.length > 1 ? (
          <ProvinceField provinces={provinces} label={t('province')} empty={t('allProvinces')} />
        ) : null}
        <ChoiceField
          name="status"
          label={t('status')}
          empty={t('allStatuses')}
          choices={queueStatuses.map((s) => ({ value: s, label: tStatus(s) }))}
        />
        <ChoiceField name="year" label={t('year')} empty={t('allYears')}>
          <YearOptions />
        </ChoiceField>
        <ChoiceField
          name="waiting"
          label={t('waitingFilter')}
          empty={t('anyWait')}
          choices={waitingBands.map((b) => ({
            value: b,
            label: t('waitingAtLeast', { count: Number(b) }),
          }))}
        />
        <label className="flex items-center gap-2 self-center text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === '1'} />
          {t('overdueOnly')}
        </label>
      </FilterBar>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-600" aria-live="polite" data-testid="queue-count">
          {t('count', { count: queue.total })}
        </p>
        {queue.total > 0 ? (
          <span className="flex gap-2 print:hidden">
            {(['xlsx', 'csv'] as const).map((format) => (
              <a key={format} href={exportHref(format)} download className={buttonClass('compact')}>
                {tExports(format)}
              </a>
            ))}
          </span>
        ) : null}
      </div>
      {steps.length ? (
        <section
          aria-label={t('bulkTitle')}
          className="mb-3 flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3 print:hidden"
        >
          {steps.map((step) => (
            <BulkStepForm key={step} step={step} />
          ))}
        </section>
      ) : null}
      <DataTable
        name="review-queue"
        className="hidden md:block"
        caption={t('title')}
        rows={queue.rows}
        rowKey={(item) => item.assessmentId}
        empty={t('empty')}
        sort={{
          key: sortKey,
          dir: sortDir,
          keys: ['ward', 'province', 'year', 'waiting'],
          href: (key, dir) => href({ sort: key, dir, page: undefined }),
        }}
        columns={columnsOf<QueueItem>()(t, {
          select: steps.length > 0 && { className: 'w-10', cell: tick },
          ward: { rowHeader: true, cell: wardLink },
          province: (item) => item.provinceName,
          year: (item) => item.year,
          result: { className: 'tabular-nums', cell: (item) => resultSummary(tSheet, item) },
          evidence: { className: 'tabular-nums', cell: (item) => bareText(item) },
          status: (item) => <StatusBadge status={item.status} />,
          waiting: {
            className: 'tabular-nums',
            cell: (item) => t('days', { count: waitingDays(item) }),
          },
          deadline: due,
        })}
      />
      {/* On a phone each dossier is a card: the same facts, no sideways scrolling. */}
      <ul className="space-y-2 md:hidden" aria-label={t('title')}>
        {queue.rows.length === 0 ? <li className="text-sm text-slate-500">{t('empty')}</li> : null}
        {queue.rows.map((item) => (
          <li
            key={item.assessmentId}
            className="rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
          >
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex items-center gap-2 font-medium">
                {tick(item)}
                {wardLink(item)}
              </span>
              <StatusBadge status={item.status} />
            </div>
            <p className="text-slate-600">
              {item.provinceName} · {item.year} · {resultSummary(tSheet, item)}
            </p>
            <p className="text-slate-600">{bareText(item)}</p>
            <p className="mt-1 flex flex-wrap items-center gap-2 text-slate-600">
              {t('days', { count: waitingDays(item) })} {due(item)}
            </p>
          </li>
        ))}
      </ul>
      <Pager page={queue.page} pages={queue.pages} href={(page) => href({ page })} />
    </>
  );
}

export default withClientMessages(ReviewPage, ['review']);
