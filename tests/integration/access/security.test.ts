import JSZip from 'jszip';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { getCurrentUser, getLiveSession } from '@/lib/auth/current-user';
import {
  changePasswordAction,
  endSessionsAction,
  reauthenticateAction,
  renewRecoveryCodesAction,
} from '@/lib/actions/account';
import { issueTokenAction } from '@/lib/actions/api-tokens';
import { listOwnSessions, listSecurityEvents } from '@/lib/data/accounts/sessions';
import { REAUTH_MINUTES } from '@/lib/domain/sessions';
import {
  confirmEnrolmentAction,
  signInAction,
  signOutAction,
  verifySecondFactorAction,
} from '@/lib/actions/auth';
import {
  createUserAction,
  resetPasswordAction,
  resetTwoFactorAction,
  updateUserAction,
} from '@/lib/actions/users';
import { listReviewQueue } from '@/lib/data/assessments/queue';
import { getRegistrationOverview } from '@/lib/data/assessments/registration';
import { getSheet } from '@/lib/data/assessments/sheet';
import { analyseResultsImport } from '@/lib/data/assessments/results-import';
import { recordRefusal } from '@/lib/data/refusals';
import { beginEnrolment } from '@/lib/data/accounts/two-factor';
import { listProvinces, listProvinceOptions } from '@/lib/data/units/provinces';
import { getSessionUser } from '@/lib/data/accounts/session-user';
import { getManagedUser, listUsers } from '@/lib/data/accounts/users';
import { getWardHistory, listWards } from '@/lib/data/units/wards';
import { throttleKeys, throttleRules } from '@/lib/domain/throttle';
import { base32Decode, totpAt } from '@/lib/domain/totp';
import { XLSX_LIMITS } from '@/lib/validations/xlsx-guard';
import { seed } from '@/prisma/seed';
import { API_CONTENT_SECURITY_POLICY, proxy } from '@/proxy';
import { actAs, context, signOut, redirectOf } from '@/tests/support/action-context';
import { form, makeUnit, makeUser, TEST_PASSWORD, idle } from '@/tests/support/factories';

const auditCount = (action: string, entityId?: number | string) =>
  db().auditEvent.count({
    where: { action, ...(entityId !== undefined ? { entityId: String(entityId) } : {}) },
  });

beforeAll(async () => {
  await seed(db(), { demo: true });
}, 180_000);

describe('sessions end on the server', () => {
  it('a password change ends every other session; a copied cookie cannot come back', async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(user.email);
    const copied = context.claims; // e.g. a cookie taken from another browser
    await actAs(user.email);
    const mine = context.claims;
    const changed = await changePasswordAction(
      idle,
      form({ current: TEST_PASSWORD, next: 'AnotherPass2026', confirm: 'AnotherPass2026' }),
    );
    expect(changed.status).toBe('success');
    expect((await getCurrentUser())?.id).toBe(user.id); // the session in use stays
    context.claims = copied;
    expect(await getCurrentUser()).toBeNull();
    // Nothing the client sends revives it: there is no token-refresh endpoint any more, and the
    // row says ended whatever the cookie says.
    const row = await db().userSession.findUniqueOrThrow({ where: { id: copied!.sid } });
    expect(row.endReason).toBe('password_changed');
    context.claims = mine;
    expect((await getCurrentUser())?.id).toBe(user.id);
  });

  it('sign-out ends the session on the server, audited; reactivating the user revives nothing', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser('VIEWER');
    await actAs(user.email);
    const copied = context.claims;
    expect(await redirectOf(() => signOutAction())).toBe('/login?notice=signedOut');
    expect(context.claims).toBeNull();
    context.claims = copied;
    expect(await getCurrentUser()).toBeNull();
    expect(await auditCount('auth.sign_out', user.id)).toBe(1);

    await actAs(user.email);
    const beforeDeactivation = context.claims;
    await actAs(admin.email);
    await updateUserAction(
      idle,
      form({ id: user.id, name: user.name, role: 'VIEWER', isActive: '' }),
    );
    await updateUserAction(
      idle,
      form({ id: user.id, name: user.name, role: 'VIEWER', isActive: 'on' }),
    );
    context.claims = beforeDeactivation;
    expect(await getCurrentUser()).toBeNull();
  });

  it('ends after the idle time and after the absolute lifetime', async () => {
    const user = await makeUser('VIEWER');
    await actAs(user.email);
    const { sid } = context.claims!;
    await db().userSession.update({
      where: { id: sid },
      data: { lastSeenAt: new Date(Date.now() - 9 * 3_600_000) },
    });
    expect(await getCurrentUser()).toBeNull();
    await actAs(user.email);
    await db().userSession.update({
      where: { id: context.claims!.sid },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await getCurrentUser()).toBeNull();
  });
});

describe('signing in by POST', () => {
  it('opens a session and goes to a same-site path only', async () => {
    const user = await makeUser('VIEWER');
    context.claims = null;
    const go = (returnTo: string) =>
      redirectOf(() =>
        signInAction(idle, form({ email: user.email, password: TEST_PASSWORD, returnTo })),
      );
    expect(await go('/wards?q=an%20hung')).toBe('/wards?q=an%20hung');
    expect((context.claims as { uid: number } | null)?.uid).toBe(user.id);
    // Anything that is not a path on this site lands on the user's home, never elsewhere.
    expect(await go('/\t/evil.example')).toBe('/dashboard');
    expect(await go('//evil.example')).toBe('/dashboard');
    expect(await go('https://evil.example/x')).toBe('/dashboard');
    expect(await auditCount('auth.sign_in', user.id)).toBe(4);
  });

  it('with no page asked for, lands on the role’s home in one redirect, not through "/"', async () => {
    const ward = await db().unit.findFirstOrThrow({
      where: { type: 'PHUONG', validTo: null, province: { code: '38' } },
      select: { id: true, code: true },
    });
    const accounts = [
      [await makeUser('VIEWER'), '/dashboard'],
      [await makeUser('VIEWER', { provinceCode: '38' }), '/provinces/38'],
      [await makeUser('WARD', { unitId: ward.id }), `/wards/${ward.code}`],
    ] as const;
    for (const [user, home] of accounts) {
      context.claims = null;
      const landed = await redirectOf(() =>
        signInAction(idle, form({ email: user.email, password: TEST_PASSWORD })),
      );
      expect(landed, user.role).toBe(home);
    }
  });

  it('answers a wrong password in the user’s language and keeps the email, not the password', async () => {
    const user = await makeUser('VIEWER');
    const answer = await signInAction(idle, form({ email: user.email, password: 'wrong-one' }));
    expect(answer).toEqual({
      status: 'error',
      message: 'Email hoặc mật khẩu không đúng.',
      data: { email: user.email },
    });
  });
});

describe('password changes', () => {
  it(`are throttled after ${throttleRules.password.limit} wrong current passwords, and audited`, async () => {
    const user = await makeUser('VIEWER');
    await actAs(user.email);
    const attempt = (current: string) =>
      changePasswordAction(
        idle,
        form({ current, next: 'BrandNewPass2026', confirm: 'BrandNewPass2026' }),
      );
    for (let i = 1; i < throttleRules.password.limit; i += 1)
      expect((await attempt(`guess-${i}`)).message).toBe('Mật khẩu hiện tại không đúng.');
    expect((await attempt('guess-last')).message).toMatch(/quá nhiều lần/);
    // Even the right password waits for the lock to pass.
    expect((await attempt(TEST_PASSWORD)).message).toMatch(/quá nhiều lần/);
    expect(await auditCount('user.change_password_failed', user.id)).toBe(
      throttleRules.password.limit,
    );
  });
});

describe('two-factor sign-in', () => {
  it('enrols with a code, then asks for a code at every sign-in; codes and recovery codes work once', async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(user.email);
    const started = await beginEnrolment(user.id);
    if ('error' in started) throw new Error(started.error);
    const secret = base32Decode(started.secret);
    const wrong = await confirmEnrolmentAction(idle, form({ code: '000000' }));
    expect(wrong.status).toBe('error');
    const confirmed = await confirmEnrolmentAction(
      idle,
      form({ code: totpAt(secret, Date.now() - 30_000) }),
    );
    expect(confirmed.status).toBe('success');
    const codes = confirmed.data!.recoveryCodes!;
    expect(codes).toHaveLength(10);
    expect(await auditCount('user.two_factor_enabled', user.id)).toBe(1);

    // Sign in again: the password alone gives a session that owes its second factor.
    context.claims = null;
    expect(
      await redirectOf(() =>
        signInAction(
          idle,
          form({ email: user.email, password: TEST_PASSWORD, returnTo: '/dashboard' }),
        ),
      ),
    ).toBe('/login/verify?returnTo=%2Fdashboard');
    expect(await getCurrentUser()).toBeNull();
    expect((await getLiveSession())?.secondFactorDone).toBe(false);
    expect((await verifySecondFactorAction(idle, form({ code: '123456' }))).message).toMatch(
      /^Mã không đúng/,
    );
    const code = totpAt(secret, Date.now());
    expect(
      await redirectOf(() =>
        verifySecondFactorAction(idle, form({ code, returnTo: '/dashboard' })),
      ),
    ).toBe('/dashboard');
    expect((await getCurrentUser())?.id).toBe(user.id);

    // The same code again, in another sign-in: refused (replay).
    context.claims = null;
    await redirectOf(() =>
      signInAction(idle, form({ email: user.email, password: TEST_PASSWORD })),
    );
    // Refused, telling the user to wait for the app's next code rather than "wrong code".
    const replayed = await verifySecondFactorAction(idle, form({ code }));
    expect(replayed.status).toBe('error');
    expect(replayed.message).toMatch(/vừa được dùng.*tối đa 30 giây/);
    // A recovery code works once.
    // With no page asked for, the code lands on the officer's own province.
    expect(await redirectOf(() => verifySecondFactorAction(idle, form({ code: codes[0]! })))).toBe(
      '/provinces/38',
    );
    context.claims = null;
    await redirectOf(() =>
      signInAction(idle, form({ email: user.email, password: TEST_PASSWORD })),
    );
    expect((await verifySecondFactorAction(idle, form({ code: codes[0]! }))).status).toBe('error');
    expect(await auditCount('auth.second_factor_failed', user.id)).toBeGreaterThanOrEqual(3);
  });

  it('locks wrong codes again after a lock runs out: guessing the second factor stays slow', async () => {
    const admin = await makeUser('ADMIN');
    await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: null } });
    await actAs(admin.email);
    const started = await beginEnrolment(admin.id);
    if ('error' in started) throw new Error(started.error);
    const secret = base32Decode(started.secret);
    expect(
      (await confirmEnrolmentAction(idle, form({ code: totpAt(secret, Date.now()) }))).status,
    ).toBe('success');
    context.claims = null;
    await redirectOf(() =>
      signInAction(idle, form({ email: admin.email, password: TEST_PASSWORD })),
    );
    const key = throttleKeys.secondFactor(admin.id).key;
    const right = totpAt(secret, Date.now() + 30_000);
    const wrong = right === '000000' ? '111111' : '000000';
    let locks = 0;
    // An attacker with the password tries 200 codes, waiting out every lock.
    for (let i = 0; i < 200; i += 1) {
      const answer = await verifySecondFactorAction(idle, form({ code: wrong }));
      expect(answer.status).toBe('error');
      if (/quá nhiều lần/.test(answer.message ?? '')) {
        locks += 1;
        if (i < 199)
          await db().loginThrottle.update({
            where: { key },
            data: { lockedUntil: new Date(Date.now() - 1000) },
          });
      }
    }
    // Every limit's worth of guesses locked the key again, each lock longer than the last.
    const limit = throttleRules.secondFactor.limit;
    expect(locks).toBe(200 / limit);
    expect((await db().loginThrottle.findUniqueOrThrow({ where: { key } })).locks).toBe(
      200 / limit,
    );
    expect(await auditCount('auth.second_factor_failed', admin.id)).toBe(200);
    // The lock running now holds the right code too.
    expect((await verifySecondFactorAction(idle, form({ code: right }))).status).toBe('error');
    expect((await getCurrentUser())?.id).toBeUndefined();
  });

  it('is required for ADMIN and MINISTRY: without it they may do nothing but set it up', async () => {
    const admin = await makeUser('ADMIN');
    await db().user.update({ where: { id: admin.id }, data: { totpEnabledAt: null } });
    await db().appSetting.update({ where: { key: 'demo_mode' }, data: { value: 'off' } });
    try {
      await actAs(admin.email);
      expect((await getCurrentUser())?.mustEnrollSecondFactor).toBe(true);
      const target = await makeUser('VIEWER');
      const answer = await updateUserAction(
        idle,
        form({ id: target.id, name: 'x', role: 'VIEWER', isActive: 'on' }),
      );
      expect(answer.status).toBe('error');
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).name).toBe(
        target.name,
      );
    } finally {
      await db().appSetting.update({ where: { key: 'demo_mode' }, data: { value: 'on' } });
    }
  });

  it('an administrator can turn it off for a user who lost their phone: audited, their sessions end', async () => {
    const admin = await makeUser('ADMIN');
    const user = await makeUser('MINISTRY');
    await actAs(user.email);
    const held = context.claims;
    await actAs(admin.email);
    expect((await resetTwoFactorAction(idle, form({ id: user.id }))).status).toBe('success');
    expect((await getSessionUser(user.id))?.twoFactorEnabled).toBe(false);
    expect(await auditCount('user.two_factor_reset', user.id)).toBe(1);
    context.claims = held;
    expect(await getCurrentUser()).toBeNull();
    // A provincial officer may not.
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    expect((await resetTwoFactorAction(idle, form({ id: user.id }))).status).toBe('error');
  });

  it('an administrator turning off their own stays signed in and is sent to set it up again', async () => {
    const admin = await makeUser('ADMIN');
    await db().user.update({
      where: { id: admin.id },
      data: { totpSecret: 'x', totpEnabledAt: new Date() },
    });
    await actAs(admin.email);
    const other = context.claims;
    await actAs(admin.email);
    expect(await redirectOf(() => resetTwoFactorAction(idle, form({ id: admin.id })))).toBe(
      '/account/two-factor',
    );
    // This session goes on (not "Phiên làm việc đã hết hạn"); the admin's other one ended.
    expect((await getCurrentUser())?.id).toBe(admin.id);
    expect((await getSessionUser(admin.id))?.twoFactorEnabled).toBe(false);
    context.claims = other;
    expect(await getCurrentUser()).toBeNull();
  });
});

describe('scope in every list and search', () => {
  it('a Nghệ An officer and a ward user see nothing of Thanh Hóa, whatever they search', async () => {
    const officer = await getSessionUser(await actAs('nghean@example.vn'));
    const ward = await getSessionUser(await actAs('phuong@example.vn')); // Hạc Thành, Thanh Hóa
    for (const [scope, own, foreign] of [
      [officer!, '40', '38'],
      [ward!, '38', '40'],
    ] as const) {
      for (const q of ['phuong', 'Thanh Hoa', 'Nghe An', 'Vinh', 'Hac Thanh', 'an hung', 'a', '']) {
        const wards = await listWards(scope, q, 1000);
        expect(
          wards.every((w) => w.province.code === own),
          `listWards "${q}"`,
        ).toBe(true);
        if (scope.role === 'WARD')
          expect(
            wards.every(
              (w) => w.code === scope.unitCode || w.became.some((b) => b.code === scope.unitCode),
            ),
          ).toBe(true);
        const provinces = await listProvinces(scope, q);
        expect(
          provinces.every((p) => p.code === own),
          `listProvinces "${q}"`,
        ).toBe(true);
      }
      expect(
        (await listReviewQueue(scope)).rows.every((i) =>
          i.provinceName.includes(own === '40' ? 'Nghệ An' : 'Thanh'),
        ),
      ).toBe(true);
      expect(await getRegistrationOverview(scope, foreign, 2025)).toBeNull();
      expect((await listProvinceOptions(scope)).every((p) => p.code === own)).toBe(true);
      expect((await listUsers(scope)).every((u) => u.provinceCode === own)).toBe(true);
    }
    // Records of the other province are "not found".
    expect(await getWardHistory(officer!, '14797')).toBeNull();
    expect(await getSheet(officer!, '14797', 2025)).toBeNull();
    const thanhHoaUser = await db().user.findFirstOrThrow({
      where: { email: 'thanhhoa@example.vn' },
    });
    expect(await getManagedUser(officer!, thanhHoaUser.id)).toBeNull();
  });
});

describe('uploads', () => {
  async function xlsxWith(
    sheetXml: string,
    extra: Record<string, string> = {},
  ): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', sheetXml);
    for (const [name, body] of Object.entries(extra)) zip.file(name, body);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  }

  it('refuses an XLSX with 60,000 rows written as "<row" + newline, before parsing it', async () => {
    const officer = await getSessionUser(await actAs('thanhhoa@example.vn'));
    const bytes = await xlsxWith(
      `<worksheet><sheetData>${'<row\nr="1"/>'.repeat(60_000)}</sheetData></worksheet>`,
    );
    expect(bytes.length).toBeLessThan(100_000);
    const analysis = await analyseResultsImport(officer!, bytes);
    expect(analysis.problems[0]).toMatchObject({ code: 'too_many_rows' });
  });

  it('refuses an XLSX that inflates past the cap (a zip bomb), reading no further', async () => {
    const officer = await getSessionUser(await actAs('thanhhoa@example.vn'));
    const bomb = 'A'.repeat(XLSX_LIMITS.maxInflatedBytes + 1024);
    const bytes = await xlsxWith('<worksheet/>', { 'xl/media/padding.bin': bomb });
    expect(bytes.length).toBeLessThan(200_000);
    const analysis = await analyseResultsImport(officer!, bytes);
    expect(analysis.problems[0]).toMatchObject({ code: 'too_large' });
  });

  it('refuses an import upload from another site (no or foreign Origin)', async () => {
    await actAs('thanhhoa@example.vn');
    const { POST } = await import('@/app/api/imports/results/route');
    const body = new FormData();
    body.set('file', new File(['x'], 'x.xlsx'));
    for (const headers of [{}, { origin: 'https://evil.example' }] as Record<string, string>[]) {
      const response = await POST(
        new Request('http://app.test/api/imports/results?mode=apply', {
          method: 'POST',
          body,
          headers,
        }),
      );
      expect(response.status).toBe(403);
    }
  });
});

describe('API answers and downloads', () => {
  it('keep the sandbox policy: the proxy no longer overwrites it', () => {
    const response = proxy(new NextRequest('http://app.test/api/evidence/12'));
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = proxy(new NextRequest('http://app.test/login'));
    expect(page.headers.get('content-security-policy')).toContain('nonce-');
  });

  it('the evidence upload, which the proxy skips so as not to copy its body, sets the same policy', async () => {
    const { config } = await import('@/proxy');
    const skips = (path: string) =>
      !config.matcher.some((m) => new RegExp(`^${m.replace('/(', '/(?:')}$`).test(path));
    expect(skips('/api/uploads/evidence')).toBe(true);
    expect(skips('/api/evidence/12')).toBe(false);
    expect(skips('/wards')).toBe(false);
    await actAs('thanhhoa@example.vn');
    const { POST } = await import('@/app/api/uploads/evidence/route');
    const response = await POST(
      new Request('http://app.test/api/uploads/evidence', {
        method: 'POST',
        body: form({ resultId: 1, kind: 'NOTE', title: '' }),
        headers: { origin: 'http://app.test' },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toBe(API_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('map outlines go to signed-in users only, kept for good under their version; unknown maps are not found', async () => {
    const { GET } = await import('@/app/api/maps/[key]/route');
    const { shapesByKey } = await import('@/lib/maps/shapes');
    const ask = (key: string) =>
      GET(new Request(`http://app.test/api/maps/${key}`), { params: Promise.resolve({ key }) });
    signOut();
    expect((await ask('provinces')).status).toBe(401);
    await actAs('thanhhoa@example.vn');
    const national = await ask('provinces');
    expect(national.status).toBe(200);
    expect(national.headers.get('cache-control')).toContain('immutable');
    const outlines = (await national.json()) as Record<string, string>;
    expect(Object.keys(outlines)).toHaveLength(34);
    expect(outlines['38']).toMatch(/^M[\d.]+,[\d.]+/);
    // The version pages put in the address follows the outlines.
    expect(shapesByKey('provinces')!.version).toMatch(/^[0-9a-f]{16}$/);
    expect(shapesByKey('38')!.version).not.toBe(shapesByKey('provinces')!.version);
    for (const key of ['99', '../provinces', 'x', '3'])
      expect((await ask(key)).status, key).toBe(404);
  });

  it('a refused API call is audited', async () => {
    const before = await auditCount('api.refused');
    const { GET } = await import('@/app/api/v1/progress/route');
    const response = await GET(
      new Request('http://app.test/api/v1/progress', {
        headers: { authorization: 'Bearer km_deadbeef_notarealtokennotarealtoken' },
      }),
    );
    expect(response.status).toBe(401);
    expect(await auditCount('api.refused')).toBe(before + 1);
    const last = await db().auditEvent.findFirstOrThrow({
      where: { action: 'api.refused' },
      orderBy: { id: 'desc' },
    });
    expect(last.entityId).toBe('km_deadbeef'); // the public prefix, never the secret
  });

  it('refused calls from one address leave bounded events: cut to size, then one suppression', async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}`;
    const path = `/api/v1/progress/${'x'.repeat(16_000)}`;
    for (let i = 0; i < 60; i += 1)
      await recordRefusal(
        { userId: null, email: 'token:?', ip },
        {
          action: 'api.refused',
          entity: 'apitoken',
          entityId: 'y'.repeat(5000),
          after: { path, reason: 'unknown' },
        },
      );
    const events = await db().auditEvent.findMany({ where: { ip } });
    const limit = throttleRules.refusals.limit;
    expect(events.filter((e) => e.action === 'api.refused')).toHaveLength(limit);
    expect(events.filter((e) => e.action === 'audit.refusals_suppressed')).toHaveLength(1);
    for (const e of events)
      expect(JSON.stringify({ ...e, id: String(e.id) }).length).toBeLessThan(1000);
  });
});

describe('re-authentication before sensitive actions', () => {
  const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000);

  it('asks for the password again when the sign-in is older than the limit, then lets the action through', async () => {
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    await db().userSession.update({
      where: { id: context.claims!.sid },
      data: { createdAt: ago(REAUTH_MINUTES + 1), secondFactorAt: ago(REAUTH_MINUTES + 1) },
    });
    const issue = () =>
      issueTokenAction(idle, form({ name: `reauth-${Date.now()}`, provinceCode: '' }));
    const tokensBefore = await db().apiToken.count();
    expect(await issue()).toMatchObject({ status: 'error', reauth: true });
    const target = await makeUser('VIEWER');
    expect(await resetPasswordAction(idle, form({ id: target.id }))).toMatchObject({
      reauth: true,
    });
    expect(
      await createUserAction(
        idle,
        form({ email: `a-${Date.now()}@test.vn`, name: 'Quản trị', role: 'ADMIN' }),
      ),
    ).toMatchObject({ reauth: true });
    // Not every edit is sensitive: a viewer's name is not.
    expect(
      (
        await updateUserAction(
          idle,
          form({ id: target.id, name: 'Đổi tên', role: 'VIEWER', isActive: 'on' }),
        )
      ).status,
    ).toBe('success');
    expect(await db().apiToken.count()).toBe(tokensBefore);

    // A wrong password is refused and counted; the right one brings the user back.
    expect(
      await reauthenticateAction(idle, form({ password: 'not-it', returnTo: '/admin/tokens' })),
    ).toMatchObject({ status: 'error', message: 'Mật khẩu không đúng.' });
    expect(
      await redirectOf(() =>
        reauthenticateAction(idle, form({ password: TEST_PASSWORD, returnTo: '/admin/tokens' })),
      ),
    ).toBe('/admin/tokens');
    expect((await issue()).status).toBe('success');
    expect(await auditCount('auth.reauthenticated', admin.id)).toBe(1);
    expect(await auditCount('auth.reauth_failed', admin.id)).toBe(1);
  });

  it('accepts a code from the app instead of the password, and throttles wrong ones', async () => {
    const user = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(user.email);
    const started = await beginEnrolment(user.id);
    if ('error' in started) throw new Error(started.error);
    const secret = base32Decode(started.secret);
    await confirmEnrolmentAction(idle, form({ code: totpAt(secret, Date.now() - 30_000) }));
    await db().userSession.update({
      where: { id: context.claims!.sid },
      data: { createdAt: ago(60), secondFactorAt: ago(60) },
    });
    expect(await renewRecoveryCodesAction(idle, form({ renew: 'codes' }))).toMatchObject({
      reauth: true,
    });
    for (let i = 0; i < throttleRules.secondFactor.limit - 1; i += 1)
      expect((await reauthenticateAction(idle, form({ code: '000000' }))).message).toMatch(
        /Mã không đúng/,
      );
    expect((await reauthenticateAction(idle, form({ code: '000000' }))).message).toMatch(
      /quá nhiều lần/,
    );
    await db().loginThrottle.deleteMany({ where: { key: throttleKeys.secondFactor(user.id).key } });
    expect(
      await redirectOf(() =>
        reauthenticateAction(
          idle,
          form({ code: totpAt(secret, Date.now()), returnTo: '/account/two-factor' }),
        ),
      ),
    ).toBe('/account/two-factor');
    const renewed = await renewRecoveryCodesAction(idle, form({ renew: 'codes' }));
    expect(renewed.data?.recoveryCodes).toHaveLength(10);
    expect(renewed.data!.recoveryCodes[0]).toMatch(/^[0-9a-z]{4}(-[0-9a-z]{4}){3}$/);
    // Stored as salted hashes, never as the codes.
    const stored = await db().recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.every((r) => r.codeHash.startsWith('$argon2id$'))).toBe(true);
  });
});

describe('the account page: sessions and security activity', () => {
  it('lists the user’s sessions, signs out one or every other, and shows what a manager did', async () => {
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    const ward = await makeUser('WARD', { unitId: (await makeUnit('38')).id });
    // The ward signs in from two places, then its province resets its password.
    await actAs(ward.email);
    const first = context.claims!;
    await actAs(ward.email);
    await actAs(ward.email);
    const current = context.claims!;
    let sessions = await listOwnSessions(ward.id, current.sid);
    expect(sessions).toHaveLength(3);
    expect(sessions.filter((s) => s.isCurrent)).toHaveLength(1);
    // One session, by its handle; the session ids themselves never reach the page.
    const other = sessions.find((s) => !s.isCurrent)!;
    expect(JSON.stringify(sessions)).not.toContain(first.sid);
    expect((await endSessionsAction(idle, form({ which: other.handle }))).status).toBe('success');
    expect(await listOwnSessions(ward.id, current.sid)).toHaveLength(2);
    expect(await endSessionsAction(idle, form({ which: 'others' }))).toMatchObject({
      status: 'success',
      message: 'Đã đăng xuất 1 phiên khác.',
    });
    sessions = await listOwnSessions(ward.id, current.sid);
    expect(sessions.map((s) => s.isCurrent)).toEqual([true]);

    await actAs(officer.email);
    expect((await resetPasswordAction(idle, form({ id: ward.id }))).status).toBe('success');
    const events = await listSecurityEvents({ id: ward.id, email: ward.email });
    expect(events.find((e) => e.action === 'user.reset_password')?.by).toBe(officer.email);
    expect(events.find((e) => e.action === 'auth.sign_out_everywhere')?.by).toBeNull();
  });
});
