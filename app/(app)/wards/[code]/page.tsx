import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth';
import { getWardHistory } from '@/lib/data/assessments';
import { formatDate } from '@/lib/format';
import { can } from '@/lib/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { StatusBadge } from '@/components/assessments/status-badge';

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await params).code };
}

export default async function WardPage({ params }: { params: Params }) {
  const user = await requireUser();
  const { code } = await params;
  if (!/^\d{5}$/.test(code)) notFound();
  const history = await getWardHistory(user, code);
  if (!history || !can(user, 'ward.view', history.record)) notFound();
  const [t, tSheet, locale] = await Promise.all([
    getTranslations('wards'),
    getTranslations('sheet'),
    getLocale(),
  ]);
  const { unit, assessments } = history;
  const successor = unit.validTo ? unit.successors[0]?.newUnit : undefined;
  return (
    <>
      <PageHeader title={unit.fullName} intro={`${unit.province.name} · ${t('historyIntro')}`} />
      <div className="mb-4 flex flex-wrap gap-2 text-sm">
        <Badge>{unit.code}</Badge>
        {unit.isSample ? <Badge>{tSheet('sample')}</Badge> : null}
        {unit.validTo ? <Badge tone="warning">{tSheet('former')}</Badge> : null}
        {unit.predecessors.length ? (
          <span className="text-slate-600">
            {t('predecessors', {
              list: unit.predecessors
                .map((p) => `${p.oldUnit.name} (${p.oldUnit.province.name})`)
                .join(', '),
            })}
          </span>
        ) : null}
        {successor ? (
          <Link href={`/wards/${successor.code}`} className="text-brand-700 hover:underline">
            {t('successor', {
              name: `Phường ${successor.name}`,
              date: formatDate('2025-07-01', locale),
            })}
          </Link>
        ) : null}
      </div>
      <h2 className="mb-2 text-lg font-semibold">{t('history')}</h2>
      {assessments.length === 0 ? (
        <p className="rounded border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
          {t('noHistory')}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">{t('history')}</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {t('year')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('unit')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('result')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('status')}
                </th>
                <th scope="col" className="px-3 py-2">
                  <span className="sr-only">{t('open', { year: '' })}</span>
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {assessments.map((a) => (
                <tr key={a.id}>
                  <th scope="row" className="px-3 py-2 text-left">
                    {a.year}
                  </th>
                  <td className="px-3 py-2">
                    Phường {a.unit.name}
                    {a.unit.id !== unit.id ? ` (${a.unit.code})` : ''}
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {tSheet('summary', {
                      met: a.metCount,
                      total: a.totalCriteria,
                      notDue: a.notDueCount,
                      notMet: a.notMetCount,
                    })}
                  </td>
                  <td className="px-3 py-2">
                    <StatusBadge status={a.status} />
                    {a.recognition && !a.recognition.withdrawnAt ? (
                      <span className="ml-2 text-xs text-slate-600">
                        {tSheet('decision', {
                          number: a.recognition.number,
                          date: formatDate(a.recognition.decidedOn, locale),
                        })}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 text-right">
                    <Link
                      href={`/wards/${a.unit.code}/${a.year}`}
                      className="text-brand-700 hover:underline"
                    >
                      {t('open', { year: a.year })}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
