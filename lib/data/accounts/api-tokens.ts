import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/server/db';
import { sha256Hex } from '@/lib/server/crypto';
import type { Scope } from '@/lib/domain/permissions';
import { recordAudit, type AuditActor } from '../audit';
import { optionalProvince } from '../units/provinces';

/**
 * Tokens for other systems reading /api/v1. Only a sha256 of each token is stored; the token is
 * shown once when issued. A token reads like a leader's account: nationwide, or one province.
 */

export function newToken(): { token: string; prefix: string } {
  const prefix = randomBytes(4).toString('hex');
  return { token: `km_${prefix}_${randomBytes(24).toString('base64url')}`, prefix: `km_${prefix}` };
}

export async function issueApiToken(
  actor: AuditActor,
  input: { name: string; provinceCode?: string; expiresInDays?: number },
): Promise<{ ok: true; token: string } | { ok: false; error: 'not_found' }> {
  return db().$transaction(async (tx) => {
    const province = await optionalProvince(tx, input.provinceCode);
    if (province === null) return { ok: false, error: 'not_found' } as const;
    const { token, prefix } = newToken();
    const created = await tx.apiToken.create({
      data: {
        name: input.name,
        tokenHash: sha256Hex(token),
        prefix,
        provinceId: province?.id ?? null,
        createdById: actor.userId,
        expiresAt: input.expiresInDays
          ? new Date(Date.now() + input.expiresInDays * 86_400_000)
          : null,
      },
      select: { id: true, name: true, prefix: true, provinceId: true, expiresAt: true },
    });
    await recordAudit(tx, actor, {
      action: 'apitoken.issue',
      entity: 'apitoken',
      entityId: created.id,
      provinceCode: input.provinceCode ?? null,
      after: created,
    });
    return { ok: true, token } as const;
  });
}

export async function revokeApiToken(actor: AuditActor, id: number): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const token = await tx.apiToken.findFirst({
      where: { id, revokedAt: null },
      select: { id: true, name: true, prefix: true },
    });
    if (!token) return false;
    await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, {
      action: 'apitoken.revoke',
      entity: 'apitoken',
      entityId: id,
      before: token,
    });
    return true;
  });
}

export async function listApiTokens() {
  return db().apiToken.findMany({
    orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
    select: {
      id: true,
      name: true,
      prefix: true,
      createdAt: true,
      lastUsedAt: true,
      expiresAt: true,
      revokedAt: true,
      province: { select: { code: true, name: true } },
      createdBy: { select: { name: true } },
    },
  });
}

export type TokenCheck =
  | { ok: true; tokenId: number; name: string; scope: Scope; provinceCode: string | null }
  | { ok: false; error: 'missing' | 'invalid' | 'revoked' | 'expired' };

export async function authenticateApiToken(raw: string | null): Promise<TokenCheck> {
  if (!raw || !/^km_[0-9a-f]{8}_[A-Za-z0-9_-]{20,64}$/.test(raw))
    return { ok: false, error: raw ? 'invalid' : 'missing' };
  const token = await db().apiToken.findUnique({
    where: { tokenHash: sha256Hex(raw) },
    select: {
      id: true,
      name: true,
      provinceId: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      province: { select: { code: true } },
    },
  });
  if (!token) return { ok: false, error: 'invalid' };
  if (token.revokedAt) return { ok: false, error: 'revoked' };
  if (token.expiresAt && token.expiresAt < new Date()) return { ok: false, error: 'expired' };
  // A minute's precision is enough, and spares a write on every call.
  if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000)
    await db().apiToken.update({ where: { id: token.id }, data: { lastUsedAt: new Date() } });
  return {
    ok: true,
    tokenId: token.id,
    name: token.name,
    scope: { role: 'VIEWER', provinceId: token.provinceId, unitId: null },
    provinceCode: token.province?.code ?? null,
  };
}
