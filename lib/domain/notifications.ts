import type { DeadlineKind } from './calendar';
import type { ProgressStatus } from './progress';
import type { NotifiedKind } from './workflow';

/**
 * What the inbox can say: a workflow step (the workflow table names which), a programme date or
 * a return's own date coming due, a comment, a province's verdict changing or a milestone it
 * missed. Written by lib/data/notifications/notifications.ts and alerts.ts, worded by
 * lib/i18n/notification-text.ts for the inbox and e-mail.
 */
export type NotificationKind =
  NotifiedKind | 'DEADLINE' | 'COMMENTED' | 'RETURN_DUE' | 'PROVINCE_STATUS' | 'MILESTONE_MISSED';

/** Every kind, for reading stored ones back (lib/domain/vocabulary.ts checks it against the schema). */
export const notificationKinds = [
  'RETURNED',
  'AWAITING_REVIEW',
  'RESUBMITTED',
  'RECOGNISED',
  'NOT_RECOGNISED',
  'WITHDRAWN',
  'DEADLINE',
  'COMMENTED',
  'RETURN_DUE',
  'PROVINCE_STATUS',
  'MILESTONE_MISSED',
] as const satisfies readonly NotificationKind[];

/**
 * What a line in the inbox says: catalogue parameters, and where it leads. A type, not an
 * interface, so it is plain JSON to the database client without a cast.
 */
export type NotificationParams = {
  ward?: string;
  year: number;
  by?: string;
  reason?: string;
  count?: number;
  deadline?: DeadlineKind;
  due?: string;
  /** The criterion's number, for a line about one criterion (a comment). */
  criterion?: number;
  /** The start of what someone wrote (a comment), one line. */
  excerpt?: string;
  /** A province's name (an alert about a province). */
  province?: string;
  /** A province's verdict now and before (PROVINCE_STATUS). */
  status?: ProgressStatus;
  previous?: ProgressStatus;
  /** A milestone's target and the share reached, as fractions (MILESTONE_MISSED). */
  target?: number;
  share?: number;
  href: string;
};
