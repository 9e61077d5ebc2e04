import 'server-only';
import { db } from '@/lib/server/db';
import type { TargetInput } from '@/lib/validations/targets';
import { recordAudit, type AuditActor } from '../audit';
import { optionalProvince } from '../units/provinces';

export async function listTargets() {
  return db().target.findMany({
    orderBy: [{ provinceId: { sort: 'asc', nulls: 'first' } }, { year: 'asc' }],
    select: {
      id: true,
      year: true,
      kind: true,
      value: true,
      sourceDocument: true,
      updatedAt: true,
      province: { select: { code: true, name: true } },
    },
  });
}

/** Sets the target of a scope (nation or province) for a year, replacing any earlier one. */
export async function saveTarget(
  actor: AuditActor,
  input: TargetInput,
): Promise<{ ok: true; id: number } | { ok: false; error: 'not_found' }> {
  return db().$transaction(async (tx) => {
    const province = await optionalProvince(tx, input.provinceCode);
    if (province === null) return { ok: false, error: 'not_found' } as const;
    const provinceId = province?.id ?? null;
    const before = await tx.target.findFirst({ where: { provinceId, year: input.year } });
    const data = { kind: input.kind, value: input.value, sourceDocument: input.sourceDocument };
    const after = before
      ? await tx.target.update({ where: { id: before.id }, data })
      : await tx.target.create({ data: { provinceId, year: input.year, ...data } });
    await recordAudit(tx, actor, {
      action: before ? 'target.update' : 'target.create',
      entity: 'target',
      entityId: after.id,
      provinceCode: input.provinceCode ?? null,
      before: before ?? undefined,
      after,
    });
    return { ok: true, id: after.id } as const;
  });
}

export async function deleteTarget(actor: AuditActor, id: number): Promise<{ ok: boolean }> {
  return db().$transaction(async (tx) => {
    const before = await tx.target.findUnique({
      where: { id },
      include: { province: { select: { code: true } } },
    });
    if (!before) return { ok: false };
    await tx.target.delete({ where: { id } });
    const { province, ...row } = before;
    await recordAudit(tx, actor, {
      action: 'target.delete',
      entity: 'target',
      entityId: id,
      provinceCode: province?.code ?? null,
      before: row,
    });
    return { ok: true };
  });
}
