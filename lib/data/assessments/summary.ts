import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { storedCounts, summarizeResults } from '@/lib/domain/attainment';
import { isBare } from '@/lib/domain/evidence-check';
import { isResultEditable, type AssessmentStatus } from '@/lib/domain/workflow';
import { unitNaming } from '../units/unit-sql';

/** The unit fields every assessment read needs for its scope and names. */
export const unitSelect = {
  ...unitNaming,
  provinceId: true,
  validTo: true,
  countsUnderId: true,
  province: { select: { code: true, name: true, validTo: true, isCity: true } },
  successors: {
    select: { newUnit: { select: { id: true, code: true, name: true, provinceId: true } } },
  },
} satisfies Prisma.UnitSelect;

/**
 * Recomputes an assessment's stored counts from its results and their evidence (call inside the
 * write's transaction, after the write). The dossier's row is locked first, so two writes to
 * one dossier at once count one after the other and neither count misses the other's write.
 */
export async function refreshSummary(
  tx: Prisma.TransactionClient,
  assessmentId: number,
): Promise<void> {
  // One after the other: a transaction is one connection.
  await tx.$queryRaw`SELECT id FROM assessments WHERE id = ${assessmentId} FOR UPDATE`;
  const rows = await tx.criterionResult.findMany({
    where: { assessmentId },
    select: { state: true, _count: { select: { evidence: { where: { removedAt: null } } } } },
  });
  const total = await tx.assessment.findUniqueOrThrow({
    where: { id: assessmentId },
    select: { criteriaSet: { select: { _count: { select: { criteria: true } } } } },
  });
  const s = summarizeResults(
    rows.map((r) => r.state),
    total.criteriaSet._count.criteria,
  );
  const bareCount = rows.filter((r) =>
    isBare({ state: r.state, evidenceCount: r._count.evidence }),
  ).length;
  await tx.assessment.update({
    where: { id: assessmentId },
    data: { ...storedCounts(s), bareCount },
  });
}

/** A result's own fields, as every read of results selects them. */
export const resultFields = {
  id: true,
  state: true,
  value: true,
  baseline: true,
  note: true,
  version: true,
  isReopened: true,
} as const;

/** What of a criterion decides a result: its number and its measure. */
export const measureFields = {
  number: true,
  measureKind: true,
  comparator: true,
  threshold: true,
  ratingScale: true,
} as const;

/** What decides whether a result may change now, and where it belongs (for the audit event). */
export const lockFields = {
  id: true,
  assessmentId: true,
  isReopened: true,
  assessment: {
    select: {
      status: true,
      year: true,
      unit: { select: { province: { select: { code: true } } } },
    },
  },
} satisfies Prisma.CriterionResultSelect;

/** Whether a result read with lockFields may change now (lib/domain/workflow.ts decides). */
export function isOpenForChange(r: {
  isReopened: boolean;
  assessment: { status: AssessmentStatus };
}) {
  return isResultEditable(r.assessment.status, r.isReopened);
}
