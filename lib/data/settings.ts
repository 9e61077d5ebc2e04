import 'server-only';
import { cache } from 'react';
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { recordAudit, type AuditActor } from './audit';
import { rebuildAllProgress } from './progress/summary';
import { endUserSessions } from './accounts/sessions';

/**
 * Demo mode: the installation holds the demo accounts (with their published password) and the
 * demo data. It is set only by an explicit demo start (`npm start -- --demo`, `db:seed -- --demo`)
 * on an installation that has no real account yet, every page says so in a banner, and it ends
 * for good with `npm run demo:end` (`endDemoMode`): from then on the demo can never come back.
 */
export type DemoModeState = 'on' | 'off' | 'ended';

async function demoModeState(tx: Prisma.TransactionClient = db()): Promise<DemoModeState> {
  const row = await tx.appSetting.findUnique({ where: { key: 'demo_mode' } });
  return row?.value === 'on' ? 'on' : row?.value === 'ended' ? 'ended' : 'off';
}

export const isDemoMode = cache(async (): Promise<boolean> => {
  try {
    return (await demoModeState()) === 'on';
  } catch {
    return false; // the database is unreachable: the page says so itself
  }
});

/**
 * Why this installation may not take the demo, or null when it may: it left demo mode, or it
 * already has accounts of its own (a real installation) and is not a demo yet.
 */
export async function demoRefusal(
  tx: Prisma.TransactionClient,
  demoEmails: readonly string[],
): Promise<'ended' | 'real_accounts' | null> {
  const state = await demoModeState(tx);
  if (state === 'ended') return 'ended';
  if (state === 'on') return null;
  const real = await tx.user.count({ where: { email: { notIn: [...demoEmails] } } });
  return real > 0 ? 'real_accounts' : null;
}

/** The demo (public accounts and password) may not be added to this installation. */
export class DemoRefused extends Error {
  override name = 'DemoRefused';
  constructor(readonly reason: 'ended' | 'real_accounts') {
    super(
      reason === 'ended'
        ? 'This installation left demo mode (npm run demo:end): the demo accounts and data cannot come back. Start it without --demo.'
        : 'This installation has accounts of its own: the demo (accounts with a published password) will not be added to it. Start it without --demo.',
    );
  }
}

export async function setDemoMode(tx: Prisma.TransactionClient, on: boolean): Promise<void> {
  await tx.appSetting.upsert({
    where: { key: 'demo_mode' },
    create: { key: 'demo_mode', value: on ? 'on' : 'off' },
    update: { value: on ? 'on' : 'off', updatedAt: new Date() },
  });
}

export interface DemoEnding {
  accountsDisabled: number;
  assessmentsRemoved: number;
}

/**
 * Ends demo mode for good: the demo accounts (public password) are disabled and signed out, the
 * banner goes, ADMIN and MINISTRY accounts must set up two-factor sign-in, and the demo can never
 * be loaded again. With `removeData`, the demo's own dossiers (marked as demo or as publicly
 * reported) are deleted and the dashboards rebuilt; what real users entered stays. Audited.
 */
export async function endDemoMode(
  actor: AuditActor,
  demoEmails: readonly string[],
  options: { removeData: boolean },
): Promise<DemoEnding> {
  return db().$transaction(
    async (tx) => {
      const accounts = await tx.user.findMany({
        where: { email: { in: [...demoEmails] }, isActive: true },
        select: { id: true },
      });
      await tx.user.updateMany({
        where: { id: { in: accounts.map((a) => a.id) } },
        data: { isActive: false },
      });
      for (const a of accounts) await endUserSessions(tx, a.id, 'deactivated');
      let assessmentsRemoved = 0;
      if (options.removeData) {
        assessmentsRemoved = (
          await tx.assessment.deleteMany({ where: { origin: { in: ['DEMO', 'REPORTED'] } } })
        ).count;
        await rebuildAllProgress(tx);
      }
      await tx.appSetting.upsert({
        where: { key: 'demo_mode' },
        create: { key: 'demo_mode', value: 'ended' },
        update: { value: 'ended', updatedAt: new Date() },
      });
      await recordAudit(tx, actor, {
        action: 'settings.demo_ended',
        entity: 'setting',
        entityId: 'demo_mode',
        after: { accountsDisabled: accounts.length, assessmentsRemoved },
      });
      return { accountsDisabled: accounts.length, assessmentsRemoved };
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
}
