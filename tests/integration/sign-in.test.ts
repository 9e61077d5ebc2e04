import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { attemptSignIn } from '@/lib/data/sign-in';
import { throttlePolicy } from '@/lib/domain/sign-in-throttle';
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

  it(`locks an account after ${throttlePolicy.accountLimit} failures, even for the right password, from any address`, async () => {
    const user = await makeUser('WARD', { provinceCode: '38' });
    for (let i = 1; i < throttlePolicy.accountLimit; i += 1)
      expect(await attemptSignIn(user.email, `wrong-${i}`, ip())).toEqual({
        ok: false,
        reason: 'invalid',
      });
    expect(await attemptSignIn(user.email, 'wrong-last', ip())).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(await attemptSignIn(user.email, TEST_PASSWORD, ip())).toMatchObject({
      ok: false,
      reason: 'locked',
      minutes: 15,
    });
    // The counter lives in the database, where every instance reads it.
    const row = await db().loginThrottle.findUniqueOrThrow({
      where: { key: `account:${user.email}` },
    });
    expect(row.failures).toBe(throttlePolicy.accountLimit);
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    expect(
      await db().auditEvent.count({ where: { action: 'auth.locked', entityId: user.email } }),
    ).toBe(1);
  });

  it('locks unknown accounts the same way, so a lock tells nothing about existence', async () => {
    const email = `ghost-${uid()}@test.vn`;
    for (let i = 0; i < throttlePolicy.accountLimit; i += 1) await attemptSignIn(email, 'x', ip());
    expect(await attemptSignIn(email, 'x', ip())).toMatchObject({ ok: false, reason: 'locked' });
  });

  it(`locks a client address after ${throttlePolicy.addressLimit} failures across accounts`, async () => {
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
    for (let i = 0; i < throttlePolicy.accountLimit - 1; i += 1)
      await attemptSignIn(user.email, 'bad', ip());
    expect(await attemptSignIn(user.email, TEST_PASSWORD, ip())).toMatchObject({ ok: true });
    expect(await attemptSignIn(user.email, 'bad', ip())).toEqual({ ok: false, reason: 'invalid' });
  });
});
