import 'server-only';
import { db } from '@/lib/db';
import { randomBytesOf, seal, sha256Hex, unseal } from '@/lib/crypto';
import { secondFactorKey, throttlePolicy } from '@/lib/domain/sign-in-throttle';
import {
  base32Decode,
  base32Encode,
  formatRecoveryCode,
  matchTotp,
  normaliseRecoveryCode,
  otpauthUri,
} from '@/lib/domain/totp';
import { authSecret } from '@/lib/env';
import type { Scope } from '@/lib/permissions';
import { recordAudit, type AuditActor } from './audit';
import { endUserSessions, markSecondFactor } from './sessions';
import { clearFailures, failedAttempt, lockedAnswer } from './throttle';

export const TOTP_ISSUER = 'Kiểu Mẫu';
const RECOVERY_CODES = 10;

/**
 * Starts (or restarts) enrolment: a new secret, kept sealed on the user until a code from the
 * app confirms it. Two-factor sign-in is not on until then.
 */
export async function beginEnrolment(
  userId: number,
): Promise<{ secret: string; uri: string } | { error: 'already_enabled' }> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt) return { error: 'already_enabled' };
  const secret = base32Encode(randomBytesOf(20));
  await db().user.update({
    where: { id: userId },
    data: { totpSecret: seal(secret, authSecret()), totpLastStep: null },
  });
  return { secret, uri: otpauthUri(secret, user.email, TOTP_ISSUER) };
}

/** The pending enrolment's secret, to show again after a wrong code. */
export async function pendingEnrolment(
  userId: number,
): Promise<{ secret: string; uri: string } | null> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { email: true, totpSecret: true, totpEnabledAt: true },
  });
  if (user.totpEnabledAt || !user.totpSecret) return null;
  const secret = unseal(user.totpSecret, authSecret());
  return secret ? { secret, uri: otpauthUri(secret, user.email, TOTP_ISSUER) } : null;
}

/** A wrong second-factor code, counted on the user's second-factor key. */
const secondFactorAttempt = (actor: AuditActor, userId: number, action: string) => ({
  actor,
  userId,
  key: secondFactorKey(userId),
  limit: throttlePolicy.secondFactorLimit,
  action,
});

export type ConfirmResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; error: 'wrong_code' | 'no_enrolment' | 'locked'; minutes?: number };

/**
 * Confirms enrolment with a code from the app: turns two-factor sign-in on, issues recovery
 * codes (shown once), counts the current session as having given its second factor and ends the
 * user's other sessions. One transaction, audited.
 */
export async function confirmEnrolment(
  actor: AuditActor,
  userId: number,
  sessionId: string,
  code: string,
): Promise<ConfirmResult> {
  const key = secondFactorKey(userId);
  const locked = await lockedAnswer(key);
  if (locked) return locked;
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  const secret = user.totpSecret ? unseal(user.totpSecret, authSecret()) : null;
  if (user.totpEnabledAt || !secret) return { ok: false, error: 'no_enrolment' };
  const step = matchTotp(base32Decode(secret), code, Date.now());
  if (step === null)
    return db().$transaction((tx) =>
      failedAttempt(tx, secondFactorAttempt(actor, userId, 'user.two_factor_failed'), 'wrong_code'),
    );
  const codes = Array.from({ length: RECOVERY_CODES }, () => formatRecoveryCode(randomBytesOf(8)));
  await db().$transaction(async (tx) => {
    await tx.user.update({
      where: { id: userId },
      data: { totpEnabledAt: new Date(), totpLastStep: step },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({
      data: codes.map((c) => ({ userId, codeHash: sha256Hex(c) })),
    });
    await clearFailures(tx, key);
    await markSecondFactor(tx, sessionId);
    await endUserSessions(tx, userId, 'second_factor_reset', sessionId);
    await recordAudit(tx, actor, {
      action: 'user.two_factor_enabled',
      entity: 'user',
      entityId: userId,
    });
  });
  return { ok: true, recoveryCodes: codes };
}

export type VerifyResult =
  | { ok: true; via: 'totp' | 'recovery' }
  | { ok: false; error: 'wrong_code' | 'locked'; minutes?: number };

/**
 * The second step of signing in: a code from the app (each time step once only) or an unused
 * recovery code. Failures are throttled per account and audited; success completes the session.
 */
export async function verifySecondFactor(
  actor: AuditActor,
  userId: number,
  sessionId: string,
  code: string,
): Promise<VerifyResult> {
  const key = secondFactorKey(userId);
  const locked = await lockedAnswer(key);
  if (locked) return locked;
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const secret = user.totpSecret ? unseal(user.totpSecret, authSecret()) : null;
  return db().$transaction(async (tx) => {
    let via: 'totp' | 'recovery' | null = null;
    if (secret && user.totpEnabledAt) {
      const step = matchTotp(base32Decode(secret), code, Date.now());
      if (step !== null && (user.totpLastStep === null || step > user.totpLastStep)) {
        // Only one request can move the step forward: a replayed code loses the race.
        const moved = await tx.user.updateMany({
          where: {
            id: userId,
            OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }],
          },
          data: { totpLastStep: step },
        });
        if (moved.count === 1) via = 'totp';
      }
      if (!via) {
        const used = await tx.recoveryCode.updateMany({
          where: { userId, usedAt: null, codeHash: sha256Hex(normaliseRecoveryCode(code)) },
          data: { usedAt: new Date() },
        });
        if (used.count === 1) via = 'recovery';
      }
    }
    if (!via)
      return failedAttempt(
        tx,
        secondFactorAttempt(actor, userId, 'auth.second_factor_failed'),
        'wrong_code',
      );
    await clearFailures(tx, key);
    await markSecondFactor(tx, sessionId);
    await recordAudit(tx, actor, {
      action: 'auth.sign_in',
      entity: 'user',
      entityId: userId,
      after: { secondFactor: via },
    });
    return { ok: true as const, via };
  });
}

export async function recoveryCodesLeft(userId: number): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}

/**
 * An administrator turns a user's two-factor sign-in off (lost phone and codes): the user sets
 * it up again at the next sign-in; their sessions end. Audited.
 */
export async function resetTwoFactor(
  actor: AuditActor,
  manager: Scope,
  userId: number,
): Promise<{ ok: true } | { ok: false; error: 'not_found' }> {
  if (manager.role !== 'ADMIN') return { ok: false, error: 'not_found' };
  return db().$transaction(async (tx) => {
    const target = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, totpEnabledAt: true, province: { select: { code: true } } },
    });
    if (!target) return { ok: false as const, error: 'not_found' as const };
    await tx.user.update({
      where: { id: userId },
      data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
    });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await endUserSessions(tx, userId, 'second_factor_reset');
    await recordAudit(tx, actor, {
      action: 'user.two_factor_reset',
      entity: 'user',
      entityId: userId,
      provinceCode: target.province?.code,
      before: { enabled: target.totpEnabledAt !== null },
      after: { enabled: false },
    });
    return { ok: true as const };
  });
}
