import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import {
  criteriaSetSchema,
  type CriteriaSetInput,
  type CriterionEditInput,
} from '@/lib/validations/criteria-set';
import { recordAudit, type AuditActor } from '../audit';

/**
 * Criteria sets are data: the shipped wording is provisional and an administrator corrects it.
 * A set that no assessment uses yet may change anything; once in use, only its wording, so
 * results already recorded keep the meaning they were recorded under.
 */

/**
 * Creates a set with its pillars, criteria and years; null when its code exists. `takeYears`
 * moves the listed years to the new set; otherwise years already assigned elsewhere stay there.
 */
export async function createCriteriaSet(
  tx: Prisma.TransactionClient,
  input: CriteriaSetInput,
  options: { takeYears: boolean },
): Promise<number | null> {
  const set = criteriaSetSchema.parse(input);
  if (await tx.criteriaSet.findUnique({ where: { code: set.code }, select: { id: true } }))
    return null;
  const created = await tx.criteriaSet.create({
    data: {
      code: set.code,
      title: set.title,
      titleEn: set.titleEn,
      issuingDocument: set.issuingDocument,
      isProvisional: set.isProvisional,
      pillars: { create: set.pillars },
    },
    include: { pillars: true },
  });
  const pillarId = new Map(created.pillars.map((p) => [p.position, p.id]));
  await tx.criterion.createMany({
    data: set.criteria.map(({ pillar, comparator, threshold, ...c }) => ({
      ...c,
      comparator: comparator ?? null,
      threshold: threshold ?? null,
      isProvisional: set.isProvisional,
      criteriaSetId: created.id,
      pillarId: pillarId.get(pillar)!,
    })),
  });
  await assignYears(tx, created.id, set.years, options.takeYears);
  return created.id;
}

async function assignYears(
  tx: Prisma.TransactionClient,
  setId: number,
  years: number[],
  take: boolean,
) {
  if (take) {
    await tx.criteriaSetYear.deleteMany({ where: { year: { in: years } } });
    await tx.criteriaSetYear.createMany({
      data: years.map((year) => ({ year, criteriaSetId: setId })),
    });
    return;
  }
  const taken = new Set(
    (
      await tx.criteriaSetYear.findMany({ where: { year: { in: years } }, select: { year: true } })
    ).map((y) => y.year),
  );
  await tx.criteriaSetYear.createMany({
    data: years.filter((y) => !taken.has(y)).map((year) => ({ year, criteriaSetId: setId })),
  });
}

/** What names a criteria set, in lists and on its own page. */
const setHeading = {
  id: true,
  code: true,
  title: true,
  titleEn: true,
  issuingDocument: true,
  isProvisional: true,
  years: { select: { year: true }, orderBy: { year: 'asc' } },
} as const;

export async function listCriteriaSets() {
  const sets = await db().criteriaSet.findMany({
    orderBy: { createdAt: 'asc' },
    select: { ...setHeading, _count: { select: { criteria: true, assessments: true } } },
  });
  return sets.map(({ _count, years, ...s }) => ({
    ...s,
    years: years.map((y) => y.year),
    criteria: _count.criteria,
    assessments: _count.assessments,
  }));
}

export async function getCriteriaSet(id: number) {
  const set = await db().criteriaSet.findUnique({
    where: { id },
    select: {
      ...setHeading,
      _count: { select: { assessments: true } },
      pillars: {
        orderBy: { position: 'asc' },
        select: { id: true, position: true, name: true, nameEn: true },
      },
      criteria: { orderBy: { number: 'asc' } },
    },
  });
  if (!set) return null;
  const { _count, years, ...rest } = set;
  return {
    ...rest,
    years: years.map((y) => y.year),
    inUse: _count.assessments > 0,
  };
}

export type CriterionEditResult = { ok: true } | { ok: false; error: 'not_found' | 'in_use' };

/**
 * Wording (titles, descriptions, guidance, the labels of a rating scale) may always change;
 * the measure (kind, comparator, threshold, number of levels) only while no assessment uses the set.
 */
export async function updateCriterion(
  actor: AuditActor,
  input: CriterionEditInput,
): Promise<CriterionEditResult> {
  return db().$transaction(async (tx) => {
    const found = await tx.criterion.findUnique({
      where: { id: input.id },
      include: { criteriaSet: { select: { _count: { select: { assessments: true } } } } },
    });
    if (!found) return { ok: false, error: 'not_found' } as const;
    const { criteriaSet, ...before } = found;
    const inUse = criteriaSet._count.assessments > 0;
    const scale = input.measureKind === 'RATING' ? input.ratingScale : [];
    const scaleEn = input.measureKind === 'RATING' ? input.ratingScaleEn : [];
    const measureChanged =
      input.measureKind !== before.measureKind ||
      (input.comparator ?? null) !== before.comparator ||
      (input.threshold ?? null) !== before.threshold ||
      scale.length !== before.ratingScale.length;
    if (inUse && measureChanged) return { ok: false, error: 'in_use' } as const;
    const after = await tx.criterion.update({
      where: { id: input.id },
      data: {
        title: input.title,
        titleEn: input.titleEn,
        description: input.description,
        descriptionEn: input.descriptionEn,
        evidenceGuidance: input.evidenceGuidance,
        evidenceGuidanceEn: input.evidenceGuidanceEn,
        evidenceRequired: input.evidenceRequired,
        ratingScale: scale,
        ratingScaleEn: scaleEn,
        ...(inUse
          ? {}
          : {
              measureKind: input.measureKind,
              comparator: input.comparator ?? null,
              threshold: input.threshold ?? null,
            }),
      },
    });
    await recordAudit(tx, actor, {
      action: measureChanged ? 'criterion.update' : 'criterion.reword',
      entity: 'criterion',
      entityId: input.id,
      before,
      after,
    });
    return { ok: true } as const;
  });
}

export async function importCriteriaSet(
  actor: AuditActor,
  input: CriteriaSetInput,
): Promise<{ ok: true; id: number } | { ok: false; error: 'code_taken' }> {
  return db().$transaction(async (tx) => {
    const id = await createCriteriaSet(tx, input, { takeYears: true });
    if (id === null) return { ok: false, error: 'code_taken' } as const;
    await recordAudit(tx, actor, {
      action: 'criteriaset.import',
      entity: 'criteriaset',
      entityId: id,
      after: { code: input.code, years: input.years, criteria: input.criteria.length },
    });
    return { ok: true, id } as const;
  });
}

/** Years whose new assessments use this set (an existing assessment keeps its own set). */
export async function setCriteriaSetYears(
  actor: AuditActor,
  setId: number,
  years: number[],
): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const set = await tx.criteriaSet.findUnique({
      where: { id: setId },
      select: { id: true, years: { select: { year: true } } },
    });
    if (!set) return false;
    await tx.criteriaSetYear.deleteMany({
      where: { OR: [{ criteriaSetId: setId }, { year: { in: years } }] },
    });
    await tx.criteriaSetYear.createMany({
      data: years.map((year) => ({ year, criteriaSetId: setId })),
    });
    await recordAudit(tx, actor, {
      action: 'criteriaset.years',
      entity: 'criteriaset',
      entityId: setId,
      before: set.years.map((y) => y.year),
      after: years,
    });
    return true;
  });
}
