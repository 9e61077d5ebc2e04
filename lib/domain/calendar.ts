import type { AssessmentStatus } from './workflow';

/**
 * The programme calendar: for each year the Ministry sets four dates. Which one an assessment is
 * waiting on follows from its status; a date is "due soon" within a week and "overdue" the day
 * after it passes (the due day itself is still on time).
 */

export const deadlineKinds = [
  'REGISTRATION',
  'SUBMISSION',
  'PROVINCIAL_REVIEW',
  'INSPECTION',
] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

/** Days before a date when it is shown, and announced, as coming. */
export const DUE_SOON_DAYS = 7;

export type DeadlineState = 'open' | 'dueSoon' | 'overdue';

/** The deadline an assessment in this status is waiting on, if any. */
export function deadlineFor(status: AssessmentStatus): DeadlineKind | null {
  switch (status) {
    case 'DRAFT':
    case 'RETURNED':
      return 'SUBMISSION';
    case 'SUBMITTED':
      return 'PROVINCIAL_REVIEW';
    case 'PROPOSED':
    case 'INSPECTING':
      return 'INSPECTION';
    default:
      return null;
  }
}

/** A calendar day (YYYY-MM-DD) in Vietnam's time zone: deadlines are days, not instants. */
export function dayOf(instant: Date): string {
  return new Date(instant.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/** Whole days from `today` to `due` (negative once passed); both YYYY-MM-DD. */
export function daysUntil(due: string, today: string): number {
  return Math.round((Date.parse(due) - Date.parse(today)) / 86_400_000);
}

export function deadlineState(due: string, today: string): DeadlineState {
  const days = daysUntil(due, today);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'dueSoon';
  return 'open';
}

export type YearDeadlines = Partial<Record<DeadlineKind, string>>;

/** What an assessment is waiting on and how it stands, or null when nothing is due. */
export function assessmentDeadline(
  status: AssessmentStatus,
  deadlines: YearDeadlines,
  today: string,
): { kind: DeadlineKind; due: string; state: DeadlineState } | null {
  const kind = deadlineFor(status);
  const due = kind ? deadlines[kind] : undefined;
  if (!kind || !due) return null;
  return { kind, due, state: deadlineState(due, today) };
}

/**
 * The dates of one year must come in the programme's order: registration, then submission,
 * then the province's review, then the end of inspection. Returns the first out of order.
 */
export function calendarOrderProblem(deadlines: YearDeadlines): DeadlineKind | null {
  let last = '';
  for (const kind of deadlineKinds) {
    const due = deadlines[kind];
    if (!due) continue;
    if (due < last) return kind;
    last = due;
  }
  return null;
}
