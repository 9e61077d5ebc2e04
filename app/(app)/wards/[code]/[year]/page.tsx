import { CriterionLinks } from '@/components/assessments/criterion-links';
import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { sheetView } from '@/lib/domain/sheet-view';
import { getSheet } from '@/lib/data/assessments/sheet';
import { getYearCalendar } from '@/lib/data/programme/calendar';
import { dayOf } from '@/lib/domain/calendar';
import { unitPath } from '@/lib/domain/units';
import { firstParam, wardAddressSchema } from '@/lib/validations/units';
import { yearSchema } from '@/lib/validations/year';
import { readEnv } from '@/lib/server/env';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { OriginBadge } from '@/components/assessments/origin-badge';
import { StatusBadge } from '@/components/assessments/status-badge';
import { CriterionRow } from '@/components/assessments/criterion-row';
import { EvidenceList } from '@/components/assessments/evidence-list';
import { ReviewComments } from '@/components/assessments/review-comments';
import { ReturnsSummary } from '@/components/assessments/returns-summary';
import { DeadlineNote } from '@/components/calendar/deadline-note';
import { UnsavedChangesProvider } from '@/components/assessments/unsaved-changes';
import { WorkflowPanel } from '@/components/assessments/workflow-panel';
import { type SearchParams } from '@/lib/i18n/page';
import { withClientMessages } from '@/components/layout/client-messages';

type Params = Promise<{ code: string; year: string }>;

const sheetAddress = wardAddressSchema.extend({ year: yearSchema });

function parse(params: { code: string; year: string }, on?: string) {
  const parsed = sheetAddress.safeParse({ ...params, on });
  return parsed.success ? parsed.data : null;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = parse(await params);
  return { title: p ? `${p.code} · ${p.year}` : undefined };
}

async function SheetPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const user = await requireUser();
  const p = parse(await params, firstParam((await searchParams).on));
  if (!p) notFound();
  const sheet = await getSheet(user, p.code, p.year, p.on);
  if (!sheet || !can(user, 'assessment.view', sheet.record)) notFound();
  const [t, ts, tm, locale, calendar] = await Promise.all([
    getTranslations('sheet'),
    getTranslations('states'),
    getTranslations('measures'),
    getLocale(),
    getYearCalendar(sheet.year),
  ]);
  const en = locale === 'en';
  const view = sheetView(sheet, {
    user,
    calendar,
    today: dayOf(new Date()),
    locale,
    texts: { sheet: t, states: ts, measures: tm },
    formatDate: (iso) => formatDate(iso, locale),
  });
  const { evidence, missing } = view;
  const maxMb = readEnv().EVIDENCE_MAX_MB;
  const unit = sheet.unit;
  return (
    <UnsavedChangesProvider message={t('leaveWarning')}>
      <PageHeader
        title={t('title', { ward: unit.fullName, year: sheet.year })}
        intro={`${unit.province.name} · ${t('criteriaSet', { title: en ? sheet.criteriaSet.titleEn : sheet.criteriaSet.title })}`}
        actions={
          <span className="flex flex-wrap items-center gap-3 text-sm">
            <Link href={unitPath(unit, sheet.year, 'print')} className={buttonClass('compact')}>
              {t('printDossier')}
            </Link>
            <Link href={unitPath(unit)} className="text-brand-700 hover:underline">
              ← {unit.fullName}
            </Link>
          </span>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600">{t('status')}:</span>
        <span data-testid="sheet-status">
          <StatusBadge status={sheet.status} />
        </span>
        <span className="text-slate-500">
          {t('since', { date: formatDateTime(sheet.statusChangedAt, locale) })}
        </span>
        <OriginBadge origin={sheet.origin} />
        {unit.validTo ? <Badge tone="warning">{t('former')}</Badge> : null}
        {sheet.criteriaSet.isProvisional ? <Badge tone="warning">{t('provisional')}</Badge> : null}
        {view.due ? <DeadlineNote deadline={view.due} /> : null}
      </div>

      <ReturnsSummary items={view.returnsSummary} mode={view.summaryMode} />

      <section
        aria-label={t('summaryLabel')}
        className="mb-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
      >
        <p className="text-lg font-semibold" data-testid="sheet-summary">
          {t('summary', {
            met: sheet.metCount,
            total: sheet.totalCriteria,
            notDue: sheet.notDueCount,
            notMet: sheet.notMetCount,
          })}
        </p>
        {missing ? (
          <p className={`mt-1 text-sm ${missing.length ? 'text-amber-800' : 'text-emerald-700'}`}>
            {missing.length
              ? t('missing', { count: missing.length, list: missing.join(', ') })
              : t('complete')}
          </p>
        ) : null}
        <p
          data-testid="sheet-evidence"
          className={`mt-1 text-sm ${evidence.bare.length ? 'text-amber-800' : 'text-emerald-700'}`}
        >
          {evidence.bare.length ? (
            <>
              {t('bareEvidence', { count: evidence.bare.length })}{' '}
              <CriterionLinks numbers={evidence.bare} />
              {evidence.required.length ? (
                <span className="block font-medium text-rose-800">
                  {t('requiredEvidence', { list: evidence.required.join(', ') })}
                </span>
              ) : null}
            </>
          ) : (
            t('allEvidence')
          )}
        </p>
        {sheet.recognition ? (
          <p className="mt-1 text-sm text-emerald-800">
            {t('decision', {
              number: sheet.recognition.number,
              date: formatDate(sheet.recognition.decidedOn, locale),
            })}
            {sheet.recognition.withdrawnAt
              ? ` · ${t('withdrawn', {
                  number: sheet.recognition.withdrawnNumber ?? '—',
                  date: formatDate(
                    sheet.recognition.withdrawnOn ?? sheet.recognition.withdrawnAt,
                    locale,
                  ),
                  reason: sheet.recognition.withdrawnReason ?? '',
                })}`
              : ''}
          </p>
        ) : null}
      </section>

      {view.workflow.available.length > 0 ? (
        // Buttons mean nothing on paper: a printed sheet starts with its criteria.
        <section aria-label={t('workflow')} className="mb-6 print:hidden">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t('workflow')}
          </h2>
          <WorkflowPanel assessmentId={sheet.id} evidence={evidence} {...view.workflow} />
        </section>
      ) : null}

      {view.pillars.map((pillar) => (
        <section key={pillar.id} className="mb-6" aria-labelledby={`pillar-${pillar.id}`}>
          <h2 id={`pillar-${pillar.id}`} className="mb-3 text-lg font-semibold text-brand-900">
            {t('pillar', { position: pillar.position, name: pillar.name })}
          </h2>
          <ol className="space-y-3">
            {pillar.rows.map((row) => (
              <CriterionRow key={row.data.resultId} data={row.data}>
                <EvidenceList
                  resultId={row.data.resultId}
                  editable={row.data.editable}
                  maxMb={maxMb}
                  items={row.evidence}
                />
                <ReviewComments
                  resultId={row.data.resultId}
                  canRespond={row.canRespond}
                  canComment={view.mayComment}
                  comments={row.comments}
                />
              </CriterionRow>
            ))}
          </ol>
        </section>
      ))}

      <section aria-labelledby="history" className="mb-6">
        <h2 id="history" className="mb-2 text-lg font-semibold">
          {t('history')}
        </h2>
        <ol className="space-y-1 text-sm">
          {sheet.transitions.map((tr, i) => (
            <li key={i} className="flex flex-wrap gap-2">
              <span className="text-slate-500">{formatDateTime(tr.createdAt, locale)}</span>
              <StatusBadge status={tr.fromStatus} /> → <StatusBadge status={tr.toStatus} />
              <span>{tr.actor?.name ?? ''}</span>
              {tr.reason ? (
                <span className="text-slate-600">
                  ·{' '}
                  {tr.toStatus === 'RETURNED'
                    ? t('returnedCriteria', { list: tr.reason })
                    : tr.reason}
                </span>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </UnsavedChangesProvider>
  );
}

export default withClientMessages(SheetPage, [
  'evidence',
  'measures',
  'roles',
  'sheet',
  'states',
  'statuses',
]);
