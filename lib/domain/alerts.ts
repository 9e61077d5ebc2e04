import { progressStatuses, type MilestoneResult, type ProgressStatus } from './progress';

/**
 * When a province is worth an alert (lib/data/notifications/alerts.ts tells them): its verdict
 * changed since the sweep last saw it, or a milestone of its closed. Each is told once.
 */

/** A stored verdict read back: one of the statuses, or null for anything else (told as none). */
export function readStatus(stored: string | null | undefined): ProgressStatus | null {
  return progressStatuses.find((s) => s === stored) ?? null;
}

/**
 * The change worth telling: the verdict seen before, when there was one and it differs. The
 * first verdict of a year is a baseline, not news.
 */
export function verdictChange(
  previous: ProgressStatus | null,
  status: ProgressStatus,
): { previous: ProgressStatus; status: ProgressStatus } | null {
  return previous !== null && previous !== status ? { previous, status } : null;
}

/**
 * The missed milestones still worth an alert in `year`: those of this year or the last. A miss
 * is told once, from the day its year is over; one older than that is history, not an alert
 * (a first sweep after an upgrade does not announce the programme's whole past).
 */
export function missedToTell(results: readonly MilestoneResult[], year: number): MilestoneResult[] {
  return results.filter((r) => r.outcome === 'missed' && r.year >= year - 1);
}

/** The event keys: one per province and change, one per province and missed milestone. */
export const alertKeys = {
  change: (provinceId: number, year: number, seq: string) =>
    `province-status:${provinceId}:${year}:${seq}`,
  missed: (provinceId: number, milestoneYear: number) =>
    `milestone-missed:${provinceId}:${milestoneYear}`,
};
