import 'server-only';
import { db } from '@/lib/server/db';
import { verifyPassword } from '@/lib/server/crypto';
import { throttleKeys } from '@/lib/domain/throttle';
import { recordAudit, type AuditActor } from '../audit';
import { markReauthenticated } from './sessions';
import { throttledCheck } from './throttle';
import { checkSecondFactor } from './two-factor';

export type ReauthResult =
  | { ok: true }
  | { ok: false; error: 'wrong_password' | 'wrong_code' | 'code_used' }
  | { ok: false; error: 'locked'; minutes: number };

/**
 * The user proves who they are again, in this session, before a sensitive action (OWASP ASVS
 * 3.7.1): their password, or a code when they have two-factor sign-in. Both are throttled like
 * every secret (lib/domain/throttle.ts); success is recorded on the session and audited.
 */
export async function reauthenticate(
  actor: AuditActor,
  userId: number,
  sessionId: string,
  proof: { password: string } | { code: string },
): Promise<ReauthResult> {
  const done = async (tx: Parameters<typeof markReauthenticated>[0], via: string) => {
    await markReauthenticated(tx, sessionId);
    await recordAudit(tx, actor, {
      action: 'auth.reauthenticated',
      entity: 'user',
      entityId: userId,
      after: { via },
    });
  };
  if ('code' in proof) {
    const result = await checkSecondFactor(actor, userId, proof.code, (tx, via) => done(tx, via));
    if (result.ok) return { ok: true };
    return result.error === 'locked'
      ? { ok: false, error: 'locked', minutes: result.minutes ?? 1 }
      : { ok: false, error: result.error };
  }
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { passwordHash: true },
  });
  const outcome = await throttledCheck({
    key: throttleKeys.password(userId),
    actor,
    userId,
    failureAction: 'auth.reauth_failed',
    error: 'wrong_password' as const,
    check: () => verifyPassword(user.passwordHash, proof.password),
    onSuccess: (tx) => done(tx, 'password'),
  });
  return outcome.ok ? { ok: true } : outcome;
}
