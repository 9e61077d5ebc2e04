import type { DeadlineKind } from './calendar';
import type { NotifiedKind } from './workflow';

/**
 * What the inbox can say: a workflow step (the workflow table names which), a programme date or
 * a return's own date coming due, a comment. Written by lib/data/notifications/notifications.ts, worded by
 * lib/i18n/notification-text.ts for the inbox and e-mail.
 */
export type NotificationKind = NotifiedKind | 'DEADLINE' | 'COMMENTED' | 'RETURN_DUE';

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
  href: string;
};
