/** Targets: a share of wards or a number of wards, per year, national or per province. */

export type TargetKind = 'PERCENT' | 'COUNT';

export interface TargetRow {
  provinceId: number | null;
  year: number;
  kind: TargetKind;
  value: number;
  sourceDocument: string;
}

export interface ApplicableTarget extends TargetRow {
  /** Where it comes from: the province's own target, or the national one it inherits. */
  origin: 'province' | 'national';
}

/** The target in force for a province and year: its own, else the national one. */
export function applicableTarget(
  targets: readonly TargetRow[],
  provinceId: number | null,
  year: number,
): ApplicableTarget | null {
  const own =
    provinceId === null
      ? undefined
      : targets.find((t) => t.provinceId === provinceId && t.year === year);
  if (own) return { ...own, origin: 'province' };
  const national = targets.find((t) => t.provinceId === null && t.year === year);
  return national ? { ...national, origin: 'national' } : null;
}

/**
 * The target a year works towards, as the dashboards read it: the one set for the year, else the
 * next year's that has one (2026 works towards 2029's 100% when no 2026 target is set).
 */
export function targetInForce(
  targets: readonly TargetRow[],
  provinceId: number | null,
  year: number,
): ApplicableTarget | null {
  const years = [...new Set(targets.map((t) => t.year))]
    .filter((y) => y >= year)
    .sort((a, b) => a - b);
  for (const y of years) {
    const found = applicableTarget(targets, provinceId, y);
    if (found) return found;
  }
  return null;
}

/** The share of `wards` a target asks for (a count target is capped at all of them). */
export function targetShare(target: Pick<TargetRow, 'kind' | 'value'>, wards: number): number {
  if (target.kind === 'PERCENT') return target.value / 100;
  return wards > 0 ? Math.min(1, target.value / wards) : 0;
}

/** How many wards a target asks for, out of `wards`. */
export function targetWardCount(target: Pick<TargetRow, 'kind' | 'value'>, wards: number): number {
  return target.kind === 'COUNT'
    ? Math.min(wards, Math.round(target.value))
    : Math.ceil((target.value / 100) * wards - 1e-9);
}
