import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { foldForSearch } from '@/lib/domain/search-text';
import { assignableRoles, reachOf, type Role, type Scope } from '@/lib/domain/permissions';
import type { CreateUserInput, UpdateUserInput } from '@/lib/validations/users';
import { throttleKeys } from '@/lib/domain/throttle';
import { issueHandover, unusablePasswordHash } from './handovers';
import { countFailure, lockOn } from './throttle';
import { recordAudit, type AuditActor } from '../audit';
import { endUserSessions } from './sessions';
import { account, accountSelect, auditedFields } from './session-user';
import type { Locale } from '@/lib/i18n/config';

/** Users a manager may see: everyone for ADMIN; the WARD users of their province for PROVINCE. */
export function manageableWhere(scope: Scope): Prisma.UserWhereInput {
  if (scope.role === 'ADMIN') return {};
  if (scope.role === 'PROVINCE' && scope.provinceId !== null)
    return { role: 'WARD', provinceId: scope.provinceId };
  return { id: -1 };
}

export interface UserListItem {
  id: number;
  email: string;
  name: string;
  role: Role;
  isActive: boolean;
  mustChangePassword: boolean;
  lastLoginAt: Date | null;
  provinceCode: string | null;
  provinceName: string | null;
  unitName: string | null;
}

export async function listUsers(
  scope: Scope,
  filter: { search?: string; role?: Role; active?: boolean } = {},
): Promise<UserListItem[]> {
  const folded = filter.search ? foldForSearch(filter.search) : '';
  const rows = await db().user.findMany({
    where: {
      AND: [
        manageableWhere(scope),
        filter.role ? { role: filter.role } : {},
        filter.active === undefined ? {} : { isActive: filter.active },
      ],
    },
    orderBy: [{ isActive: 'desc' }, { email: 'asc' }],
    take: 500,
    select: accountSelect,
  });
  return rows
    .filter((r) => !folded || foldForSearch(`${r.email} ${r.name}`).includes(folded))
    .map(account);
}

export interface UserDetail extends UserListItem {
  twoFactorEnabled: boolean;
  provinceId: number | null;
  unitId: number | null;
  unitCode: string | null;
}

export async function getManagedUser(scope: Scope, id: number): Promise<UserDetail | null> {
  const u = await db().user.findFirst({
    where: { AND: [{ id }, manageableWhere(scope)] },
    select: accountSelect,
  });
  return u ? account(u) : null;
}

export type UserWriteResult =
  | { ok: true; id: number; handoverToken?: string }
  | { ok: false; error: 'locked'; minutes: number }
  | {
      ok: false;
      error:
        | 'not_found'
        | 'email_taken'
        | 'email_outside'
        | 'role_not_allowed'
        | 'scope_invalid'
        | 'self_lockout';
    };

interface ResolvedScope {
  provinceId: number | null;
  unitId: number | null;
  provinceCode: string | null;
}

/**
 * Turns the form's province code and unit code into ids, checking that the pair makes sense for
 * the role and lies within what the manager may hand out.
 */
async function resolveScope(
  tx: Prisma.TransactionClient,
  manager: Scope,
  role: Role,
  provinceCode: string | undefined,
  unitCode: string | undefined,
): Promise<ResolvedScope | null> {
  if (!assignableRoles(manager).includes(role)) return null;
  if (role === 'ADMIN' || role === 'MINISTRY')
    return { provinceId: null, unitId: null, provinceCode: null };
  if (role === 'WARD') {
    if (!unitCode) return null;
    const unit = await tx.unit.findFirst({
      where: { code: unitCode, validTo: null, province: { validTo: null } },
      select: { id: true, provinceId: true, province: { select: { code: true } } },
    });
    if (!unit) return null;
    if (reachOf(manager) === 'province' && unit.provinceId !== manager.provinceId) return null;
    return { provinceId: unit.provinceId, unitId: unit.id, provinceCode: unit.province.code };
  }
  // PROVINCE always has a province; VIEWER has one or none (nationwide).
  if (!provinceCode)
    return role === 'VIEWER' ? { provinceId: null, unitId: null, provinceCode: null } : null;
  const province = await tx.province.findFirst({
    where: { code: provinceCode, validTo: null },
    select: { id: true },
  });
  return province ? { provinceId: province.id, unitId: null, provinceCode } : null;
}

export async function createUser(
  actor: AuditActor,
  manager: Scope,
  input: CreateUserInput,
): Promise<UserWriteResult> {
  const email = input.email.trim().toLowerCase();
  const probeKey = throttleKeys.emailProbe(actor.userId ?? 0);
  if (manager.role !== 'ADMIN') {
    const minutes = await lockOn(probeKey);
    if (minutes) return { ok: false, error: 'locked', minutes };
  }
  // Nobody sets the new account's password but its holder, through the handover link.
  const passwordHash = await unusablePasswordHash();
  const result = await db().$transaction(async (tx): Promise<UserWriteResult> => {
    if (!assignableRoles(manager).includes(input.role))
      return { ok: false, error: 'role_not_allowed' } as const;
    const scope = await resolveScope(tx, manager, input.role, input.provinceCode, input.unitCode);
    if (!scope) return { ok: false, error: 'scope_invalid' } as const;
    const taken = await tx.user.findUnique({ where: { email }, select: { id: true } });
    if (taken) {
      // E-mails are unique, so a manager who is not an administrator learns that an account
      // exists outside their reach: such answers are audited and a handful a day at most.
      const outside =
        manager.role !== 'ADMIN' &&
        !(await tx.user.findFirst({
          where: { AND: [{ id: taken.id }, manageableWhere(manager)] },
          select: { id: true },
        }));
      return outside
        ? ({ ok: false, error: 'email_outside' } as const)
        : ({ ok: false, error: 'email_taken' } as const);
    }
    const created = await tx.user.create({
      data: {
        email,
        name: input.name,
        role: input.role,
        provinceId: scope.provinceId,
        unitId: scope.unitId,
        passwordHash,
        mustChangePassword: false,
      },
      select: auditedFields,
    });
    const handoverToken = await issueHandover(tx, created.id, actor.userId);
    await recordAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: created.id,
      provinceCode: scope.provinceCode,
      after: created,
    });
    return { ok: true, id: created.id, handoverToken } as const;
  });
  if (result.ok || result.error !== 'email_outside') return result;
  // The same answer as for an account within reach; the probe is counted and audited.
  await countFailure([probeKey], (tx) =>
    recordAudit(tx, actor, {
      action: 'user.create_email_conflict',
      entity: 'user',
      entityId: email,
    }),
  );
  return { ok: false, error: 'email_taken' };
}

export async function updateUser(
  actor: AuditActor,
  manager: Scope & { id: number },
  id: number,
  input: UpdateUserInput,
): Promise<UserWriteResult> {
  return db().$transaction(async (tx) => {
    const before = await tx.user.findFirst({
      where: { AND: [{ id }, manageableWhere(manager)] },
      select: auditedFields,
    });
    if (!before) return { ok: false, error: 'not_found' } as const;
    // An administrator may not demote or deactivate themselves and lock everyone out.
    if (id === manager.id && (input.role !== before.role || !input.isActive))
      return { ok: false, error: 'self_lockout' } as const;
    if (!assignableRoles(manager).includes(input.role))
      return { ok: false, error: 'role_not_allowed' } as const;
    const scope = await resolveScope(tx, manager, input.role, input.provinceCode, input.unitCode);
    if (!scope) return { ok: false, error: 'scope_invalid' } as const;
    const after = await tx.user.update({
      where: { id },
      data: {
        name: input.name,
        role: input.role,
        provinceId: scope.provinceId,
        unitId: scope.unitId,
        isActive: input.isActive,
      },
      select: auditedFields,
    });
    // A new role or scope, or deactivation, ends the user's sessions: the next page asks again.
    if (!after.isActive) await endUserSessions(tx, id, 'deactivated');
    else if (
      after.role !== before.role ||
      after.provinceId !== before.provinceId ||
      after.unitId !== before.unitId
    )
      await endUserSessions(tx, id, 'role_changed');
    await recordAudit(tx, actor, {
      action: 'user.update',
      entity: 'user',
      entityId: id,
      provinceCode: scope.provinceCode,
      before,
      after,
    });
    return { ok: true, id } as const;
  });
}

export async function countUsers(): Promise<number> {
  return db().user.count();
}

/** Remembers the language a user chose, so their e-mail is worded in it (lib/mail/render.ts). */
export async function saveUserLocale(userId: number, locale: Locale): Promise<void> {
  await db().user.updateMany({ where: { id: userId, locale: { not: locale } }, data: { locale } });
}
