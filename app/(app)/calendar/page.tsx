import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listCalendar } from '@/lib/data/programme/calendar';
import { dayOf, deadlineKinds, deadlineState } from '@/lib/domain/calendar';
import { defaultYear } from '@/lib/domain/progress';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { titled, type SearchParams } from '@/lib/i18n/page';
import { can } from '@/lib/domain/permissions';
import { yearSchema } from '@/lib/validations/year';
import { firstParam } from '@/lib/validations/units';
import { CalendarForm } from '@/components/calendar/calendar-form';
import { DeadlineNote } from '@/components/calendar/deadline-note';
import { Card } from '@/components/ui/card';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { SelectField } from '@/components/ui/form';
import { YearOptions } from '@/components/ui/options';
import { PageHeader } from '@/components/ui/page-header';
import { withClientMessages } from '@/components/layout/client-messages';

export const generateMetadata = titled('calendar');

/** The programme calendar of one year: everyone reads it; the Ministry sets it. */
async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission('calendar.view');
  const parsed = yearSchema.safeParse(firstParam((await searchParams).year));
  const year = parsed.success ? parsed.data : defaultYear();
  const [t, locale, rows] = await Promise.all([
    getTranslations('calendar'),
    getLocale(),
    listCalendar(year),
  ]);
  const today = dayOf(new Date());
  const byKind = new Map(rows.map((r) => [r.kind, r]));
  const lines = deadlineKinds.map((kind) => {
    const row = byKind.get(kind);
    const due = row?.dueOn.toISOString().slice(0, 10);
    return { id: kind, kind, due, row };
  });
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <FilterBar values={{ year }} label={t('chooseYear')} submitLabel={t('show')}>
        <SelectField name="year" label={t('year')}>
          <YearOptions />
        </SelectField>
      </FilterBar>
      <DataTable
        name="calendar"
        caption={t('yearCaption', { year })}
        captionVisible
        rows={lines}
        empty={t('none')}
        className="mb-6"
        columns={columnsOf<(typeof lines)[number]>()(t, {
          kind: { rowHeader: true, cell: (l) => t(`kinds.${l.kind}`) },
          due: (l) =>
            l.due
              ? `${formatDate(l.due, locale)}${l.row?.closes ? ` · ${t('closedAfter')}` : ''}`
              : t('notSet'),
          standing: (l) =>
            l.due ? (
              <DeadlineNote
                deadline={{ kind: l.kind, due: l.due, state: deadlineState(l.due, today) }}
                compact
                of="date"
              />
            ) : (
              '—'
            ),
          setBy: {
            className: 'text-slate-600',
            cell: (l) =>
              l.row
                ? `${l.row.updatedBy?.name ?? '—'} · ${formatDateTime(l.row.updatedAt, locale)}`
                : '—',
          },
        })}
      />
      {can(user, 'calendar.manage') ? (
        <Card id="calendar-edit" title={t('editTitle', { year })} className="max-w-2xl">
          <CalendarForm
            year={year}
            dates={Object.fromEntries(lines.map((l) => [l.kind, l.due ?? '']))}
            closes={rows.filter((r) => r.closes).map((r) => r.kind)}
          />
        </Card>
      ) : null}
    </>
  );
}

export default withClientMessages(CalendarPage, ['calendar']);
