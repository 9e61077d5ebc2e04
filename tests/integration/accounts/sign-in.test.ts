import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { attemptSignIn } from '@/lib/data/accounts/sign-in';
import { lockSeconds, throttleKeys, throttleRules } from '@/lib/domain/throttle';
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

  it("keeps the language the sign-in page was in, for the account's e-mail", async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    const locale = async () =>
      (await db().user.findUniqueOrThrow({ where: { id: user.id } })).locale;
    expect(await locale()).toBeNull();
    await attemptSignIn(user.email, 'wrong password', ip(), null, null, 'en');
    expect(await locale()).toBeNull();
    await attemptSignIn(user.email, TEST_PASSWORD, ip(), null, null, 'en');
    expect(await locale()).toBe('en');
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

  it(`locks an account for one address after ${throttleRules.pair.limit} failures there, not for other addresses`, async () => {
    const user = await makeUser('WARD', { provinceCode: '38' });
    const office = ip();
    for (let i = 1; i < throttleRules.pair.limit; i += 1)
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
    expect(row.failures).toBe(throttleRules.pair.limit);
    expect(
      await db().auditEvent.count({ where: { action: 'auth.locked', entityId: user.email } }),
    ).toBe(1);
  });

  it("doubles each lock after the one before, up to the kind's cap", () => {
    expect(lockSeconds('pair', 0)).toBe(60);
    expect(lockSeconds('pair', 1)).toBe(120);
    expect(lockSeconds('pair', 3)).toBe(480);
    expect(lockSeconds('pair', 40)).toBe(3600);
    // A stranger can hold an account from new browsers for a quarter of an hour at most.
    expect(lockSeconds('account', 40)).toBe(900);
  });

  it('locks unknown accounts the same way, so a lock tells nothing about existence', async () => {
    const email = `ghost-${uid()}@test.vn`;
    const address = ip();
    for (let i = 0; i < throttleRules.pair.limit; i += 1) await attemptSignIn(email, 'x', address);
    expect(await attemptSignIn(email, 'x', address)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
  });

  it(`slows an address that tries ${throttleRules.address.limit} accounts (password spraying)`, async () => {
    const address = ip();
    for (let i = 0; i < throttleRules.address.limit; i += 1)
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
    for (let i = 0; i < throttleRules.pair.limit - 1; i += 1)
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

  it('locks again when a lock has run out, each lock twice as long, never forgetting the count', async () => {
    const user = await makeUser('WARD', { provinceCode: '38' });
    const office = ip();
    // Time passes: every lock on the account has run out, and its window too.
    const expire = () =>
      db().loginThrottle.updateMany({
        where: { key: { contains: user.email } },
        data: {
          lockedUntil: new Date(Date.now() - 1000),
          windowStart: new Date(Date.now() - 20 * 60_000),
        },
      });
    const limit = throttleRules.pair.limit;
    for (let round = 0; round < 4; round += 1) {
      for (let i = 1; i < limit; i += 1)
        expect(await attemptSignIn(user.email, `wrong-${round}-${i}`, office)).toEqual({
          ok: false,
          reason: 'invalid',
        });
      // The round's last failure locks, for twice as long as the round before.
      expect(await attemptSignIn(user.email, 'wrong', office)).toEqual({
        ok: false,
        reason: 'locked',
        minutes: 2 ** round,
      });
      expect(await attemptSignIn(user.email, TEST_PASSWORD, office)).toMatchObject({
        reason: 'locked',
      });
      await expire();
    }
    // Only the limit of guesses was checked in each round.
    expect(
      await db().auditEvent.count({
        where: { action: { in: ['auth.sign_in_failed', 'auth.locked'] }, entityId: user.email },
      }),
    ).toBe(4 * limit);
  });

  it('checks exactly the limit of a burst of concurrent guesses', async () => {
    const user = await makeUser('WARD', { provinceCode: '38' });
    const office = ip();
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, (_, i) => attemptSignIn(user.email, `burst-${i}`, office)),
    );
    expect(outcomes.every((o) => !o.ok)).toBe(true);
    expect(
      await db().auditEvent.count({
        where: { action: { in: ['auth.sign_in_failed', 'auth.locked'] }, entityId: user.email },
      }),
    ).toBe(throttleRules.pair.limit);
    expect(await attemptSignIn(user.email, TEST_PASSWORD, office)).toMatchObject({
      reason: 'locked',
    });
  });

  it('lets the same people sign in at once from one office, never failing on each other', async () => {
    // Each success releases the shared keys while other attempts claim them: every transaction
    // on the throttle must take its rows in one order, or PostgreSQL answers "deadlock detected".
    const office = ip();
    const people = await Promise.all(
      Array.from({ length: 4 }, () => makeUser('WARD', { provinceCode: '38' })),
    );
    for (let round = 0; round < 3; round++) {
      const outcomes = await Promise.all(
        people.flatMap((person) =>
          Array.from({ length: 3 }, () => attemptSignIn(person.email, TEST_PASSWORD, office)),
        ),
      );
      expect(outcomes.map((o) => o.ok)).toEqual(outcomes.map(() => true));
    }
  });

  it("slows a spray at one account from many addresses, but not the owner's own browser", async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    const limit = throttleRules.account.limit;
    let checked = 0;
    // 26 addresses, 4 guesses each: under every address's own limit.
    for (let a = 0; a < 26; a += 1) {
      const address = ip();
      for (let i = 0; i < 4; i += 1) {
        const outcome = await attemptSignIn(user.email, `spray-${a}-${i}`, address);
        if (!outcome.ok && outcome.reason === 'invalid') checked += 1;
      }
    }
    expect(checked).toBe(limit - 1);
    // The right password from yet another new address waits for the lock...
    expect(await attemptSignIn(user.email, TEST_PASSWORD, ip())).toMatchObject({
      reason: 'locked',
    });
    // ...but the browser where the owner signed in before is not held by it.
    expect(
      await attemptSignIn(user.email, TEST_PASSWORD, ip(), null, `device-${uid()}`),
    ).toMatchObject({ ok: true });
    const row = await db().loginThrottle.findUniqueOrThrow({
      where: { key: throttleKeys.account(user.email).key },
    });
    expect(row.lockedUntil!.getTime() - Date.now()).toBeLessThanOrEqual(
      throttleRules.account.maxLockSeconds * 1000,
    );
  });
});
