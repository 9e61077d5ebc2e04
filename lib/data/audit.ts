import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';

/** Who did it, from where. A null id is the system itself (a script, the seed). */
export interface AuditActor {
  userId: number | null;
  email: string | null;
  ip: string | null;
}

export const systemActor = (label: string): AuditActor => ({
  userId: null,
  email: label,
  ip: null,
});

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: string | number;
  provinceCode?: string | null;
  before?: unknown;
  after?: unknown;
}

function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined) return undefined;
  // Dates, BigInts and the like become plain JSON; undefined fields disappear.
  return JSON.parse(
    JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)),
  ) as Prisma.InputJsonValue;
}

/**
 * Writes one audit event inside the caller's transaction, so it commits or rolls back with the
 * change it describes. Audit events are never updated or deleted (a trigger refuses it).
 */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  actor: AuditActor,
  entry: AuditEntry,
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.userId,
      actorEmail: actor.email,
      ip: actor.ip,
      action: entry.action,
      entity: entry.entity,
      entityId: String(entry.entityId),
      provinceCode: entry.provinceCode ?? null,
      before: toJson(entry.before),
      after: toJson(entry.after),
    },
  });
}

/** An audit event that accompanies no other write: an export, an API call. */
export async function recordAuditEvent(actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db().$transaction((tx) => recordAudit(tx, actor, entry));
}

export interface AuditFilter {
  actor?: string;
  entity?: string;
  provinceCode?: string;
  from?: Date;
  to?: Date;
  /** Show events older than this id (the next page). */
  before?: bigint;
  limit?: number;
}

export interface AuditRow {
  id: string;
  at: Date;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string;
  provinceCode: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
}

/** Newest first, filtered; reading is decided by the caller's permission (audit.view). */
export async function listAuditEvents(
  filter: AuditFilter,
): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const limit = Math.min(filter.limit ?? 50, 200);
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actor ? { actorEmail: { contains: filter.actor.toLowerCase() } } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.provinceCode ? { provinceCode: filter.provinceCode } : {}),
    ...(filter.from || filter.to
      ? {
          at: {
            ...(filter.from ? { gte: filter.from } : {}),
            ...(filter.to ? { lt: filter.to } : {}),
          },
        }
      : {}),
    ...(filter.before ? { id: { lt: filter.before } } : {}),
  };
  const rows = await db().auditEvent.findMany({ where, orderBy: { id: 'desc' }, take: limit + 1 });
  const page = rows
    .slice(0, limit)
    .map((r) => ({ ...r, id: r.id.toString(), before: r.before, after: r.after }));
  return {
    rows: page.map(({ actorId: _a, ...rest }) => rest),
    nextBefore: rows.length > limit ? page.at(-1)!.id : null,
  };
}

export async function listAuditEntities(): Promise<string[]> {
  // GROUP BY in SQL (Prisma's `distinct` would read every event and drop duplicates in memory).
  const rows = await db().auditEvent.groupBy({ by: ['entity'], orderBy: { entity: 'asc' } });
  return rows.map((r) => r.entity);
}
