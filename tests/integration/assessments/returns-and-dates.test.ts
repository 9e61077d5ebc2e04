import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  addCommentAction,
  registerWardsAction,
  respondToReturnAction,
  transitionAction,
} from '@/lib/actions/assessments';
import { saveCalendarAction } from '@/lib/actions/calendar';
import { db } from '@/lib/server/db';
import { addDays, dayOf } from '@/lib/domain/calendar';
import { actAs } from '@/tests/support/action-context';
import { checksums } from '@/tests/support/checksums';
import {
  fixByIn,
  form,
  makeUnit,
  makeUser,
  registeredWard,
  seedReference,
  idle,
  YEAR,
} from '@/tests/support/factories';

/**
 * Returns and dates that help (issue 28, item 6): a return carries its own "fix by" date; a fix
 * after the Ministry's return goes straight back to the Ministry with the province told; a step
 * after its date asks a reason (recorded), or is refused once the Ministry closed the period.
 */

const today = () => dayOf(new Date());

beforeAll(seedReference);
afterEach(() => db().programmeDeadline.deleteMany({ where: { year: YEAR } }));

/** A Thanh Hoá ward registered for the year, every result decided, moved (as setup) to `status`. */
async function dossierAt(status: 'DRAFT' | 'SUBMITTED' | 'INSPECTING') {
  const { unit, officer, assessment } = await registeredWard({ status });
  await db().criterionResult.updateMany({
    where: { assessmentId: assessment.id },
    data: { state: 'NOT_MET' },
  });
  return { unit, officer, assessment };
}

function returnForm(
  name: 'returnByProvince' | 'returnByMinistry',
  assessmentId: number,
  resultId: number,
  fixBy?: string,
) {
  const f = form({ assessmentId, name, item: resultId, fixBy });
  f.set(`reason-${resultId}`, 'Thiếu biên bản kiểm tra');
  return f;
}

const setCalendar = (dates: Record<string, string>, closes: string[] = []) =>
  Promise.all(
    Object.entries(dates).map(([kind, due]) =>
      db().programmeDeadline.create({
        data: {
          year: YEAR,
          kind: kind as 'REGISTRATION',
          dueOn: new Date(`${due}T00:00:00Z`),
          closes: closes.includes(kind),
        },
      }),
    ),
  );

describe('a return carries its own date', () => {
  it('is refused without a date, with a past one or one beyond 90 days, changing nothing', async () => {
    const { assessment } = await dossierAt('SUBMITTED');
    const reviewer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(reviewer.email);
    const item = assessment.results[0]!.id;
    const before = await checksums();
    for (const fixBy of [undefined, addDays(today(), -1), addDays(today(), 91), '2026-02-30']) {
      const refused = await transitionAction(
        idle,
        returnForm('returnByProvince', assessment.id, item, fixBy),
      );
      expect(refused.status, String(fixBy)).toBe('error');
      expect(refused.fieldErrors?.fixBy?.[0], String(fixBy)).toMatch(/hạn sửa|Ngày không hợp lệ/);
    }
    expect(await checksums()).toEqual(before);
  });

  it('is stored with the return, told to the ward, and cleared when the fix is sent', async () => {
    const { unit, assessment } = await dossierAt('SUBMITTED');
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    const reviewer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(reviewer.email);
    const item = assessment.results[0]!.id;
    const due = fixByIn(10);
    expect(
      (await transitionAction(idle, returnForm('returnByProvince', assessment.id, item, due)))
        .status,
    ).toBe('success');
    const returned = await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } });
    expect(returned).toMatchObject({ status: 'RETURNED', returnedBy: 'PROVINCE' });
    expect(returned.fixBy?.toISOString().slice(0, 10)).toBe(due);
    const line = await db().notification.findFirstOrThrow({ where: { userId: wardUser.id } });
    expect(line.params).toMatchObject({ due });

    await actAs(wardUser.email);
    const comment = await db().reviewComment.findFirstOrThrow({ where: { resultId: item } });
    await respondToReturnAction(idle, form({ commentId: comment.id, response: 'Đã bổ sung' }));
    expect(
      (await transitionAction(idle, form({ assessmentId: assessment.id, name: 'submit' }))).status,
    ).toBe('success');
    expect(await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).toMatchObject(
      { status: 'SUBMITTED', fixBy: null, returnedBy: null, returnedFrom: null },
    );
  });
});

describe("the loop after the Ministry's return", () => {
  it('the fix goes straight back to inspection; the inspectors are asked, the province told', async () => {
    const { unit, assessment, officer } = await dossierAt('INSPECTING');
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    const inspector = await makeUser('MINISTRY');
    const otherInspector = await makeUser('MINISTRY');
    await actAs(inspector.email);
    const item = assessment.results[3]!.id;
    expect(
      (
        await transitionAction(
          idle,
          returnForm('returnByMinistry', assessment.id, item, fixByIn(7)),
        )
      ).status,
    ).toBe('success');

    await actAs(wardUser.email);
    const comment = await db().reviewComment.findFirstOrThrow({ where: { resultId: item } });
    await respondToReturnAction(idle, form({ commentId: comment.id, response: 'Đã ký bổ sung' }));
    const sent = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'submit' }),
    );
    expect(sent.status, sent.message).toBe('success');

    const after = await db().assessment.findUniqueOrThrow({
      where: { id: assessment.id },
      include: { transitions: { orderBy: { id: 'asc' } } },
    });
    // Not through the province's review, a new proposal and a new inspection.
    expect(after.status).toBe('INSPECTING');
    expect(after.transitions.map((t) => `${t.fromStatus}→${t.toStatus}`)).toEqual([
      'INSPECTING→RETURNED',
      'RETURNED→INSPECTING',
    ]);
    const kinds = async (userId: number) =>
      (await db().notification.findMany({ where: { userId }, orderBy: { id: 'asc' } })).map(
        (n) => n.kind,
      );
    expect(await kinds(otherInspector.id)).toEqual(['AWAITING_REVIEW']);
    expect(await kinds(inspector.id)).toEqual(['AWAITING_REVIEW']);
    expect(await kinds(officer.id)).toEqual(['RETURNED', 'RESUBMITTED']);
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'assessment.submit', entityId: String(assessment.id) },
    });
    expect(audit.after).toMatchObject({ status: 'INSPECTING', returnedBy: 'MINISTRY' });
  });

  it('a return from a proposal goes back to the proposal', async () => {
    const { assessment, officer } = await dossierAt('INSPECTING');
    await db().assessment.update({ where: { id: assessment.id }, data: { status: 'PROPOSED' } });
    await actAs((await makeUser('MINISTRY')).email);
    const item = assessment.results[0]!.id;
    await transitionAction(idle, returnForm('returnByMinistry', assessment.id, item, fixByIn()));
    await actAs(officer.email);
    const comment = await db().reviewComment.findFirstOrThrow({ where: { resultId: item } });
    await respondToReturnAction(idle, form({ commentId: comment.id, response: 'Đã sửa' }));
    await transitionAction(idle, form({ assessmentId: assessment.id, name: 'submit' }));
    expect((await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).status).toBe(
      'PROPOSED',
    );
  });
});

describe('steps after their date', () => {
  it('a late submission asks a reason, kept in the history and the audit event', async () => {
    const { assessment } = await dossierAt('DRAFT');
    const due = addDays(today(), -3);
    await setCalendar({ SUBMISSION: due });
    const before = await checksums();
    const refused = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'submit' }),
    );
    expect(refused.status).toBe('error');
    expect(refused.message).toMatch(/Đã quá hạn ngày \d\d\/\d\d\/\d{4}: ghi lý do gửi muộn/);
    expect(await checksums()).toEqual(before);

    const sent = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'submit', reason: 'Chờ số liệu quý IV' }),
    );
    expect(sent.status, sent.message).toBe('success');
    const history = await db().workflowTransition.findFirstOrThrow({
      where: { assessmentId: assessment.id },
    });
    expect(history).toMatchObject({ toStatus: 'SUBMITTED', reason: 'Chờ số liệu quý IV' });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'assessment.submit', entityId: String(assessment.id) },
    });
    expect(audit.after).toMatchObject({
      reason: 'Chờ số liệu quý IV',
      late: { kind: 'SUBMISSION', due, closed: false },
    });
  });

  it('once the Ministry closed submissions, a late one is refused even with a reason', async () => {
    const { assessment } = await dossierAt('DRAFT');
    await setCalendar({ SUBMISSION: addDays(today(), -1) }, ['SUBMISSION']);
    const before = await checksums();
    const refused = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'submit', reason: 'Xin nộp muộn' }),
    );
    expect(refused.message).toMatch(/Bộ đã đóng nhận hồ sơ/);
    expect(await checksums()).toEqual(before);
  });

  it("a returned dossier is limited by its return's date, not by a closed submission period", async () => {
    const { assessment, officer } = await dossierAt('SUBMITTED');
    await setCalendar({ SUBMISSION: addDays(today(), -60) }, ['SUBMISSION']);
    const item = assessment.results[0]!.id;
    await actAs((await makeUser('PROVINCE', { provinceCode: '38' })).email);
    await transitionAction(idle, returnForm('returnByProvince', assessment.id, item, fixByIn(5)));
    await actAs(officer.email);
    const comment = await db().reviewComment.findFirstOrThrow({ where: { resultId: item } });
    await respondToReturnAction(idle, form({ commentId: comment.id, response: 'Đã sửa' }));
    // The return's date has not passed: sent without a word, though submissions are closed.
    expect(
      (await transitionAction(idle, form({ assessmentId: assessment.id, name: 'submit' }))).status,
    ).toBe('success');

    // Returned again, and its date passed (back-dated as setup): a reason is asked.
    await actAs((await makeUser('PROVINCE', { provinceCode: '38' })).email);
    await transitionAction(idle, returnForm('returnByProvince', assessment.id, item, fixByIn(5)));
    await db().assessment.update({
      where: { id: assessment.id },
      data: { fixBy: new Date(`${addDays(today(), -2)}T00:00:00Z`) },
    });
    await actAs(officer.email);
    const again = await db().reviewComment.findFirstOrThrow({
      where: { resultId: item, resolvedAt: null },
    });
    await respondToReturnAction(idle, form({ commentId: again.id, response: 'Đã sửa lần 2' }));
    const late = await transitionAction(
      idle,
      form({ assessmentId: assessment.id, name: 'submit' }),
    );
    expect(late.message).toMatch(/ghi lý do gửi muộn/);
    expect(
      (
        await transitionAction(
          idle,
          form({ assessmentId: assessment.id, name: 'submit', reason: 'Chờ chữ ký' }),
        )
      ).status,
    ).toBe('success');
  });

  it('late registration asks a reason (audited); closed registration is refused', async () => {
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    const unit = await makeUnit('38');
    await setCalendar({ REGISTRATION: addDays(today(), -10) });
    const before = await checksums();
    const asked = await registerWardsAction(idle, form({ year: YEAR, unitCode: unit.code }));
    expect(asked.message).toMatch(/quá hạn đăng ký ngày \d\d\/\d\d\/\d{4}/);
    expect(await checksums()).toEqual(before);
    const done = await registerWardsAction(
      idle,
      form({ year: YEAR, unitCode: unit.code, lateReason: 'Phường mới thành lập' }),
    );
    expect(done.status, done.message).toBe('success');
    const created = await db().assessment.findUniqueOrThrow({
      where: { unitId_year: { unitId: unit.id, year: YEAR } },
    });
    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: 'assessment.register', entityId: String(created.id) },
    });
    expect(audit.after).toMatchObject({ lateReason: 'Phường mới thành lập' });

    // The Ministry closes registration on the calendar page.
    await actAs((await makeUser('MINISTRY')).email);
    const closed = await saveCalendarAction(
      idle,
      (() => {
        const f = form({ year: YEAR, REGISTRATION: addDays(today(), -10) });
        f.append('closes', 'REGISTRATION');
        return f;
      })(),
    );
    expect(closed.status, closed.message).toBe('success');
    await actAs(officer.email);
    const other = await makeUnit('38');
    const refused = await registerWardsAction(
      idle,
      form({ year: YEAR, unitCode: other.code, lateReason: 'Xin đăng ký muộn' }),
    );
    expect(refused.message).toMatch(/Bộ đã đóng đăng ký/);
    expect(await db().assessment.count({ where: { unitId: other.id, year: YEAR } })).toBe(0);
  });
});

describe('a comment thread under each criterion', () => {
  it('the ward, its province and the Ministry comment without returning; others cannot', async () => {
    const { unit, assessment } = await dossierAt('INSPECTING');
    const resultId = assessment.results[4]!.id;
    const say = (body: string) => addCommentAction(idle, form({ resultId, body }));
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    await actAs(wardUser.email);
    expect((await say('Biên bản bản gốc lưu tại trụ sở')).status).toBe('success');
    await actAs((await makeUser('MINISTRY')).email);
    expect((await say('Đề nghị gửi bản chụp có dấu')).status).toBe('success');

    const viewer = await makeUser('VIEWER');
    const stranger = await makeUser('PROVINCE', { provinceCode: '40' });
    // Signing each of them in opens a session; nothing else may change.
    const before = await checksums([], ['user_sessions']);
    // Empty, from a viewer, from another province: refused, nothing changes.
    expect((await say('   ')).status).toBe('error');
    await actAs(viewer.email);
    expect((await say('Xem thôi')).status).toBe('error');
    await actAs(stranger.email);
    expect((await say('Tỉnh khác')).message).toBe('Không tìm thấy dữ liệu.');
    expect(await checksums([], ['user_sessions'])).toEqual(before);

    const thread = await db().reviewComment.findMany({
      where: { resultId },
      orderBy: { id: 'asc' },
      include: { author: true },
    });
    expect(thread.map((c) => [c.isReturn, c.author?.role, c.body])).toEqual([
      [false, 'WARD', 'Biên bản bản gốc lưu tại trụ sở'],
      [false, 'MINISTRY', 'Đề nghị gửi bản chụp có dấu'],
    ]);
    // Nothing was returned: the dossier and the result stay as they were.
    expect(await db().criterionResult.findUniqueOrThrow({ where: { id: resultId } })).toMatchObject(
      { isReopened: false },
    );
    expect((await db().assessment.findUniqueOrThrow({ where: { id: assessment.id } })).status).toBe(
      'INSPECTING',
    );
    expect(
      await db().auditEvent.count({
        where: { action: 'result.comment', entityId: { in: thread.map((c) => String(c.id)) } },
      }),
    ).toBe(2);
  });
});
