import { checkEvidence } from '@/lib/domain/evidence-check';
import { CriterionLinks } from '@/components/assessments/criterion-links';
import { viewableAs } from '@/lib/domain/file-type';
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { getSheet } from '@/lib/data/assessments/sheet';
import { getYearCalendar } from '@/lib/data/programme/calendar';
import {
  addDays,
  assessmentDeadline,
  dayOf,
  latenessOf,
  RETURN_FIX_DAYS,
  RETURN_FIX_MAX_DAYS,
} from '@/lib/domain/calendar';
import { unitPath } from '@/lib/domain/units';
import { firstParam, wardAddressSchema } from '@/lib/validations/units';
import { yearSchema } from '@/lib/validations/year';
import { readEnv } from '@/lib/server/env';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { missingBeforeSubmission, transitionsFrom } from '@/lib/domain/workflow';
import { can } from '@/lib/domain/permissions';
import { PageHeader } from '@/components/ui/page-header';
import { buttonClass } from '@/components/ui/button';
import { Badge } from '@/components/ui/badge';
import { OriginBadge } from '@/components/assessments/origin-badge';
import { StatusBadge } from '@/components/assessments/status-badge';
import { CriterionRow } from '@/components/assessments/criterion-row';
import { EvidenceList } from '@/components/assessments/evidence-list';
import { ReviewComments } from '@/components/assessments/review-comments';
import { ReturnsSummary, type ReturnSummaryItem } from '@/components/assessments/returns-summary';
import { changeLines, measureIn, resultText } from '@/components/assessments/result-text';
import { DeadlineNote } from '@/components/calendar/deadline-note';
import { UnsavedChangesProvider } from '@/components/assessments/unsaved-changes';
import { WorkflowPanel } from '@/components/assessments/workflow-panel';
import { type SearchParams } from '@/lib/i18n/page';

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

export default async function SheetPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
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
  const texts = { sheet: t, states: ts, measures: tm };
  const measureOf = (r: (typeof sheet.results)[number]) => measureIn(r.criterion, locale);
  const nowOf = (r: (typeof sheet.results)[number]) => ({
    state: r.state,
    value: r.value,
    baseline: r.baseline,
    note: r.note,
  });
  // Each return with what changed since: the ward sees what is still owed, the reviewer what moved.
  const returns = sheet.results.flatMap((r) =>
    r.comments
      .filter((c) => c.isReturn)
      .map((c) => ({
        result: r,
        comment: c,
        changes: changeLines(measureOf(r), c.returnedAs, nowOf(r), locale, texts),
        evidenceAdded: r.evidence.filter((e) => e.createdAt > c.createdAt).length,
      })),
  );
  // Worked out once: the returns summary and each criterion's comment thread show the same lines.
  const returnOf = new Map(returns.map((x) => [x.comment.id, x]));
  const lastResolved = Math.max(0, ...returns.map((x) => x.comment.resolvedAt?.getTime() ?? 0));
  const summaryMode = sheet.status === 'RETURNED' ? 'open' : 'resubmitted';
  const summaryItems: ReturnSummaryItem[] = returns
    .filter((x) =>
      summaryMode === 'open'
        ? !x.comment.resolvedAt
        : ['SUBMITTED', 'PROPOSED', 'INSPECTING'].includes(sheet.status) &&
          x.comment.resolvedAt?.getTime() === lastResolved,
    )
    .map((x) => ({
      commentId: x.comment.id,
      number: x.result.criterion.number,
      title: en ? x.result.criterion.titleEn : x.result.criterion.title,
      stage: x.comment.stage,
      author: x.comment.author?.name ?? null,
      createdAt: x.comment.createdAt,
      reason: x.comment.body,
      answered: Boolean(x.comment.answeredAt),
      changes: x.changes,
      evidenceAdded: x.evidenceAdded,
      response: x.comment.response,
    }));
  const today = dayOf(new Date());
  const fixBy = sheet.fixBy?.toISOString().slice(0, 10) ?? null;
  const due = assessmentDeadline(sheet.status, calendar.dates, today, fixBy);
  // Sending the dossier after its date asks a reason (or is refused once the Ministry closed it).
  const late = latenessOf(
    'submit',
    calendar,
    today,
    sheet.status === 'RETURNED' ? { fixBy } : null,
  );
  const missing = missingBeforeSubmission(
    sheet.results.map((r) => ({ state: r.state, number: r.criterion.number })),
  );
  const evidence = checkEvidence(
    sheet.results.map((r) => ({
      number: r.criterion.number,
      state: r.state,
      evidenceCount: r.evidence.length,
      evidenceRequired: r.criterion.evidenceRequired,
    })),
  );
  const available = transitionsFrom(sheet.status)
    .filter((tr) => can(user, tr.permission, sheet.record))
    .map((tr) => tr.name);
  const maxMb = readEnv().EVIDENCE_MAX_MB;
  const mayComment = can(user, 'comment.add', sheet.record);
  const lastYearOf = (r: (typeof sheet.results)[number]) => {
    const before = sheet.lastYear.byNumber.get(r.criterion.number);
    return before
      ? {
          year: sheet.lastYear.year,
          text: resultText(measureOf(r), before, locale, texts),
          value: before.value,
          evidence: before.evidence,
        }
      : null;
  };
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
        {due ? <DeadlineNote deadline={due} /> : null}
      </div>

      <ReturnsSummary items={summaryItems} mode={summaryMode} />

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
        {sheet.status === 'DRAFT' || sheet.status === 'RETURNED' ? (
          <p className={`mt-1 text-sm ${missing.length ? 'text-amber-800' : 'text-emerald-700'}`}>
            {missing.length
              ? t('missing', {
                  count: missing.length,
                  list: missing.map((m) => m.number).join(', '),
                })
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

      {available.length > 0 ? (
        // Buttons mean nothing on paper: a printed sheet starts with its criteria.
        <section aria-label={t('workflow')} className="mb-6 print:hidden">
          <h2 className="mb-2 text-sm font-semibold uppercase tracking-wide text-slate-600">
            {t('workflow')}
          </h2>
          <WorkflowPanel
            assessmentId={sheet.id}
            available={available}
            evidence={evidence}
            submit={{
              late: late ? { due: formatDate(late.due, locale), closed: late.closed } : null,
              toMinistry: sheet.status === 'RETURNED' && sheet.returnedBy === 'MINISTRY',
            }}
            fixBy={{
              suggested: addDays(today, RETURN_FIX_DAYS),
              min: today,
              max: addDays(today, RETURN_FIX_MAX_DAYS),
            }}
            items={sheet.results.map((r) => ({
              resultId: r.id,
              number: r.criterion.number,
              title: en ? r.criterion.titleEn : r.criterion.title,
              current: resultText(measureOf(r), nowOf(r), locale, texts),
            }))}
          />
        </section>
      ) : null}

      {sheet.criteriaSet.pillars.map((pillar) => (
        <section key={pillar.id} className="mb-6" aria-labelledby={`pillar-${pillar.id}`}>
          <h2 id={`pillar-${pillar.id}`} className="mb-3 text-lg font-semibold text-brand-900">
            {t('pillar', { position: pillar.position, name: en ? pillar.nameEn : pillar.name })}
          </h2>
          <ol className="space-y-3">
            {sheet.results
              .filter((r) => r.criterion.pillarId === pillar.id)
              .map((r) => (
                <CriterionRow
                  key={r.id}
                  data={{
                    resultId: r.id,
                    number: r.criterion.number,
                    title: en ? r.criterion.titleEn : r.criterion.title,
                    description: en ? r.criterion.descriptionEn : r.criterion.description,
                    guidance:
                      (en && r.criterion.evidenceGuidanceEn) || r.criterion.evidenceGuidance,
                    evidenceCount: r.evidence.length,
                    evidenceRequired: r.criterion.evidenceRequired,
                    ...measureOf(r),
                    state: r.state,
                    value: r.value,
                    baseline: r.baseline,
                    note: r.note,
                    version: r.version,
                    editable: r.editable,
                    isReopened: r.isReopened,
                    savedAt: r.savedAt?.toISOString() ?? null,
                    updatedBy: r.updatedBy?.name ?? null,
                    draftOwner: user.id,
                    lastYear: lastYearOf(r),
                  }}
                >
                  <EvidenceList
                    resultId={r.id}
                    editable={r.editable}
                    maxMb={maxMb}
                    items={r.evidence.map((e) => ({
                      id: e.id,
                      kind: e.kind,
                      title: e.title,
                      periodFrom: e.periodFrom?.toISOString() ?? null,
                      periodTo: e.periodTo?.toISOString() ?? null,
                      url: e.url,
                      note: e.note,
                      fileName: e.fileName,
                      size: e.size,
                      viewable: viewableAs(e.mimeType),
                      periodReason: e.periodReason,
                      createdAt: e.createdAt.toISOString(),
                      createdBy: e.createdBy?.name ?? null,
                    }))}
                  />
                  <ReviewComments
                    resultId={r.id}
                    canRespond={r.editable}
                    canComment={mayComment}
                    comments={r.comments.map((c) => ({
                      id: c.id,
                      stage: c.stage,
                      isReturn: c.isReturn,
                      body: c.body,
                      createdAt: c.createdAt.toISOString(),
                      resolvedAt: c.resolvedAt?.toISOString() ?? null,
                      answeredAt: c.answeredAt?.toISOString() ?? null,
                      response: c.response,
                      author: c.author?.name ?? null,
                      authorRole: c.author?.role ?? null,
                      changes: returnOf.get(c.id)?.changes ?? [],
                      evidenceAdded: returnOf.get(c.id)?.evidenceAdded ?? 0,
                    }))}
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
