import type { DeadlineKind } from './calendar';
import type { NotifiedKind } from './workflow';

/**
 * What the inbox can say: a workflow step (the workflow table names which), a programme date or
 * a return's own date coming due, a comment. Written by lib/data/notifications/notifications.ts, worded by
 * lib/i18n/notification-text.ts for the inbox and e-mail.
 */
export type NotificationKind = NotifiedKind | 'DEADLINE' | 'COMMENTED' | 'RETURN_DUE';

/** What a line in the inbox says: catalogue parameters, and where it leads. */
export interface NotificationParams {
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
}
