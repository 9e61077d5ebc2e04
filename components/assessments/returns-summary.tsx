import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatDateTime } from '@/lib/i18n/format';
import type { ReturnSummaryItem } from '@/lib/domain/sheet-items';

/**
 * The top of a returned sheet: which criteria came back, from whom, when and why, and which are
 * answered. After resubmission the reviewer reads the same list with what changed since.
 */
export async function ReturnsSummary({
  items,
  mode,
}: {
  items: ReturnSummaryItem[];
  mode: 'open' | 'resubmitted';
}) {
  if (items.length === 0) return null;
  const [t, locale] = await Promise.all([getTranslations('sheet'), getLocale()]);
  const open = items.filter((i) => !i.answered).length;
  return (
    <section
      aria-labelledby="returns-summary"
      data-testid="returns-summary"
      className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-4"
    >
      <h2 id="returns-summary" className="font-semibold text-amber-950">
        {mode === 'open'
          ? t('returnsTitle', { count: items.length })
          : t('resubmittedTitle', { count: items.length })}
      </h2>
      {mode === 'open' ? (
        <p className="text-sm text-amber-900">
          {open ? t('returnsToAnswer', { count: open }) : t('returnsAllAnswered')}
        </p>
      ) : null}
      <ul className="mt-2 space-y-2 text-sm">
        {items.map((i) => (
          <li key={i.commentId} className="rounded bg-white/70 p-2">
            <Link href={`#criterion-${i.number}`} className="font-medium text-brand-800 underline">
              {i.number}. {i.title}
            </Link>
            <span className="ml-2 text-xs text-slate-600">
              {t('returnedBy', { stage: t(`stage.${i.stage}`) })} · {i.author ?? '—'} ·{' '}
              {formatDateTime(i.createdAt, locale)}
            </span>
            <p className="whitespace-pre-wrap text-slate-800">{i.reason}</p>
            <p
              className={`text-xs ${i.answered ? 'text-emerald-800' : 'font-medium text-rose-800'}`}
            >
              {i.answered ? t('answered') : t('notAnswered')}
              {i.changes.length ? ` · ${i.changes.join(' · ')}` : ''}
              {i.evidenceAdded ? ` · ${t('evidenceAdded', { count: i.evidenceAdded })}` : ''}
              {i.response ? ` · ${t('response')}: ${i.response}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
