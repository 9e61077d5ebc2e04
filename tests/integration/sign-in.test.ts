import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { attemptSignIn } from '@/lib/data/sign-in';
import { lockSecondsAfter, throttlePolicy } from '@/lib/domain/sign-in-throttle';
import { makeUser, seedReference, TEST_PASSWORD, uid } from '@/tests/support/factories';

beforeAll(seedReference);

const ip = () =>
  `10.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}.${Math.floor(Math.random() * 200)}`;

describe('signing in', () => {
  it('accepts the right password and records the sign-in', async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    const outcome = await attemptSignIn(user.email.toUpperCase(), TEST_PASSWORD, ip());
    expect(outcome).toMatchObject({ ok: true, user: { id: user.id } });
    expect(
      (await db().user.findUniqueOrThrow({ where: { id: user.id } })).lastLoginAt,
    ).not.toBeNull();
    expect(
      await db().auditEvent.count({ where: { action: 'auth.sign_in', entityId: String(user.id) } }),
    ).toBe(1);
  });

  it('answers a wrong password, an unknown account and an inactive account alike', async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    const inactive = await makeUser('PROVINCE', { provinceCode: '38', isActive: false });
    expect(await attemptSignIn(user.email, 'wrong-password-1', ip())).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await attemptSignIn(`nobody-${uid()}@test.vn`, TEST_PASSWORD, ip())).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await attemptSignIn(inactive.email, TEST_PASSWORD, ip())).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it(`locks an account for one address after ${throttlePolicy.pairLimit} failures there, not for other addresses`, async () => {
    const user = await makeUser('WARD', { provinceCode: '38' });
    const office = ip();
    for (let i = 1; i < throttlePolicy.pairLimit; i += 1)
      expect(await attemptSignIn(user.email, `wrong-${i}`, office)).toEqual({
        ok: false,
        reason: 'invalid',
      });
    expect(await attemptSignIn(user.email, 'wrong-last', office)).toMatchObject({
      ok: false,
      reason: 'locked',
      minutes: 1,
    });
    expect(await attemptSignIn(user.email, TEST_PASSWORD, office)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    // Whoever guessed from that address cannot lock the owner out from theirs.
    expect(await attemptSignIn(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: true });
    // The counter lives in the database, where every instance reads it.
    const row = await db().loginThrottle.findUniqueOrThrow({
      where: { key: `pair:${user.email}|${office}` },
    });
    expect(row.failures).toBe(throttlePolicy.pairLimit);
    expect(
      await db().auditEvent.count({ where: { action: 'auth.locked', entityId: user.email } }),
    ).toBe(1);
  });

  it('doubles the lock after each further failure, up to an hour', () => {
    expect(lockSecondsAfter(4, 5)).toBe(0);
    expect(lockSecondsAfter(5, 5)).toBe(60);
    expect(lockSecondsAfter(6, 5)).toBe(120);
    expect(lockSecondsAfter(8, 5)).toBe(480);
    expect(lockSecondsAfter(40, 5)).toBe(3600);
  });

  it('locks unknown accounts the same way, so a lock tells nothing about existence', async () => {
    const email = `ghost-${uid()}@test.vn`;
    const address = ip();
    for (let i = 0; i < throttlePolicy.pairLimit; i += 1) await attemptSignIn(email, 'x', address);
    expect(await attemptSignIn(email, 'x', address)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
  });

  it(`slows an address that tries ${throttlePolicy.addressLimit} accounts (password spraying)`, async () => {
    const address = ip();
    for (let i = 0; i < throttlePolicy.addressLimit; i += 1)
      await attemptSignIn(`spray-${uid()}@test.vn`, 'x', address);
    const user = await makeUser('VIEWER');
    expect(await attemptSignIn(user.email, TEST_PASSWORD, address)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(await attemptSignIn(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: true });
  });

  it('starts the count again after a success', async () => {
    const user = await makeUser('VIEWER');
    const address = ip();
    for (let i = 0; i < throttlePolicy.pairLimit - 1; i += 1)
      await attemptSignIn(user.email, 'bad', address);
    expect(await attemptSignIn(user.email, TEST_PASSWORD, address)).toMatchObject({ ok: true });
    expect(await attemptSignIn(user.email, 'bad', address)).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('forgets counters quiet for a day, so random emails do not pile up', async () => {
    await db().loginThrottle.create({
      data: {
        key: 'pair:old@test.vn|10.0.0.1',
        failures: 2,
        windowStart: new Date(Date.now() - 2 * 86_400_000),
      },
    });
    await attemptSignIn(`someone-${uid()}@test.vn`, 'x', ip());
    expect(await db().loginThrottle.count({ where: { key: 'pair:old@test.vn|10.0.0.1' } })).toBe(0);
  });
});
