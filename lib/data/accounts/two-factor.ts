import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { hashPassword, randomBytesOf, seal, unseal, verifyPassword } from '@/lib/server/crypto';
import { minutesLeft, throttleKeys } from '@/lib/domain/throttle';
import {
  base32Decode,
  base32Encode,
  formatRecoveryCode,
  matchTotp,
  normaliseRecoveryCode,
  otpauthUri,
} from '@/lib/domain/totp';
import { authSecret } from '@/lib/server/env';
import type { Scope } from '@/lib/domain/permissions';
import { recordAudit, type AuditActor } from '../audit';
import { endUserSessions, markSecondFactor } from './sessions';
import { attemptFailed, attemptSucceeded, claimAttempt, throttledCheck } from './throttle';

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

export type ConfirmResult =
  | { ok: true; recoveryCodes: string[] }
  | { ok: false; error: 'wrong_code' | 'no_enrolment' | 'locked'; minutes?: number };

/** A new set of recovery codes (shown once) and their salted hashes. */
async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODES }, () => formatRecoveryCode(randomBytesOf(10)));
  return { codes, hashes: await Promise.all(codes.map((c) => hashPassword(c))) };
}

/**
 * Confirms enrolment with a code from the app: turns two-factor sign-in on, issues recovery
 * codes (shown once), counts the current session as having given its second factor and ends the
 * user's other sessions. One transaction, audited; codes are throttled like every second factor.
 */
export async function confirmEnrolment(
  actor: AuditActor,
  userId: number,
  sessionId: string,
  code: string,
): Promise<ConfirmResult> {
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true },
  });
  const secret = user.totpSecret ? unseal(user.totpSecret, authSecret()) : null;
  if (user.totpEnabledAt || !secret) return { ok: false, error: 'no_enrolment' };
  const { codes, hashes } = await newRecoveryCodes();
  let step: number | null = null;
  const outcome = await throttledCheck({
    key: throttleKeys.secondFactor(userId),
    actor,
    userId,
    failureAction: 'user.two_factor_failed',
    error: 'wrong_code' as const,
    check: async () => {
      step = matchTotp(base32Decode(secret), code, Date.now());
      return step !== null;
    },
    onSuccess: async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: { totpEnabledAt: new Date(), totpLastStep: step },
      });
      await tx.recoveryCode.deleteMany({ where: { userId } });
      await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
      await markSecondFactor(tx, sessionId);
      await endUserSessions(tx, userId, 'second_factor_reset', sessionId);
      await recordAudit(tx, actor, {
        action: 'user.two_factor_enabled',
        entity: 'user',
        entityId: userId,
      });
    },
  });
  return outcome.ok ? { ok: true, recoveryCodes: codes } : outcome;
}

/**
 * The recovery code among the user's unused ones that matches what was typed, or null. Codes are
 * salted hashes, so each is verified in turn (ten at most); input that cannot be a recovery code
 * (a six-digit app code) costs nothing.
 */
async function matchRecoveryCode(
  tx: Prisma.TransactionClient,
  userId: number,
  typed: string,
): Promise<number | null> {
  const code = normaliseRecoveryCode(typed);
  if (!code) return null;
  const unused = await tx.recoveryCode.findMany({
    where: { userId, usedAt: null },
    select: { id: true, codeHash: true },
  });
  for (const row of unused) if (await verifyPassword(row.codeHash, code)) return row.id;
  return null;
}

export type VerifyResult =
  | { ok: true; via: 'totp' | 'recovery' }
  /** `code_used`: a right code of a time step already used (enrolment took it, or a replay). */
  | { ok: false; error: 'wrong_code' | 'code_used' | 'locked'; minutes?: number };

/**
 * A second factor: a code from the app (each time step once only) or an unused recovery code,
 * counted on the user's second-factor key before it is checked. Used to sign in (the session's
 * second factor is then marked, `complete`) and to re-authenticate.
 */
export async function checkSecondFactor(
  actor: AuditActor,
  userId: number,
  code: string,
  onSuccess: (tx: Prisma.TransactionClient, via: 'totp' | 'recovery') => Promise<void>,
): Promise<VerifyResult> {
  const claim = await claimAttempt([throttleKeys.secondFactor(userId)]);
  if (!claim.ok) return { ok: false, error: 'locked', minutes: claim.minutes };
  const user = await db().user.findUniqueOrThrow({
    where: { id: userId },
    select: { totpSecret: true, totpEnabledAt: true, totpLastStep: true },
  });
  const secret = user.totpSecret ? unseal(user.totpSecret, authSecret()) : null;
  return db().$transaction(async (tx) => {
    let via: 'totp' | 'recovery' | null = null;
    let usedStep = false;
    if (secret && user.totpEnabledAt) {
      const step = matchTotp(base32Decode(secret), code, Date.now());
      usedStep = step !== null && user.totpLastStep !== null && step <= user.totpLastStep;
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
        else usedStep = true;
      }
      if (!via) {
        const recovery = await matchRecoveryCode(tx, userId, code);
        const used = recovery
          ? await tx.recoveryCode.updateMany({
              where: { id: recovery, usedAt: null },
              data: { usedAt: new Date() },
            })
          : { count: 0 };
        if (used.count === 1) via = 'recovery';
      }
    }
    if (!via) {
      const until = await attemptFailed(tx, claim.attempt);
      await recordAudit(tx, actor, {
        action: 'auth.second_factor_failed',
        entity: 'user',
        entityId: userId,
      });
      // Still a failed attempt (a replay is counted), but the user is told to wait for the next
      // code: right after enrolment the app shows the code that confirmed it for up to 30 s.
      return until
        ? { ok: false as const, error: 'locked' as const, minutes: minutesLeft(until, new Date()) }
        : {
            ok: false as const,
            error: usedStep ? ('code_used' as const) : ('wrong_code' as const),
          };
    }
    await attemptSucceeded(tx, claim.attempt);
    await onSuccess(tx, via);
    return { ok: true as const, via };
  });
}

/** The second step of signing in: completes the session, audited. */
export async function verifySecondFactor(
  actor: AuditActor,
  userId: number,
  sessionId: string,
  code: string,
): Promise<VerifyResult> {
  return checkSecondFactor(actor, userId, code, async (tx, via) => {
    await markSecondFactor(tx, sessionId);
    await recordAudit(tx, actor, {
      action: 'auth.sign_in',
      entity: 'user',
      entityId: userId,
      after: { secondFactor: via },
    });
  });
}

/**
 * A new set of recovery codes for a user with two-factor sign-in (the old ones stop working),
 * shown once. The caller has re-authenticated the user. Audited.
 */
export async function regenerateRecoveryCodes(
  actor: AuditActor,
  userId: number,
): Promise<{ ok: true; recoveryCodes: string[] } | { ok: false; error: 'not_enabled' }> {
  const { codes, hashes } = await newRecoveryCodes();
  return db().$transaction(async (tx) => {
    const user = await tx.user.findUniqueOrThrow({
      where: { id: userId },
      select: { totpEnabledAt: true },
    });
    if (!user.totpEnabledAt) return { ok: false as const, error: 'not_enabled' as const };
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
    await recordAudit(tx, actor, {
      action: 'user.recovery_codes_renewed',
      entity: 'user',
      entityId: userId,
    });
    return { ok: true as const, recoveryCodes: codes };
  });
}

export async function recoveryCodesLeft(userId: number): Promise<number> {
  return db().recoveryCode.count({ where: { userId, usedAt: null } });
}

/**
 * An administrator turns a user's two-factor sign-in off (lost phone and codes): the user sets
 * it up again at the next sign-in; their sessions end, except the one taking the step when an
 * administrator resets their own (they are sent to set it up again, not signed out). Audited.
 */
export async function resetTwoFactor(
  actor: AuditActor,
  manager: Scope & { id: number; sessionId: string },
  userId: number,
): Promise<{ ok: true; self: boolean } | { ok: false; error: 'not_found' }> {
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
    const self = userId === manager.id;
    await endUserSessions(tx, userId, 'second_factor_reset', self ? manager.sessionId : undefined);
    await recordAudit(tx, actor, {
      action: 'user.two_factor_reset',
      entity: 'user',
      entityId: userId,
      provinceCode: target.province?.code,
      before: { enabled: target.totpEnabledAt !== null },
      after: { enabled: false },
    });
    return { ok: true as const, self };
  });
}
