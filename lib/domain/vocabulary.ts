import type * as Db from '@/lib/generated/prisma/enums';
import type { ResultState } from './attainment';
import type { DeadlineKind } from './calendar';
import type { NotificationKind, notificationKinds } from './notifications';
import type { Role } from './permissions';
import type { UnitType } from './units';
import type { AssessmentStatus } from './workflow';

/**
 * One vocabulary: each list the rules use (in its own order) names exactly the values of the
 * schema's enum. A value added to or dropped from either side fails the type check here, so a
 * database row can be used as a domain value without a cast; text from elsewhere (a form, raw
 * SQL, stored JSON) is checked with `memberOf`.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const vocabularyMatchesSchema: [
  Same<AssessmentStatus, Db.AssessmentStatus>,
  Same<ResultState, Db.ResultState>,
  Same<Role, Db.Role>,
  Same<UnitType, Db.UnitType>,
  Same<DeadlineKind, Db.DeadlineKind>,
  Same<NotificationKind, Db.NotificationKind>,
  Same<(typeof notificationKinds)[number], Db.NotificationKind>,
] = [true, true, true, true, true, true, true];

/** Whether `value` is one of `list` (a form's, a query's or a stored document's text). */
export function memberOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}
