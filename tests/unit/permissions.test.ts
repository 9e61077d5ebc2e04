import { describe, expect, it } from 'vitest';
import {
  actions,
  assignableRoles,
  can,
  policy,
  roles,
  type Role,
  type Scope,
} from '@/lib/domain/permissions';

/**
 * The matrix, generated from the policy table: every role × every action × a record inside and
 * a record outside the user's scope. Outside the scope the answer is always "not found".
 */

const HOME_PROVINCE = 38;
const OTHER_PROVINCE = 40;
const HOME_UNIT = 500;
const OTHER_UNIT_SAME_PROVINCE = 501;

const users: { label: string; scope: Scope }[] = [
  { label: 'ADMIN', scope: { role: 'ADMIN', provinceId: null, unitId: null } },
  { label: 'MINISTRY', scope: { role: 'MINISTRY', provinceId: null, unitId: null } },
  { label: 'PROVINCE', scope: { role: 'PROVINCE', provinceId: HOME_PROVINCE, unitId: null } },
  { label: 'WARD', scope: { role: 'WARD', provinceId: HOME_PROVINCE, unitId: HOME_UNIT } },
  { label: 'VIEWER (national)', scope: { role: 'VIEWER', provinceId: null, unitId: null } },
  {
    label: 'VIEWER (province)',
    scope: { role: 'VIEWER', provinceId: HOME_PROVINCE, unitId: null },
  },
];

const inScope = { provinceId: HOME_PROVINCE, unitId: HOME_UNIT };
const outOfScope = { provinceId: OTHER_PROVINCE, unitId: 900 };

describe.each(users)('$label', ({ scope }) => {
  it.each(actions)(
    '%s: allowed in scope exactly when the policy lists the role; out of scope is not found',
    (action) => {
      const listed = (policy[action].roles as readonly Role[]).includes(scope.role);
      expect(can(scope, action, inScope)).toBe(listed);
      const nationwide =
        scope.role === 'ADMIN' ||
        scope.role === 'MINISTRY' ||
        (scope.role === 'VIEWER' && scope.provinceId === null);
      // Out of scope, a record is "not found" to the user: lib/data filters it out by the same
      // rule (tests/integration/access/other-provinces.test.ts tries it on every action).
      expect(can(scope, action, outOfScope)).toBe(listed && nationwide);
    },
  );
});

describe('scope details', () => {
  it('a ward officer reaches only their own unit, not its neighbours in the province', () => {
    const ward = users.find((u) => u.label === 'WARD')!.scope;
    expect(can(ward, 'result.edit', { provinceId: HOME_PROVINCE, unitId: HOME_UNIT })).toBe(true);
    expect(
      can(ward, 'result.edit', { provinceId: HOME_PROVINCE, unitId: OTHER_UNIT_SAME_PROVINCE }),
    ).toBe(false);
  });

  it('a provincial officer with no province reaches nothing', () => {
    const broken: Scope = { role: 'PROVINCE', provinceId: null, unitId: null };
    expect(can(broken, 'result.edit', inScope)).toBe(false);
  });

  it('roles can only hand out what they hold: PROVINCE creates WARD users only', () => {
    expect(assignableRoles({ role: 'ADMIN', provinceId: null, unitId: null })).toEqual([...roles]);
    expect(assignableRoles({ role: 'PROVINCE', provinceId: 38, unitId: null })).toEqual(['WARD']);
    expect(assignableRoles({ role: 'MINISTRY', provinceId: null, unitId: null })).toEqual([]);
  });
});
