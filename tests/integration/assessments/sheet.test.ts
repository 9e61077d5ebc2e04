import { beforeAll, describe, expect, it } from 'vitest';
import { registerWardsAction, saveResultAction, transitionAction } from '@/lib/actions/assessments';
import { saveCalendarAction } from '@/lib/actions/calendar';
import { db } from '@/lib/server/db';
import { listReviewQueue } from '@/lib/data/assessments/queue';
import { actAs } from '@/tests/support/action-context';
import { checksums } from '@/tests/support/checksums';
import {
  form,
  postEvidence,
  makeUnit,
  makeUser,
  seedReference,
  fixByIn,
  registeredWard,
  idle,
  YEAR,
} from '@/tests/support/factories';

/**
 * Entry and review as people do it daily: evidence dated outside the year needs a reason, a
 * return does not rewrite who last saved a result, the calendar keeps its dates in order, and
 * the queue's filters find what they say.
 */

beforeAll(seedReference);

describe('daily work', () => {
  it('evidence dated outside the assessment year is refused until the user says why, keeping what was typed', async () => {
    const { assessment } = await registeredWard();
    const resultId = assessment.results[0]!.id;
    const note = {
      resultId,
      kind: 'NOTE',
      title: 'Báo cáo năm 2024',
      note: 'Số liệu cùng kỳ',
      periodFrom: '2024-01-01',
      periodTo: '2024-12-31',
    };
    const before = await checksums();
    const refused = await postEvidence(form(note));
    expect(refused.status).toBe('error');
    expect(refused.fieldErrors?.periodReason?.[0]).toMatch(/ngoài năm đánh giá/);
    expect(refused.values).toMatchObject({ title: 'Báo cáo năm 2024', periodFrom: '2024-01-01' });
    expect(await checksums()).toEqual(before);

    const kept = await postEvidence(
      form({ ...note, periodReason: 'Số liệu năm trước để so sánh' }),
    );
    expect(kept.status).toBe('success');
    expect(await db().evidence.findFirstOrThrow({ where: { resultId } })).toMatchObject({
      periodReason: 'Số liệu năm trước để so sánh',
    });
    // A period within the year needs no reason.
    expect(
      (
        await postEvidence(
          form({ ...note, title: 'Quý I', periodFrom: '2026-01-01', periodTo: '2026-03-31' }),
        )
      ).status,
    ).toBe('success');
  });

  it('a return leaves "last saved by" as it was: the last save, not the reviewer\'s moment', async () => {
    const { assessment, officer } = await registeredWard();
    const r = assessment.results[2]!;
    expect(
      (
        await saveResultAction(
          idle,
          form({ resultId: r.id, version: r.version, state: 'NOT_MET', value: '0', note: '' }),
        )
      ).status,
    ).toBe('success');
    const saved = await db().criterionResult.findUniqueOrThrow({ where: { id: r.id } });
    expect(saved.updatedById).toBe(officer.id);
    await db().assessment.update({ where: { id: assessment.id }, data: { status: 'SUBMITTED' } });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const back = form({
      assessmentId: assessment.id,
      name: 'returnByProvince',
      fixBy: fixByIn(),
      item: r.id,
    });
    back.set(`reason-${r.id}`, 'Kiểm tra lại');
    expect((await transitionAction(idle, back)).status).toBe('success');
    const after = await db().criterionResult.findUniqueOrThrow({ where: { id: r.id } });
    expect(after.isReopened).toBe(true);
    expect(after.savedAt).toEqual(saved.savedAt);
    expect(after.updatedById).toBe(officer.id);
    // What was returned is kept, to show the reviewer what changed since.
    const comment = await db().reviewComment.findFirstOrThrow({ where: { resultId: r.id } });
    expect(comment.returnedAs).toMatchObject({ state: 'NOT_MET', value: 0 });
  });

  it("the sheet carries last year's result of each criterion, with its evidence count", async () => {
    const { unit, officer, assessment } = await registeredWard();
    await registerWardsAction(idle, form({ year: YEAR - 1, unitCode: unit.code }));
    const before = await db().assessment.findFirstOrThrow({
      where: { unitId: unit.id, year: YEAR - 1 },
      include: { results: { include: { criterion: true } } },
    });
    const r11 = before.results.find((r) => r.criterion.number === 11)!;
    await db().criterionResult.update({
      where: { id: r11.id },
      data: { state: 'MET', value: 1250 },
    });
    const { getSheet } = await import('@/lib/data/assessments/sheet');
    const { getSessionUser } = await import('@/lib/data/accounts/session-user');
    const sheet = (await getSheet((await getSessionUser(officer.id))!, unit.code, YEAR))!;
    expect(sheet.id).toBe(assessment.id);
    expect(sheet.lastYear.year).toBe(YEAR - 1);
    expect(sheet.lastYear.byNumber.get(11)).toEqual({ state: 'MET', value: 1250, evidence: 0 });
    expect(sheet.lastYear.byNumber.get(1)).toMatchObject({ state: 'NOT_ASSESSED', value: null });
    // A ward not registered the year before has none.
    const { unit: fresh, officer: other } = await registeredWard();
    const none = (await getSheet((await getSessionUser(other.id))!, fresh.code, YEAR))!;
    expect(none.lastYear.byNumber.size).toBe(0);
  });

  it('the calendar: the Ministry sets dates in order; out of order is refused and changes nothing', async () => {
    const inspector = await makeUser('MINISTRY');
    await actAs(inspector.email);
    const before = await checksums();
    const refused = await saveCalendarAction(
      idle,
      form({ year: 2028, SUBMISSION: '2028-09-30', PROVINCIAL_REVIEW: '2028-08-31' }),
    );
    expect(refused.status).toBe('error');
    expect(refused.fieldErrors?.PROVINCIAL_REVIEW).toBeDefined();
    expect(refused.values).toMatchObject({ SUBMISSION: '2028-09-30' });
    expect(await checksums()).toEqual(before);
    expect(
      (
        await saveCalendarAction(
          idle,
          form({ year: 2028, SUBMISSION: '2028-09-30', PROVINCIAL_REVIEW: '2028-10-31' }),
        )
      ).status,
    ).toBe('success');
    expect(
      (
        await db().programmeDeadline.findMany({ where: { year: 2028 }, orderBy: { kind: 'asc' } })
      ).map((d) => [d.kind, d.dueOn.toISOString().slice(0, 10)]),
    ).toEqual([
      ['SUBMISSION', '2028-09-30'],
      ['PROVINCIAL_REVIEW', '2028-10-31'],
    ]);
    expect(
      await db().auditEvent.count({ where: { action: 'calendar.update', entityId: '2028' } }),
    ).toBe(1);
    // A province officer cannot set it.
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    expect(
      (await saveCalendarAction(idle, form({ year: 2028, SUBMISSION: '2028-01-01' }))).status,
    ).toBe('error');
    await db().programmeDeadline.deleteMany({ where: { year: 2028 } });
  });

  it("a unit picker suggests only the caller's wards, found without diacritics", async () => {
    const { GET } = await import('@/app/api/units/search/route');
    const tag = `Zêta ${Date.now().toString(36)}`;
    const ngheAn = await makeUnit('40', `Phường ${tag}`);
    const search = async (q: string) => {
      const res = await GET(new Request(`http://test/api/units/search?q=${encodeURIComponent(q)}`));
      return ((await res.json()) as { units: { code: string }[] }).units.map((u) => u.code);
    };
    await actAs((await makeUser('PROVINCE', { provinceCode: '40' })).email);
    expect(await search(tag.replace('Zêta', 'zeta'))).toEqual([ngheAn.code]);
    await actAs((await makeUser('PROVINCE', { provinceCode: '38' })).email);
    expect(await search(tag.replace('Zêta', 'zeta'))).toEqual([]);
  });

  it('the queue pages by 25, and a page past the end shows the last one', async () => {
    const tag = `Phường Trang ${Date.now().toString(36)}`;
    const units = [];
    for (let i = 0; i < 27; i += 1) units.push(await makeUnit('38', `${tag} ${i}`));
    const { criteriaSetId } = await db().assessment.findFirstOrThrow({
      select: { criteriaSetId: true },
    });
    await db().assessment.createMany({
      data: units.map((u) => ({
        unitId: u.id,
        year: 2029,
        status: 'SUBMITTED' as const,
        criteriaSetId,
      })),
    });
    const scope = { role: 'PROVINCE' as const, provinceId: units[0]!.provinceId, unitId: null };
    const query = { q: tag, year: 2029 };
    const first = await listReviewQueue(scope, query);
    expect([first.total, first.page, first.pages, first.rows.length]).toEqual([27, 1, 2, 25]);
    const second = await listReviewQueue(scope, { ...query, page: 2 });
    expect([second.page, second.rows.length]).toEqual([2, 2]);
    const past = await listReviewQueue(scope, { ...query, page: 9 });
    expect(past.page).toBe(2);
    expect(past.rows.map((r) => r.assessmentId)).toEqual(second.rows.map((r) => r.assessmentId));
    const seen = new Set([...first.rows, ...second.rows].map((r) => r.unitCode));
    expect(seen).toEqual(new Set(units.map((u) => u.code)));
  });

  it('the queue filters by status, overdue date and a name typed without diacritics', async () => {
    const unit = await makeUnit('38', `Phường Đông Sơn ${Date.now()}`);
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    await registerWardsAction(idle, form({ year: 2027, unitCode: unit.code }));
    await db().assessment.update({
      where: { unitId_year: { unitId: unit.id, year: 2027 } },
      data: { status: 'SUBMITTED' },
    });
    const scope = { role: 'PROVINCE' as const, provinceId: unit.provinceId, unitId: null };
    const found = await listReviewQueue(scope, { q: 'dong son', year: 2027 });
    expect(found.rows.map((r) => r.unitCode)).toContain(unit.code);
    expect(
      (await listReviewQueue(scope, { q: 'dong son', year: 2027, status: 'PROPOSED' })).rows,
    ).toEqual([]);
    // Overdue only once the province's review date for 2027 has passed.
    expect((await listReviewQueue(scope, { year: 2027, overdue: '1' })).total).toBe(0);
    await db().programmeDeadline.create({
      data: { year: 2027, kind: 'PROVINCIAL_REVIEW', dueOn: new Date('2027-01-10T00:00:00Z') },
    });
    const late = await listReviewQueue(
      scope,
      { year: 2027, overdue: '1' },
      new Date('2027-01-11T03:00:00Z'),
    );
    expect(late.rows.map((r) => r.unitCode)).toContain(unit.code);
    const onTime = await listReviewQueue(
      scope,
      { year: 2027, overdue: '1' },
      new Date('2027-01-10T12:00:00Z'),
    );
    expect(onTime.total).toBe(0);
    await db().programmeDeadline.deleteMany({ where: { year: 2027 } });
  });
});
