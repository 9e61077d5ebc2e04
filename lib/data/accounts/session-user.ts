import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import type { Scope } from '@/lib/domain/permissions';

/**
 * What a signed-in account is: the fields the session, the menu and every scope check read. User
 * administration (lib/data/accounts/users.ts) and sessions (lib/data/accounts/sessions.ts) both build on it.
 */
export interface SessionUser extends Scope {
  id: number;
  email: string;
  name: string;
  isActive: boolean;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  twoFactorEnabled: boolean;
  provinceCode: string | null;
  provinceName: string | null;
  unitCode: string | null;
  unitName: string | null;
}

/** The fields of an account that its audit events record. */
export const auditedFields = {
  id: true,
  email: true,
  name: true,
  role: true,
  provinceId: true,
  unitId: true,
  isActive: true,
  mustChangePassword: true,
} as const;

/** What the app knows of one account: the session's user, the lists and the administrator's view. */
export const accountSelect = {
  ...auditedFields,
  passwordChangedAt: true,
  lastLoginAt: true,
  totpEnabledAt: true,
  province: { select: { code: true, name: true } },
  unit: { select: { code: true, name: true } },
} as const;

type AccountRow = Prisma.UserGetPayload<{ select: typeof accountSelect }>;

export function account({ province, unit, totpEnabledAt, ...rest }: AccountRow) {
  return {
    ...rest,
    role: rest.role,
    twoFactorEnabled: totpEnabledAt !== null,
    provinceCode: province?.code ?? null,
    provinceName: province?.name ?? null,
    unitCode: unit?.code ?? null,
    unitName: unit?.name ?? null,
  };
}

export async function getSessionUser(id: number): Promise<SessionUser | null> {
  const u = await db().user.findUnique({ where: { id }, select: accountSelect });
  return u ? account(u) : null;
}
