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

/**
 * What a dossier can be waiting on: one of the programme's dates, or the date a return asked the
 * fix by ("sửa trước ngày …", set by the reviewer who returned it).
 */
export type DueKind = DeadlineKind | 'RETURN_FIX';

/** Days a reviewer's return gives by default, and the most it may give. */
export const RETURN_FIX_DAYS = 15;
export const RETURN_FIX_MAX_DAYS = 90;

/**
 * The programme date an assessment in this status is waiting on, if any. A returned dossier
 * waits on its return's own date, not on the long-passed submission date.
 */
export function deadlineFor(status: AssessmentStatus): DeadlineKind | null {
  switch (status) {
    case 'DRAFT':
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

/** The day `days` after `day` (YYYY-MM-DD). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(day) + days * 86_400_000).toISOString().slice(0, 10);
}

export function deadlineState(due: string, today: string): DeadlineState {
  const days = daysUntil(due, today);
  if (days < 0) return 'overdue';
  if (days <= DUE_SOON_DAYS) return 'dueSoon';
  return 'open';
}

export type YearDeadlines = Partial<Record<DeadlineKind, string>>;

/**
 * What an assessment is waiting on and how it stands, or null when nothing is due: a returned
 * dossier, its return's date (`fixBy`); any other, the programme date of its status.
 */
export function assessmentDeadline(
  status: AssessmentStatus,
  deadlines: YearDeadlines,
  today: string,
  fixBy?: string | null,
): { kind: DueKind; due: string; state: DeadlineState } | null {
  if (status === 'RETURNED')
    return fixBy ? { kind: 'RETURN_FIX', due: fixBy, state: deadlineState(fixBy, today) } : null;
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

/** The steps a date limits: registering wards, and sending a dossier up. */
export type LimitedStep = 'register' | 'submit';

/** A year's dates with those the Ministry closed (after a closed date the step is refused). */
export interface YearCalendar {
  dates: YearDeadlines;
  closed: readonly DeadlineKind[];
}

export interface Lateness {
  kind: DueKind;
  due: string;
  /** The Ministry closed the period: the step is refused. Otherwise it asks for a reason. */
  closed: boolean;
}

/**
 * Whether a step comes after its date, and what that means. Registration is limited by the
 * registration date, a first submission by the submission date; a resubmission after a return by
 * the return's own date only (the reviewer gave it, whatever the programme's dates), which is
 * never closed. The due day itself is on time. Null: on time, or no date set.
 */
export function latenessOf(
  step: LimitedStep,
  calendar: YearCalendar,
  today: string,
  returned?: { fixBy: string | null } | null,
): Lateness | null {
  if (step === 'submit' && returned)
    return returned.fixBy && today > returned.fixBy
      ? { kind: 'RETURN_FIX', due: returned.fixBy, closed: false }
      : null;
  const kind: DeadlineKind = step === 'register' ? 'REGISTRATION' : 'SUBMISSION';
  const due = calendar.dates[kind];
  if (!due || today <= due) return null;
  return { kind, due, closed: calendar.closed.includes(kind) };
}

/** The dates the Ministry may close: those that limit a step. */
export const closableKinds = [
  'REGISTRATION',
  'SUBMISSION',
] as const satisfies readonly DeadlineKind[];
export type ClosableKind = (typeof closableKinds)[number];

export function isClosable(kind: DeadlineKind): kind is ClosableKind {
  return (closableKinds as readonly DeadlineKind[]).includes(kind);
}
