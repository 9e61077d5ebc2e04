import type { ResultState } from './attainment';
import {
  addDays,
  assessmentDeadline,
  latenessOf,
  RETURN_FIX_DAYS,
  RETURN_FIX_MAX_DAYS,
  type YearCalendar,
} from './calendar';
import { checkEvidence, type EvidenceCheck } from './evidence-check';
import { viewableAs } from './file-type';
import type { CriterionDefinition } from './measures';
import { can, type RecordScope, type Role, type Scope } from './permissions';
import { missingBeforeSubmission, transitionsFrom, type AssessmentStatus } from './workflow';
import type {
  CommentItem,
  CriterionRowData,
  EvidenceItem,
  FixByRange,
  ResultFields,
  ReturnableItem,
  ReturnSummaryItem,
  Stage,
  SubmitContext,
} from './sheet-items';
import { changeLines, measureIn, resultText, type ResultTexts } from '@/lib/i18n/result-text';

/**
 * The ward sheet's view model: what the sheet page and its components show, built once from the
 * dossier as lib/data reads it. The page only lays it out; the components' props are these types.
 */

/** What the view model reads of a dossier (lib/data/assessments/sheet.ts's getSheet answers it). */
export interface SheetSource {
  status: AssessmentStatus;
  fixBy: Date | null;
  returnedBy: Stage | null;
  record: RecordScope;
  criteriaSet: { pillars: { id: number; position: number; name: string; nameEn: string }[] };
  lastYear: {
    year: number;
    byNumber: Map<number, { state: ResultState; value: number | null; evidence: number }>;
  };
  results: (ResultFields & {
    id: number;
    savedAt: Date | null;
    updatedBy: { name: string } | null;
    criterion: CriterionDefinition & { pillarId: number };
    evidence: {
      id: number;
      kind: EvidenceItem['kind'];
      title: string;
      periodFrom: Date | null;
      periodTo: Date | null;
      url: string | null;
      note: string;
      fileName: string | null;
      mimeType: string | null;
      size: number | null;
      periodReason: string | null;
      createdAt: Date;
      createdBy: { name: string } | null;
    }[];
    comments: {
      id: number;
      stage: Stage;
      isReturn: boolean;
      body: string;
      createdAt: Date;
      resolvedAt: Date | null;
      answeredAt: Date | null;
      returnedAs: unknown;
      response: string;
      author: { name: string; role: Role } | null;
    }[];
  })[];
}

export interface SheetViewContext {
  /** The signed-in user. */
  user: Scope & { id: number };
  calendar: YearCalendar;
  /** Today in Vietnam's calendar (YYYY-MM-DD). */
  today: string;
  locale: string;
  texts: ResultTexts;
  /** A date as the page writes it (the late step's due date). */
  formatDate: (iso: string) => string;
}

/** Builds the sheet's view model. */
export function sheetView(sheet: SheetSource, ctx: SheetViewContext) {
  const { user, calendar, today, locale, texts } = ctx;
  const en = locale === 'en';
  type Result = SheetSource['results'][number];
  const measureOf = (r: Result) => measureIn(r.criterion, locale);
  const nowOf = (r: Result) => ({
    state: r.state,
    value: r.value,
    baseline: r.baseline,
    note: r.note,
  });
  const title = (r: Result) => (en ? r.criterion.titleEn : r.criterion.title);

  // Each return with what changed since: the ward sees what is still owed, the reviewer what
  // moved. Worked out once: the summary and each criterion's thread show the same lines.
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
  const returnOf = new Map(returns.map((x) => [x.comment.id, x]));
  const lastResolved = Math.max(0, ...returns.map((x) => x.comment.resolvedAt?.getTime() ?? 0));
  const summaryMode: 'open' | 'resubmitted' = sheet.status === 'RETURNED' ? 'open' : 'resubmitted';
  const returnsSummary: ReturnSummaryItem[] = returns
    .filter((x) =>
      summaryMode === 'open'
        ? !x.comment.resolvedAt
        : ['SUBMITTED', 'PROPOSED', 'INSPECTING'].includes(sheet.status) &&
          x.comment.resolvedAt?.getTime() === lastResolved,
    )
    .map((x) => ({
      commentId: x.comment.id,
      number: x.result.criterion.number,
      title: title(x.result),
      stage: x.comment.stage,
      author: x.comment.author?.name ?? null,
      createdAt: x.comment.createdAt,
      reason: x.comment.body,
      answered: Boolean(x.comment.answeredAt),
      changes: x.changes,
      evidenceAdded: x.evidenceAdded,
      response: x.comment.response,
    }));

  const fixBy = sheet.fixBy?.toISOString().slice(0, 10) ?? null;
  // Sending the dossier after its date asks a reason (or is refused once the Ministry closed it).
  const late = latenessOf(
    'submit',
    calendar,
    today,
    sheet.status === 'RETURNED' ? { fixBy } : null,
  );
  const evidence: EvidenceCheck = checkEvidence(
    sheet.results.map((r) => ({
      number: r.criterion.number,
      state: r.state,
      evidenceCount: r.evidence.length,
      evidenceRequired: r.criterion.evidenceRequired,
    })),
  );
  const mayComment = can(user, 'comment.add', sheet.record);

  const rowOf = (r: Result) => {
    const before = sheet.lastYear.byNumber.get(r.criterion.number);
    const data: CriterionRowData = {
      resultId: r.id,
      number: r.criterion.number,
      title: title(r),
      description: en ? r.criterion.descriptionEn : r.criterion.description,
      guidance: (en && r.criterion.evidenceGuidanceEn) || r.criterion.evidenceGuidance,
      evidenceCount: r.evidence.length,
      evidenceRequired: r.criterion.evidenceRequired,
      ...measureOf(r),
      ...nowOf(r),
      version: r.version,
      editable: r.editable,
      isReopened: r.isReopened,
      savedAt: r.savedAt?.toISOString() ?? null,
      updatedBy: r.updatedBy?.name ?? null,
      draftOwner: user.id,
      lastYear: before
        ? {
            year: sheet.lastYear.year,
            text: resultText(measureOf(r), before, locale, texts),
            value: before.value,
            evidence: before.evidence,
          }
        : null,
    };
    const evidenceItems: EvidenceItem[] = r.evidence.map((e) => ({
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
    }));
    const comments: CommentItem[] = r.comments.map((c) => ({
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
    }));
    return { data, evidence: evidenceItems, comments, canRespond: r.editable };
  };

  return {
    returnsSummary,
    summaryMode,
    due: assessmentDeadline(sheet.status, calendar.dates, today, fixBy),
    /** Criteria still without a result, for a dossier the ward can still change. */
    missing:
      sheet.status === 'DRAFT' || sheet.status === 'RETURNED'
        ? missingBeforeSubmission(
            sheet.results.map((r) => ({ state: r.state, number: r.criterion.number })),
          ).map((m) => m.number)
        : null,
    evidence,
    mayComment,
    workflow: {
      available: transitionsFrom(sheet.status)
        .filter((tr) => can(user, tr.permission, sheet.record))
        .map((tr) => tr.name),
      submit: {
        late: late ? { due: ctx.formatDate(late.due), closed: late.closed } : null,
        toMinistry: sheet.status === 'RETURNED' && sheet.returnedBy === 'MINISTRY',
      } satisfies SubmitContext,
      fixBy: {
        suggested: addDays(today, RETURN_FIX_DAYS),
        min: today,
        max: addDays(today, RETURN_FIX_MAX_DAYS),
      } satisfies FixByRange,
      items: sheet.results.map((r): ReturnableItem => ({
        resultId: r.id,
        number: r.criterion.number,
        title: title(r),
        current: resultText(measureOf(r), nowOf(r), locale, texts),
      })),
    },
    pillars: sheet.criteriaSet.pillars.map((pillar) => ({
      id: pillar.id,
      position: pillar.position,
      name: en ? pillar.nameEn : pillar.name,
      rows: sheet.results.filter((r) => r.criterion.pillarId === pillar.id).map(rowOf),
    })),
  };
}

export type SheetView = ReturnType<typeof sheetView>;
