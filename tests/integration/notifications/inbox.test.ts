import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addCommentAction, registerWardsAction, transitionAction } from '@/lib/actions/assessments';
import { markReadAction } from '@/lib/actions/notifications';
import { db } from '@/lib/server/db';
import { listNotifications } from '@/lib/data/notifications/inbox';
import { notify, runNotificationSweep } from '@/lib/data/notifications/notifications';
import { dayOf } from '@/lib/domain/calendar';
import { deliverOutbox, MAX_ATTEMPTS } from '@/lib/data/notifications/outbox';
import { saveUserLocale } from '@/lib/data/accounts/users';
import type { OutgoingMail } from '@/lib/mail/transport';
import { actAs } from '@/tests/support/action-context';
import {
  form,
  makeUnit,
  makeUser,
  registeredWard,
  seedReference,
  uid,
  fixByIn,
  idle,
  YEAR,
} from '@/tests/support/factories';

/**
 * The inbox is scoped like everything else: a step reaches the ward's and its province's staff
 * (or the Ministry's inspectors), never another province's, never the one who took it; each
 * event reaches each user once; e-mail goes to the outbox only for those who asked for it.
 */

beforeAll(seedReference);
afterEach(() => {
  delete process.env.SMTP_URL;
});

/** Runs the outbox's sender with a sender that keeps what it would send; answers `to`'s mails. */
async function deliverTo(to: string): Promise<OutgoingMail[]> {
  const sent: OutgoingMail[] = [];
  await deliverOutbox(async (mail) => {
    sent.push(mail);
  });
  return sent.filter((m) => m.recipient === to);
}

const inbox = (userId: number) =>
  db().notification.findMany({ where: { userId }, orderBy: { id: 'asc' } });

describe('notifications', () => {
  it('a Ministry return reaches the ward and its province, not another province or ward, nor the inspector', async () => {
    const { unit, assessment } = await registeredWard({ status: 'PROPOSED' });
    const colleague = await makeUser('PROVINCE', { provinceCode: '38' });
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    const otherWard = await makeUser('WARD', { unitId: (await makeUnit('38')).id });
    const otherProvince = await makeUser('PROVINCE', { provinceCode: '40' });
    const inactive = await makeUser('PROVINCE', { provinceCode: '38', isActive: false });
    const inspector = await makeUser('MINISTRY');
    await actAs(inspector.email);
    const item = assessment.results[0]!;
    const back = form({
      assessmentId: assessment.id,
      name: 'returnByMinistry',
      fixBy: fixByIn(),
      item: item.id,
    });
    back.set(`reason-${item.id}`, 'Thiếu biên bản');
    expect((await transitionAction(idle, back)).status).toBe('success');

    for (const u of [colleague, wardUser]) {
      const lines = await inbox(u.id);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatchObject({ kind: 'RETURNED', assessmentId: assessment.id });
      expect(lines[0]!.params).toMatchObject({ year: YEAR, count: 1, by: inspector.name });
    }
    for (const u of [otherWard, otherProvince, inactive, inspector])
      expect(await inbox(u.id), u.email).toHaveLength(0);
    // The line leads to the one criterion returned.
    const [line] = await inbox(wardUser.id);
    expect((line!.params as { href: string }).href).toMatch(
      new RegExp(`/${YEAR}#criterion-${item.criterion.number}$`),
    );
  });

  it('a line whose dossier moved on since says so, with the status it has now', async () => {
    const { assessment, officer } = await registeredWard({ status: 'SUBMITTED' });
    const inspector = await makeUser('MINISTRY');
    await actAs(officer.email);
    await transitionAction(idle, form({ assessmentId: assessment.id, name: 'propose' }));
    const waiting = await listNotifications(inspector.id);
    expect(waiting.lines[0]).toMatchObject({
      kind: 'AWAITING_REVIEW',
      dossier: { status: 'PROPOSED', movedOn: false },
    });
    // Another inspector takes it up: the first one's line no longer asks anything of them.
    await actAs((await makeUser('MINISTRY')).email);
    await transitionAction(idle, form({ assessmentId: assessment.id, name: 'startInspection' }));
    expect((await listNotifications(inspector.id)).lines[0]!.dossier).toEqual({
      status: 'INSPECTING',
      movedOn: true,
    });
  });

  it('a proposal waits on the Ministry: every inspector is told, no province user', async () => {
    const { assessment, officer } = await registeredWard({ status: 'SUBMITTED' });
    const inspectors = [await makeUser('MINISTRY'), await makeUser('MINISTRY')];
    const colleague = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    expect(
      (await transitionAction(idle, form({ assessmentId: assessment.id, name: 'propose' }))).status,
    ).toBe('success');
    for (const u of inspectors)
      expect((await inbox(u.id)).map((l) => l.kind)).toEqual(['AWAITING_REVIEW']);
    expect(await inbox(colleague.id)).toHaveLength(0);
    expect(await inbox(officer.id)).toHaveLength(0);
  });

  it('one event reaches each user once, and e-mail goes out only to those who chose it', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
    const immediate = await makeUser('MINISTRY');
    const daily = await makeUser('MINISTRY');
    const off = await makeUser('MINISTRY');
    await db().user.update({ where: { id: immediate.id }, data: { emailMode: 'IMMEDIATE' } });
    await db().user.update({ where: { id: daily.id }, data: { emailMode: 'DAILY' } });
    const key = `test:${uid()}`;
    const event = {
      kind: 'DEADLINE' as const,
      key,
      where: { id: { in: [immediate.id, daily.id, off.id] } },
      params: {
        year: YEAR,
        deadline: 'INSPECTION' as const,
        due: '2026-12-01',
        count: 8,
        href: '/calendar',
      },
    };
    expect(await db().$transaction((tx) => notify(tx, event))).toBe(3);
    // Written again (a retry, a second instance): nobody hears it twice.
    expect(await db().$transaction((tx) => notify(tx, event))).toBe(0);
    for (const u of [immediate, daily, off]) expect(await inbox(u.id)).toHaveLength(1);
    const mails = await db().emailOutbox.findMany({
      where: { recipient: { in: [immediate.email, daily.email, off.email] } },
    });
    expect(mails.map((m) => m.recipient)).toEqual([immediate.email]);
    // The row keeps the mail's data; its words are written when it is sent.
    expect(mails[0]!.content).toEqual({
      type: 'notification',
      line: { kind: 'DEADLINE', params: event.params },
    });
    const [sent] = await deliverTo(immediate.email);
    // An account that never chose a language reads both, Vietnamese first.
    expect(sent!.subject).toBe('Kiểu Mẫu: Hạn Bộ thẩm định năm 2026: 01/12/2026 (còn 8 ngày)');
    expect(sent!.body).toContain('Hạn Bộ thẩm định năm 2026: 01/12/2026');
    expect(sent!.body).toContain('Inspection closes for 2026');

    // The daily user gets one digest a day, however often the sweep runs.
    await runNotificationSweep();
    await runNotificationSweep();
    const digests = await deliverTo(daily.email);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toContain('1 thông báo mới');
  });

  it('words each e-mail when it is sent, in the language its recipient chose last', async () => {
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
    const reader = await makeUser('MINISTRY');
    await db().user.update({
      where: { id: reader.id },
      data: { emailMode: 'IMMEDIATE', locale: 'vi' },
    });
    const event = (key: string) => ({
      kind: 'DEADLINE' as const,
      key: `${key}:${uid()}`,
      where: { id: reader.id },
      params: {
        year: YEAR,
        deadline: 'SUBMISSION' as const,
        due: '2026-12-15',
        count: 3,
        href: '/calendar',
      },
    });
    // Written while the reader used Vietnamese; they switch to English before it is sent.
    await db().$transaction((tx) => notify(tx, event('first')));
    await saveUserLocale(reader.id, 'en');
    const [first] = await deliverTo(reader.email);
    expect(first!.subject).toBe('Kiểu Mẫu: Submission due for 2026: 15/12/2026 (3 days left)');
    expect(first!.body).not.toContain('năm 2026');
    expect(first!.body).toMatch(/\/calendar\n$/);
    // Back to Vietnamese: Vietnamese only.
    await saveUserLocale(reader.id, 'vi');
    await db().$transaction((tx) => notify(tx, event('second')));
    const [second] = await deliverTo(reader.email);
    expect(second!.subject).toContain('Hạn nộp hồ sơ năm 2026');
    expect(second!.body).not.toContain('Submission due');
  });

  it('keeps a message it cannot read for the administrator instead of sending nonsense', async () => {
    const user = await makeUser('MINISTRY');
    await db().emailOutbox.create({
      data: {
        messageId: `<${uid()}@test>`,
        userId: user.id,
        recipient: user.email,
        content: { type: 'notification', line: { kind: 'NOPE', params: {} } },
      },
    });
    expect(await deliverTo(user.email)).toEqual([]);
    const [row] = await db().emailOutbox.findMany({ where: { recipient: user.email } });
    expect(row).toMatchObject({
      sentAt: null,
      attempts: MAX_ATTEMPTS,
      lastError: 'unreadable content',
    });
  });

  it('announces a coming deadline once, only to those with a dossier still waiting on it', async () => {
    const today = dayOf(new Date());
    const due = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000);
    const year = 2029;
    // A Nghệ An ward has a 2029 dossier submitted and waiting for its province's review.
    const unit = await makeUnit('40');
    const waiting = await makeUser('PROVINCE', { provinceCode: '40' });
    await actAs(waiting.email);
    expect((await registerWardsAction(idle, form({ year, unitCode: unit.code }))).status).toBe(
      'success',
    );
    await db().assessment.update({
      where: { unitId_year: { unitId: unit.id, year } },
      data: { status: 'SUBMITTED' },
    });
    const idleProvince = await makeUser('PROVINCE', { provinceCode: '42' });
    const inspector = await makeUser('MINISTRY');
    await db().programmeDeadline.upsert({
      where: { year_kind: { year, kind: 'PROVINCIAL_REVIEW' } },
      create: { year, kind: 'PROVINCIAL_REVIEW', dueOn: due },
      update: { dueOn: due },
    });
    await runNotificationSweep();
    await runNotificationSweep();
    const lines = (await inbox(waiting.id)).filter((l) => l.kind === 'DEADLINE');
    expect(lines).toHaveLength(1);
    expect(lines[0]!.params).toMatchObject({ year, deadline: 'PROVINCIAL_REVIEW', count: 3 });
    const about2029 = (u: { id: number }) =>
      inbox(u.id).then((ls) => ls.filter((l) => (l.params as { year?: number }).year === year));
    expect(await about2029(idleProvince)).toHaveLength(0);
    expect(await about2029(inspector)).toHaveLength(0);
    await db().programmeDeadline.deleteMany({ where: { year } });
  });

  it('a comment reaches the ward and its province, and the Ministry once the dossier or thread is theirs', async () => {
    const { unit, officer, assessment } = await registeredWard({ status: 'SUBMITTED' });
    const colleague = await makeUser('PROVINCE', { provinceCode: '38' });
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    const otherProvince = await makeUser('PROVINCE', { provinceCode: '40' });
    const inspector = await makeUser('MINISTRY');
    const item = assessment.results[0]!;
    const say = async (email: string, body: string) => {
      await actAs(email);
      expect((await addCommentAction(idle, form({ resultId: item.id, body }))).status).toBe(
        'success',
      );
    };
    const comments = (u: { id: number }) =>
      inbox(u.id).then((ls) => ls.filter((l) => l.kind === 'COMMENTED'));

    // With the province: the ward and the province hear it, not the author, not the Ministry.
    await say(officer.email, 'Bổ sung ảnh chụp tuyến phố\nở cả hai đầu');
    for (const u of [colleague, wardUser]) {
      const [line, ...more] = await comments(u);
      expect(more).toHaveLength(0);
      expect(line!.params).toMatchObject({
        year: YEAR,
        by: officer.name,
        criterion: item.criterion.number,
        excerpt: 'Bổ sung ảnh chụp tuyến phố ở cả hai đầu',
      });
      expect((line!.params as { href: string }).href).toMatch(
        new RegExp(`/${YEAR}#criterion-${item.criterion.number}$`),
      );
    }
    for (const u of [officer, otherProvince, inspector])
      expect(await comments(u), u.email).toHaveLength(0);

    // With the Ministry: its inspectors hear the ward's comment; a long one is cut short.
    await db().assessment.update({ where: { id: assessment.id }, data: { status: 'PROPOSED' } });
    await say(wardUser.email, 'Đã bổ sung. '.repeat(20));
    const [told] = await comments(inspector);
    expect((told!.params as { excerpt: string }).excerpt).toHaveLength(120);
    expect((told!.params as { excerpt: string }).excerpt.endsWith('…')).toBe(true);

    // Back with the province, the thread an inspector wrote in still reaches the Ministry.
    await db().assessment.update({ where: { id: assessment.id }, data: { status: 'SUBMITTED' } });
    await say(inspector.email, 'Ảnh cần ghi ngày chụp');
    expect(await comments(wardUser)).toHaveLength(2);
    await say(officer.email, 'Đã ghi ngày chụp');
    expect(await comments(inspector)).toHaveLength(2);
    expect(await comments(otherProvince)).toHaveLength(0);
  });

  it("a return's own date coming within a week is told once to the ward and its province", async () => {
    const today = dayOf(new Date());
    const inDays = (n: number) => new Date(Date.parse(`${today}T00:00:00Z`) + n * 86_400_000);
    const { unit, officer, assessment } = await registeredWard({ status: 'SUBMITTED' });
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    const later = await registeredWard({ status: 'SUBMITTED' });
    await db().assessment.update({
      where: { id: assessment.id },
      data: { status: 'RETURNED', fixBy: inDays(3), returnedBy: 'PROVINCE' },
    });
    // A return due in three weeks is not told yet.
    await db().assessment.update({
      where: { id: later.assessment.id },
      data: { status: 'RETURNED', fixBy: inDays(21), returnedBy: 'PROVINCE' },
    });
    await runNotificationSweep();
    await runNotificationSweep();
    const due = inDays(3).toISOString().slice(0, 10);
    for (const u of [officer, wardUser]) {
      const lines = (await inbox(u.id)).filter((l) => l.kind === 'RETURN_DUE');
      expect(lines, u.email).toHaveLength(1);
      expect(lines[0]).toMatchObject({ assessmentId: assessment.id });
      expect(lines[0]!.params).toMatchObject({ year: YEAR, due, count: 3 });
      expect((lines[0]!.params as { href: string }).href).toMatch(/#returns-summary$/);
    }
    const aboutLater = await db().notification.count({
      where: { kind: 'RETURN_DUE', assessmentId: later.assessment.id },
    });
    expect(aboutLater).toBe(0);

    // Once the ward sends its fix, the line no longer asks anything.
    const line = async () =>
      (await listNotifications(wardUser.id)).lines.find((l) => l.kind === 'RETURN_DUE')!;
    expect((await line()).dossier).toEqual({ status: 'RETURNED', movedOn: false });
    await db().assessment.update({ where: { id: assessment.id }, data: { status: 'SUBMITTED' } });
    expect((await line()).dossier).toEqual({ status: 'SUBMITTED', movedOn: true });
  });

  it("marking read touches only the caller's own lines", async () => {
    const mine = await makeUser('MINISTRY');
    const theirs = await makeUser('MINISTRY');
    await db().$transaction((tx) =>
      notify(tx, {
        kind: 'DEADLINE',
        key: `test:${uid()}`,
        where: { id: { in: [mine.id, theirs.id] } },
        params: { year: YEAR, href: '/calendar' },
      }),
    );
    const [their] = await inbox(theirs.id);
    const [own] = await inbox(mine.id);
    await actAs(mine.email);
    const refused = await markReadAction(idle, form({ id: their!.id }));
    expect(refused.status).toBe('error');
    expect((await inbox(theirs.id))[0]!.readAt).toBeNull();
    expect((await markReadAction(idle, form({ id: own!.id }))).status).toBe('success');
    expect((await inbox(mine.id))[0]!.readAt).not.toBeNull();
  });
});
