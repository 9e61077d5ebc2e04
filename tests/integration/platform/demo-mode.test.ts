import { beforeAll, describe, expect, it } from 'vitest';
import { getCurrentUser } from '@/lib/auth/current-user';
import { systemActor } from '@/lib/data/audit';
import { endDemoMode, DemoRefused, isDemoMode } from '@/lib/data/settings';
import { attemptSignIn } from '@/lib/data/accounts/sign-in';
import { db } from '@/lib/server/db';
import { seed } from '@/prisma/seed';
import { DEMO_PASSWORD, demoAccounts } from '@/prisma/seed-data/demo-accounts';
import { actAs } from '@/tests/support/action-context';
import { makeUser, seedReference } from '@/tests/support/factories';

/**
 * Demo mode can be left for good (`npm run demo:end`), and a real installation never falls into
 * it: the demo's accounts have a published password.
 */

const demoEmails = demoAccounts.map((a) => a.email);
/** Dossiers the dashboards count, under today's units (each dossier once). */
const registered = async () =>
  (
    await db().provinceYearProgress.aggregate({
      where: { lineage: true },
      _sum: { registered: true },
    })
  )._sum.registered ?? 0;

beforeAll(seedReference, 180_000);

describe('demo mode', () => {
  it('is refused on an installation that already has accounts of its own', async () => {
    const real = await makeUser('PROVINCE', { provinceCode: '38' });
    await expect(seed(db(), { demo: true })).rejects.toThrow(DemoRefused);
    expect(await db().user.count({ where: { email: { in: demoEmails } } })).toBe(0);
    expect(await isDemoMode()).toBe(false);
    await db().user.delete({ where: { id: real.id } });
  });

  it('ends for good: demo accounts off, banner gone, second factor required, demo data removed on request', async () => {
    await seed(db(), { demo: true });
    expect(await isDemoMode()).toBe(true);
    expect(await attemptSignIn('admin@example.vn', DEMO_PASSWORD, '10.1.1.1')).toMatchObject({
      ok: true,
    });
    expect(await registered()).toBeGreaterThan(100);
    const demoDossiers = await db().assessment.count({
      where: { origin: { in: ['DEMO', 'REPORTED'] } },
    });
    expect(demoDossiers).toBeGreaterThan(100);
    // Used for real: an administrator of its own, and one dossier entered by hand.
    const admin = await makeUser('ADMIN');
    await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: null } });
    const own = await db().assessment.findFirstOrThrow({ where: { origin: 'DEMO' } });
    await db().assessment.update({ where: { id: own.id }, data: { origin: 'RECORDED' } });

    const ended = await endDemoMode(systemActor('test'), demoEmails, { removeData: true });
    expect(ended).toEqual({
      accountsDisabled: demoAccounts.length,
      assessmentsRemoved: demoDossiers - 1,
    });
    expect(await isDemoMode()).toBe(false);
    expect(await attemptSignIn('admin@example.vn', DEMO_PASSWORD, '10.1.1.2')).toMatchObject({
      ok: false,
    });
    // The dashboards count what is left: the one dossier entered for real.
    expect(await db().assessment.count()).toBe(1);
    expect(await registered()).toBe(1);
    // Administrators now owe their second factor.
    await actAs(admin.email);
    expect((await getCurrentUser())?.mustEnrollSecondFactor).toBe(true);
    expect(await db().auditEvent.count({ where: { action: 'settings.demo_ended' } })).toBe(1);
    // And the demo cannot come back.
    await expect(seed(db(), { demo: true })).rejects.toThrow(/left demo mode/);
    expect(await db().user.count({ where: { email: { in: demoEmails }, isActive: true } })).toBe(0);
  }, 300_000);
});
