import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { dayOf, deadlineKinds, deadlineState, type YearDeadlines } from '@/lib/domain/calendar';
import { formatDate } from '@/lib/i18n/format';
import { DeadlineNote } from './deadline-note';

/** A year's programme dates on a dashboard: each with how it stands today. Nothing when none is set. */
export async function CalendarStrip({
  year,
  deadlines,
}: {
  year: number;
  deadlines: YearDeadlines;
}) {
  const set = deadlineKinds.filter((k) => deadlines[k]);
  if (set.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('calendar'), getLocale()]);
  const today = dayOf(new Date());
  return (
    <section
      aria-labelledby="calendar-strip"
      className="mb-4 rounded-lg border border-slate-200 bg-white p-3 text-sm shadow-sm"
    >
      <h2 id="calendar-strip" className="mb-2 font-semibold">
        <Link href={`/calendar?year=${year}`} className="hover:underline">
          {t('yearCaption', { year })}
        </Link>
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-2">
        {set.map((kind) => {
          const due = deadlines[kind]!;
          return (
            <li key={kind} className="flex flex-wrap items-center gap-2">
              <span>
                {t(`kinds.${kind}`)}: {formatDate(due, locale)}
              </span>
              {deadlineState(due, today) === 'open' ? null : (
                <DeadlineNote
                  deadline={{ kind, due, state: deadlineState(due, today) }}
                  compact
                  of="date"
                />
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
