import 'server-only';
import { db } from '@/lib/server/db';
import { throttleKeys } from '@/lib/domain/throttle';
import { recordAudit, type AuditActor, type AuditEntry } from './audit';
import { attemptFailed, claimAttempt } from './accounts/throttle';

/** The longest text a refused call may leave in the trail, per field. */
export const REFUSAL_TEXT_LIMIT = 200;

const cut = (value: unknown): unknown =>
  typeof value === 'string'
    ? value.slice(0, REFUSAL_TEXT_LIMIT)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cut(v)]))
      : value;

/**
 * An audit event of a call refused to anyone (a bad API token, say), bounded in size and rate:
 * every text is cut to REFUSAL_TEXT_LIMIT characters, and one address leaves at most the
 * `refusals` limit of such events (lib/domain/throttle.ts) before a single
 * `audit.refusals_suppressed` event; its later refusals leave nothing until that lock runs out.
 */
export async function recordRefusal(actor: AuditActor, entry: AuditEntry): Promise<void> {
  const claim = await claimAttempt([throttleKeys.refusals(actor.ip)]);
  if (!claim.ok) return;
  await db().$transaction(async (tx) => {
    await recordAudit(tx, actor, {
      ...entry,
      entityId: String(entry.entityId).slice(0, REFUSAL_TEXT_LIMIT),
      after: cut(entry.after),
    });
    const until = await attemptFailed(tx, claim.attempt);
    if (until)
      await recordAudit(tx, actor, {
        action: 'audit.refusals_suppressed',
        entity: 'address',
        entityId: actor.ip ?? '-',
        after: { until },
      });
  });
}
