import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { createUserAction, resetPasswordAction, updateUserAction } from '@/lib/actions/users';
import { changePasswordAction } from '@/lib/actions/account';
import { redeemHandoverAction } from '@/lib/actions/auth';
import { attemptSignIn } from '@/lib/data/accounts/sign-in';
import { throttleRules } from '@/lib/domain/throttle';
import { getCurrentUser } from '@/lib/auth/current-user';
import { recordAudit } from '@/lib/data/audit';
import { listUsers } from '@/lib/data/accounts/users';
import { actAs, signOut, redirectOf } from '@/tests/support/action-context';
import {
  form,
  makeUnit,
  makeUser,
  seedReference,
  TEST_PASSWORD,
  uid,
  idle,
} from '@/tests/support/factories';

beforeAll(seedReference);

const auditCount = (action: string, entityId?: number) =>
  db().auditEvent.count({ where: { action, ...(entityId ? { entityId: String(entityId) } : {}) } });

describe('user administration', () => {
  it('an administrator creates an account that its holder enters through a one-time link, audited', async () => {
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    const email = `new-${uid()}@test.vn`;
    const result = await createUserAction(
      idle,
      form({ email, name: 'Nguyễn Văn A', role: 'PROVINCE', provinceCode: '40' }),
    );
    expect(result.status).toBe('success');
    const path = result.data?.handoverPath ?? '';
    expect(path).toMatch(/^\/handover\/[A-Za-z0-9_-]{43}$/);
    const created = await db().user.findUniqueOrThrow({
      where: { email },
      include: { province: true },
    });
    expect(created).toMatchObject({ role: 'PROVINCE', isActive: true });
    expect(created.province?.code).toBe('40');
    const event = await db().auditEvent.findFirstOrThrow({
      where: { action: 'user.create', entityId: String(created.id) },
    });
    expect(event).toMatchObject({ actorId: admin.id, provinceCode: '40' });
    expect(JSON.stringify(event.after)).not.toContain('passwordHash');
    // Only the link's hash is kept.
    const token = path.split('/').pop()!;
    expect(JSON.stringify(await db().passwordHandover.findMany())).not.toContain(token);

    // The holder opens the link and sets a password; the link then works no more.
    signOut();
    const weak = await redeemHandoverAction(idle, form({ token, next: 'short', confirm: 'short' }));
    expect(weak.fieldErrors?.next).toBeDefined();
    const chosen = 'sông Mã chảy về xuôi';
    expect(
      await redirectOf(() =>
        redeemHandoverAction(idle, form({ token, next: chosen, confirm: chosen })),
      ),
    ).toBe('/login?notice=passwordSet');
    expect(
      await redeemHandoverAction(idle, form({ token, next: chosen, confirm: chosen })),
    ).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/không còn dùng được|đã được dùng/),
    });
    expect(await attemptSignIn(email, chosen, '10.9.9.9')).toMatchObject({ ok: true });
    expect(await auditCount('user.password_set_by_handover', created.id)).toBe(1);
  });

  it('refuses bad input with messages per field, in Vietnamese, writing nothing', async () => {
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    const before = await db().user.count();
    const result = await createUserAction(
      idle,
      form({ email: 'not-an-email', name: '', role: 'KING' }),
    );
    expect(result.status).toBe('error');
    expect(result.fieldErrors?.email).toEqual(['Email không hợp lệ.']);
    expect(result.fieldErrors?.name).toEqual(['Vui lòng nhập thông tin này.']);
    expect(result.fieldErrors?.role).toEqual(['Vai trò không hợp lệ.']);
    expect(await db().user.count()).toBe(before);
  });

  it('a provincial manager probing e-mails outside their reach is counted, audited and soon stopped', async () => {
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    const unit = await makeUnit('38');
    const ownWard = await makeUser('WARD', { unitId: unit.id });
    await actAs(officer.email);
    const create = (email: string) =>
      createUserAction(idle, form({ email, name: 'Cán bộ', role: 'WARD', unitCode: unit.code }));
    // A duplicate within reach is an ordinary refusal, not counted.
    expect((await create(ownWard.email)).message).toBe(
      'Email này đã được dùng cho tài khoản khác.',
    );
    const outside = await Promise.all(
      Array.from({ length: throttleRules.emailProbe.limit }, () => makeUser('MINISTRY')),
    );
    for (const u of outside)
      expect((await create(u.email)).message).toBe('Email này đã được dùng cho tài khoản khác.');
    expect(await auditCount('user.create_email_conflict')).toBe(throttleRules.emailProbe.limit);
    // Then every attempt waits, whatever the e-mail: no more answers to learn from.
    expect((await create((await makeUser('ADMIN')).email)).message).toMatch(/thử lại sau/);
    expect((await create(`moi-${uid()}@test.vn`)).message).toMatch(/thử lại sau/);
  });

  it('refuses a duplicate email and a PROVINCE account without a province', async () => {
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    const dup = await createUserAction(
      idle,
      form({ email: admin.email, name: 'X', role: 'VIEWER' }),
    );
    expect(dup).toMatchObject({
      status: 'error',
      message: 'Email này đã được dùng cho tài khoản khác.',
    });
    const noProvince = await createUserAction(
      idle,
      form({ email: `p-${uid()}@test.vn`, name: 'X', role: 'PROVINCE' }),
    );
    expect(noProvince.status).toBe('error');
  });

  it('a provincial officer manages only WARD accounts of their own province', async () => {
    const province = await makeUser('PROVINCE', { provinceCode: '38' });
    const homeWard = await makeUnit('38');
    const otherWard = await makeUnit('40');
    await actAs(province.email);

    const ok = await createUserAction(
      idle,
      form({
        email: `w-${uid()}@test.vn`,
        name: 'CA phường',
        role: 'WARD',
        unitCode: homeWard.code,
      }),
    );
    expect(ok.status).toBe('success');
    const elsewhere = await createUserAction(
      idle,
      form({ email: `w-${uid()}@test.vn`, name: 'X', role: 'WARD', unitCode: otherWard.code }),
    );
    expect(elsewhere).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/Phạm vi không hợp lệ/),
    });
    const admin = await createUserAction(
      idle,
      form({ email: `a-${uid()}@test.vn`, name: 'X', role: 'ADMIN' }),
    );
    expect(admin).toMatchObject({ status: 'error', message: 'Bạn không được cấp vai trò này.' });
  });

  it('a user outside the manager’s scope can be neither seen nor changed (not found)', async () => {
    const province = await makeUser('PROVINCE', { provinceCode: '38' });
    const foreignWardUser = await makeUser('WARD', { unitId: (await makeUnit('40')).id });
    const homeProvinceColleague = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(province.email);
    const visible = await listUsers({
      role: 'PROVINCE',
      provinceId: province.provinceId,
      unitId: null,
    });
    expect(visible.map((u) => u.id)).not.toContain(foreignWardUser.id);
    expect(visible.map((u) => u.id)).not.toContain(homeProvinceColleague.id);
    for (const target of [foreignWardUser, homeProvinceColleague]) {
      const update = await updateUserAction(
        idle,
        form({ id: target.id, name: 'Hacked', role: 'WARD', unitCode: '99999', isActive: 'on' }),
      );
      expect(update).toMatchObject({ status: 'error', message: 'Không tìm thấy tài khoản.' });
      const reset = await resetPasswordAction(idle, form({ id: target.id }));
      expect(reset).toMatchObject({ status: 'error', message: 'Không tìm thấy tài khoản.' });
      expect((await db().user.findUniqueOrThrow({ where: { id: target.id } })).name).not.toBe(
        'Hacked',
      );
    }
  });

  it('roles that may not manage users are refused before anything is read', async () => {
    for (const role of ['MINISTRY', 'VIEWER'] as const) {
      const user = await makeUser(role);
      await actAs(user.email);
      const before = await db().user.count();
      const result = await createUserAction(
        idle,
        form({ email: `x-${uid()}@test.vn`, name: 'X', role: 'VIEWER' }),
      );
      expect(result.status).toBe('error');
      expect(await db().user.count()).toBe(before);
    }
    signOut();
    expect(
      (
        await createUserAction(
          idle,
          form({ email: `x-${uid()}@test.vn`, name: 'X', role: 'VIEWER' }),
        )
      ).status,
    ).toBe('error');
  });

  it('an administrator cannot lock themselves out', async () => {
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    const result = await updateUserAction(
      idle,
      form({ id: admin.id, name: admin.name, role: 'VIEWER', isActive: 'on' }),
    );
    expect(result).toMatchObject({
      status: 'error',
      message: expect.stringMatching(/tự hạ quyền/),
    });
  });

  it('deactivating a user, changing their role or resetting their password ends their sessions at once', async () => {
    const { context } = await import('@/tests/support/action-context');
    const admin = await makeUser('ADMIN');
    const target = await makeUser('VIEWER');
    await actAs(target.email);
    const held = context.claims;
    expect((await getCurrentUser())?.id).toBe(target.id);

    await actAs(admin.email);
    const reset = await resetPasswordAction(idle, form({ id: target.id }));
    expect(reset.status).toBe('success');
    expect(await auditCount('user.reset_password', target.id)).toBe(1);

    // The cookie the target (or whoever copied it) still holds names an ended session.
    context.claims = held;
    expect(await getCurrentUser()).toBeNull();

    // A change of role and a deactivation each end the sessions the target holds.
    for (const change of [
      { role: 'PROVINCE', isActive: 'on' },
      { role: 'PROVINCE', isActive: '' },
    ]) {
      await actAs(target.email);
      const heldNow = context.claims;
      await actAs(admin.email);
      await updateUserAction(
        idle,
        form({ id: target.id, name: target.name, provinceCode: '38', ...change }),
      );
      context.claims = heldNow;
      expect(await getCurrentUser()).toBeNull();
    }
    const reasons = await db().userSession.findMany({
      where: { userId: target.id },
      select: { endReason: true },
      orderBy: { createdAt: 'asc' },
    });
    expect(reasons.map((r) => r.endReason)).toEqual([
      'password_reset',
      'role_changed',
      'deactivated',
    ]);
  });
});

describe('changing one’s own password', () => {
  it('checks the current password and the rules, then clears the forced change', async () => {
    const user = await makeUser('WARD', {
      unitId: (await makeUnit('38')).id,
      mustChangePassword: true,
    });
    await actAs(user.email);
    const wrong = await changePasswordAction(
      idle,
      form({ current: 'nope', next: 'gió mùa đông bắc về', confirm: 'gió mùa đông bắc về' }),
    );
    expect(wrong).toMatchObject({ status: 'error', message: 'Mật khẩu hiện tại không đúng.' });
    const weak = await changePasswordAction(
      idle,
      form({ current: TEST_PASSWORD, next: 'short', confirm: 'other' }),
    );
    expect(weak.fieldErrors?.next).toEqual(
      expect.arrayContaining(['Mật khẩu cần ít nhất 12 ký tự (một cụm từ dễ nhớ là tốt nhất).']),
    );
    expect(weak.fieldErrors?.confirm).toEqual(['Hai mật khẩu mới không khớp.']);
    // Long enough, but on the lists of common and breached passwords.
    for (const common of ['password1234', 'qwertyuiop123', 'Matkhau123456', '123456789012'])
      expect(
        (
          await changePasswordAction(
            idle,
            form({ current: TEST_PASSWORD, next: common, confirm: common }),
          )
        ).fieldErrors?.next,
        common,
      ).toEqual([expect.stringMatching(/quá phổ biến/)]);
    // Length first: a passphrase of plain words is welcome, no digit or symbol required.
    const ok = await changePasswordAction(
      idle,
      form({
        current: TEST_PASSWORD,
        next: 'gió mùa đông bắc về muộn',
        confirm: 'gió mùa đông bắc về muộn',
      }),
    );
    expect(ok.status).toBe('success');
    const after = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.mustChangePassword).toBe(false);
    expect(await auditCount('user.change_password', user.id)).toBe(1);
  });

  it('a user who must change their password may do nothing else', async () => {
    const admin = await makeUser('ADMIN', { mustChangePassword: true });
    await actAs(admin.email);
    const result = await createUserAction(
      idle,
      form({ email: `x-${uid()}@test.vn`, name: 'X', role: 'VIEWER' }),
    );
    expect(result.status).toBe('error');
  });
});

describe('the audit trail', () => {
  it('cannot be updated or deleted, even with SQL', async () => {
    const event = await db().auditEvent.findFirstOrThrow();
    await expect(
      db().auditEvent.update({ where: { id: event.id }, data: { action: 'forged' } }),
    ).rejects.toThrow(/append-only/);
    await expect(db().auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(
      /append-only/,
    );
    await expect(db().$executeRawUnsafe('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
  });

  it('rolls back with the change it describes', async () => {
    const before = await db().auditEvent.count();
    const user = await makeUser('VIEWER');
    await expect(
      db().$transaction(async (tx) => {
        await tx.user.update({ where: { id: user.id }, data: { name: 'Changed' } });
        await recordAudit(
          tx,
          { userId: null, email: 'test', ip: null },
          { action: 'user.update', entity: 'user', entityId: user.id },
        );
        throw new Error('the change fails after its audit event was written');
      }),
    ).rejects.toThrow();
    expect(await db().auditEvent.count()).toBe(before);
    expect((await db().user.findUniqueOrThrow({ where: { id: user.id } })).name).not.toBe(
      'Changed',
    );
  });
});
