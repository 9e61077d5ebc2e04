import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { getWardHistory } from '@/lib/data/units/wards';
import { unitPath } from '@/lib/domain/units';
import { formatDate } from '@/lib/i18n/format';
import { can } from '@/lib/domain/permissions';
import { firstParam, wardAddressSchema } from '@/lib/validations/units';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { OriginBadge } from '@/components/assessments/origin-badge';
import { resultSummary, StatusBadge } from '@/components/assessments/status-badge';
import { type SearchParams } from '@/lib/i18n/page';

type Params = Promise<{ code: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: (await params).code };
}

/** "Phường A (note), Phường B": units linked to their pages, each with an optional note. */
function UnitLinks<U extends { id: number; code: string; validTo: Date | null; fullName: string }>({
  units,
  note,
}: {
  units: readonly U[];
  note: (unit: U) => string | null;
}) {
  return units.map((u, i) => {
    const said = note(u);
    return (
      <span key={u.id}>
        {i > 0 ? ', ' : ''}
        <Link href={unitPath(u)} className="text-brand-700 hover:underline">
          {u.fullName}
        </Link>
        {said ? <span className="text-slate-600"> ({said})</span> : null}
      </span>
    );
  });
}

export default async function WardPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const address = wardAddressSchema.safeParse({
    code: (await params).code,
    on: firstParam((await searchParams).on),
  });
  if (!address.success) notFound();
  const history = await getWardHistory(user, address.data.code, address.data.on);
  if (!history || !can(user, 'ward.view', history.record)) notFound();
  const [t, tSheet, tTypes, locale] = await Promise.all([
    getTranslations('wards'),
    getTranslations('sheet'),
    getTranslations('unitTypes'),
    getLocale(),
  ]);
  const { unit, assessments } = history;
  const designated = unit.successors.find((s) => s.isDesignated);
  const place = [unit.districtName, unit.province.name].filter(Boolean).join(', ');
  return (
    <>
      <PageHeader title={unit.fullName} intro={`${place} · ${t('historyIntro')}`} />
      <div className="mb-4 flex flex-col gap-2 text-sm">
        <div className="flex flex-wrap items-center gap-2">
          <Badge>{unit.code}</Badge>
          {unit.validTo ? (
            <Badge tone="warning">
              {t('formerUntil', { date: formatDate(unit.validTo, locale) })}
            </Badge>
          ) : null}
          {unit.typeChanges.map((c) => (
            <Badge key={c.effectiveDate.toISOString()} tone="info" title={c.basis}>
              {t('typeChange', {
                from: tTypes(c.fromType),
                to: tTypes(c.toType),
                date: formatDate(c.effectiveDate, locale),
              })}
            </Badge>
          ))}
        </div>
        {unit.successors.length > 0 ? (
          <p data-testid="successors">
            <span className="text-slate-600">{t('mergedInto')} </span>
            <UnitLinks
              units={unit.successors}
              note={(s) => (s.isDesignated ? t('countsHereShort') : t('partOnly'))}
            />
            {unit.successors.length > 1 && designated ? (
              <span className="mt-1 block text-slate-600">
                {t('countedUnder', { name: designated.fullName })}{' '}
                <Link href="/dashboard#method" className="text-brand-700 hover:underline">
                  {t('ruleLink')}
                </Link>
              </span>
            ) : null}
          </p>
        ) : null}
        {unit.predecessors.length > 0 ? (
          <p data-testid="predecessors">
            <span className="text-slate-600">{t('formedFrom')} </span>
            <UnitLinks
              units={unit.predecessors}
              note={(p) =>
                p.countsHere
                  ? null
                  : t('partlyCountedUnder', { name: p.countsUnder?.fullName ?? '—' })
              }
            />
          </p>
        ) : null}
      </div>
      <h2 className="mb-2 text-lg font-semibold">{t('history')}</h2>
      <DataTable
        caption={t('history')}
        rows={assessments}
        empty={t('noHistory')}
        columns={columnsOf<(typeof assessments)[number]>()(t, {
          year: { rowHeader: true, cell: (a) => a.year },
          unit: (a) => (
            <>
              {a.unit.fullName}
              {a.unit.id !== unit.id ? ` (${a.unit.code})` : ''}
              {a.countsHere ? null : (
                <span className="block text-xs text-slate-600">{t('partNotCounted')}</span>
              )}
            </>
          ),
          result: {
            className: 'tabular-nums',
            cell: (a) =>
              resultSummary(tSheet, {
                met: a.metCount,
                total: a.totalCriteria,
                notDue: a.notDueCount,
                notMet: a.notMetCount,
              }),
          },
          status: (a) => (
            <>
              <span className="flex flex-wrap items-center gap-2">
                <StatusBadge status={a.status} />
                <OriginBadge origin={a.origin} />
              </span>
              {a.recognition && !a.recognition.withdrawnAt ? (
                <span className="text-xs text-slate-600">
                  {tSheet('decision', {
                    number: a.recognition.number,
                    date: formatDate(a.recognition.decidedOn, locale),
                  })}
                </span>
              ) : null}
            </>
          ),
          open: {
            header: t('open', { year: '' }),
            hiddenHeader: true,
            align: 'right',
            cell: (a) => (
              <Link href={unitPath(a.unit, a.year)} className="text-brand-700 hover:underline">
                {t('open', { year: a.year })}
              </Link>
            ),
          },
        })}
      />
    </>
  );
}
