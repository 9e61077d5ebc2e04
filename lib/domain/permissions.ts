/**
 * Who may do what, on which records: the one policy table. Pure, so pages, actions, data
 * functions and tests all ask the same question the same way.
 *
 * A record's scope is the province it belongs to today and, for ward records, the unit. A
 * record outside a user's scope is "not found" to them, never "forbidden".
 */

export const roles = ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER'] as const;
export type Role = (typeof roles)[number];

export interface Scope {
  role: Role;
  /** Today's province for PROVINCE, WARD and province VIEWER users; null means nationwide. */
  provinceId: number | null;
  /** WARD users only. */
  unitId: number | null;
}

/** Where a record sits: its province today (through lineage for former units) and its unit. */
export interface RecordScope {
  provinceId: number | null;
  unitId?: number | null;
  /**
   * A former unit split between several of today's units counts under one of them (provinceId,
   * unitId) but its history shows on every successor's page: their users may view it too.
   */
  viewableBy?: { provinceIds: number[]; unitIds: number[] };
}

type Reach = 'all' | 'province' | 'unit';

/**
 * For each action, the roles allowed and how far their reach goes. ADMIN, MINISTRY and a
 * nationwide VIEWER reach every record; PROVINCE and a province VIEWER their province; WARD its
 * unit. `reach` narrows a role below its natural scope (e.g. PROVINCE manages only WARD users).
 */
export const policy = {
  'province.view': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'VIEWER'] },
  'ward.view': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER'] },
  'dashboard.view': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'VIEWER'] },
  'assessment.view': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER'] },
  'assessment.register': { roles: ['ADMIN', 'PROVINCE'] },
  'assessment.cancel': { roles: ['ADMIN', 'PROVINCE'] },
  'result.edit': { roles: ['ADMIN', 'PROVINCE', 'WARD'] },
  'evidence.add': { roles: ['ADMIN', 'PROVINCE', 'WARD'] },
  'evidence.remove': { roles: ['ADMIN', 'PROVINCE', 'WARD'] },
  'evidence.download': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER'] },
  /** A comment on a criterion, without returning it: the ward, its province and the Ministry. */
  'comment.add': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD'] },
  'assessment.submit': { roles: ['ADMIN', 'PROVINCE', 'WARD'] },
  'assessment.review': { roles: ['ADMIN', 'PROVINCE'] },
  'assessment.inspect': { roles: ['ADMIN', 'MINISTRY'] },
  'assessment.decide': { roles: ['ADMIN', 'MINISTRY'] },
  'review.queue': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE'] },
  'report.export': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'VIEWER'] },
  'results.import': { roles: ['ADMIN', 'PROVINCE'] },
  'user.view': { roles: ['ADMIN', 'PROVINCE'] },
  'user.manage': { roles: ['ADMIN', 'PROVINCE'] },
  'audit.view': { roles: ['ADMIN', 'MINISTRY'] },
  'target.manage': { roles: ['ADMIN'] },
  'criteria.manage': { roles: ['ADMIN'] },
  'apitoken.manage': { roles: ['ADMIN'] },
  'unit.manage': { roles: ['ADMIN'] },
  'user.reset_second_factor': { roles: ['ADMIN'] },
  'calendar.view': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER'] },
  'calendar.manage': { roles: ['ADMIN', 'MINISTRY'] },
  /** A user's own inbox: every role has one. */
  'notification.read': { roles: ['ADMIN', 'MINISTRY', 'PROVINCE', 'WARD', 'VIEWER'] },
} as const satisfies Record<string, { roles: readonly Role[] }>;

export type Action = keyof typeof policy;
export const actions = Object.keys(policy) as Action[];

/** How far a role reaches, whatever the action. */
export function reachOf(scope: Scope): Reach {
  if (scope.role === 'ADMIN' || scope.role === 'MINISTRY') return 'all';
  if (scope.role === 'WARD') return 'unit';
  if (scope.role === 'VIEWER') return scope.provinceId === null ? 'all' : 'province';
  return 'province';
}

export function isRoleAllowed(role: Role, action: Action): boolean {
  return (policy[action].roles as readonly Role[]).includes(role);
}

/** Actions that only read: a shared former unit's other successors may do these. */
const readActions: ReadonlySet<Action> = new Set([
  'ward.view',
  'assessment.view',
  'evidence.download',
]);

/** Whether the record lies within the user's reach; `action` widens it to shared records when it only reads. */
export function isInScope(scope: Scope, record: RecordScope, action?: Action): boolean {
  const shared = action !== undefined && readActions.has(action) ? record.viewableBy : undefined;
  switch (reachOf(scope)) {
    case 'all':
      return true;
    case 'province':
      return (
        scope.provinceId !== null &&
        (record.provinceId === scope.provinceId ||
          (shared?.provinceIds.includes(scope.provinceId) ?? false))
      );
    case 'unit':
      return (
        scope.unitId !== null &&
        (record.unitId === scope.unitId || (shared?.unitIds.includes(scope.unitId) ?? false))
      );
  }
}

/**
 * The answer to "may this user do this action on this record". Without a record it answers
 * whether the role may do the action at all (to show or hide a button or a page).
 */
export function can(scope: Scope, action: Action, record?: RecordScope): boolean {
  if (!isRoleAllowed(scope.role, action)) return false;
  return record === undefined || isInScope(scope, record, action);
}

/** The roles a user may give to users they create or edit. */
export function assignableRoles(scope: Scope): Role[] {
  if (scope.role === 'ADMIN') return [...roles];
  if (scope.role === 'PROVINCE') return ['WARD'];
  return [];
}

/** The scope's province filter: a province-bound user sees only their province, whatever is asked. */
export function scopedProvinceId(scope: Scope, requested: number | null): number | null | 'none' {
  if (reachOf(scope) === 'all') return requested;
  if (reachOf(scope) === 'province')
    return requested === null || requested === scope.provinceId ? scope.provinceId : 'none';
  return 'none';
}
