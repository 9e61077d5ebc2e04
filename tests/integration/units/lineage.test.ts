import { beforeAll, describe, expect, it } from 'vitest';
import { GET as exportTable } from '@/app/api/exports/[table]/route';
import { GET as wardApi } from '@/app/api/v1/wards/[code]/route';
import { issueTokenAction } from '@/lib/actions/api-tokens';
import {
  removeEvidenceAction,
  respondToReturnAction,
  saveResultAction,
  transitionAction,
} from '@/lib/actions/assessments';
import { designateSuccessorAction } from '@/lib/actions/units';
import { db } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { listProvinceWardsFor } from '@/lib/data/units/ward-tables';
import { getWardHistory, listWards } from '@/lib/data/units/wards';
import type { Scope } from '@/lib/domain/permissions';
import { actAs } from '@/tests/support/action-context';
import {
  form,
  makeUser,
  provinceId,
  seedReference,
  dossierCounts,
  postEvidence,
} from '@/tests/support/factories';
import { checksums } from '@/tests/support/checksums';

/**
 * Phường An Hưng (former Thanh Hóa, 16435) went partly to Đông Quang (16417) and partly to Hạc
 * Thành (14797). By the rule in lib/domain/lineage.ts it counts under Đông Quang (nearest code,
 * to be confirmed). This file gives An Hưng a recognition in 2023 and a near miss in 2024, then
 * checks every view follows the rule, and follows an administrator's new designation.
 */

const ministry: Scope = { role: 'MINISTRY', provinceId: null, unitId: null };
let thanhHoa: number;
let anHungId: number;

beforeAll(async () => {
  await seedReference();
  thanhHoa = await provinceId('38');
  const anHung = await db().unit.findFirstOrThrow({
    where: { code: '16435', validTo: { not: null } },
  });
  anHungId = anHung.id;
  const set = await db().criteriaSet.findFirstOrThrow({ include: { criteria: true } });
  const make = async (year: number, met: number, status: 'RECOGNISED' | 'SUBMITTED') => {
    const a = await db().assessment.create({
      data: {
        unitId: anHung.id,
        year,
        criteriaSetId: set.id,
        status,
        ...dossierCounts(met),
        results: {
          create: set.criteria.map((c) => ({
            criterionId: c.id,
            state: c.number <= met ? ('MET' as const) : ('NOT_MET' as const),
          })),
        },
      },
    });
    if (status === 'RECOGNISED')
      await db().recognitionDecision.create({
        data: { assessmentId: a.id, number: '01/QĐ-BCA', decidedOn: new Date('2023-12-20'), year },
      });
  };
  await make(2023, 22, 'RECOGNISED');
  await make(2024, 21, 'SUBMITTED');
  const { rebuildAllProgress } = await import('@/lib/data/progress/summary');
  await db().$transaction((tx) => rebuildAllProgress(tx), { timeout: 120_000 });
}, 180_000);

const wardRow = async (code: string, year: number) =>
  (await listProvinceWardsFor(thanhHoa, { year, lineage: true })).find((w) => w.code === code)!;
const thanhHoaOfficial = async (year: number) =>
  (await getDashboard(ministry, { provinceId: thanhHoa, year, official: true, lineage: true }))!;

describe('the An Hưng split under the designated-successor rule', () => {
  it('ward history: every successor shows An Hưng; only Đông Quang counts it', async () => {
    const dongQuang = (await getWardHistory(ministry, '16417'))!;
    const hacThanh = (await getWardHistory(ministry, '14797'))!;
    const inDongQuang = dongQuang.unit.predecessors.find((p) => p.code === '16435')!;
    const inHacThanh = hacThanh.unit.predecessors.find((p) => p.code === '16435')!;
    expect(inDongQuang.countsHere).toBe(true);
    expect(inHacThanh).toMatchObject({ countsHere: false, countsUnder: { code: '16417' } });
    expect(
      hacThanh.assessments.filter((a) => a.unit.code === '16435').map((a) => a.countsHere),
    ).toEqual([false, false]);
    const former = (await getWardHistory(ministry, '16435', '2025-06-30'))!;
    expect(former.unit.fullName).toBe('Phường An Hưng');
    expect(former.unit.successors.map((s) => [s.code, s.isDesignated])).toEqual([
      ['14797', false],
      ['16417', true],
    ]);
  });

  it('a ward user of either successor may see An Hưng’s history; only the designated one owns it', async () => {
    const hacThanh = await db().unit.findFirstOrThrow({ where: { code: '14797', validTo: null } });
    const user: Scope = { role: 'WARD', provinceId: thanhHoa, unitId: hacThanh.id };
    const history = await getWardHistory(user, '16435', '2025-06-30');
    expect(history?.record).toMatchObject({
      viewableBy: { unitIds: expect.arrayContaining([hacThanh.id]) },
    });
    expect(history?.record.unitId).not.toBe(hacThanh.id);
  });

  it('only the designated successor changes An Hưng’s reopened dossier: every write path', async () => {
    const set = await db().criteriaSet.findFirstOrThrow({ include: { criteria: true } });
    const reopened = await db().assessment.create({
      data: {
        unitId: anHungId,
        year: 2022,
        criteriaSetId: set.id,
        status: 'RETURNED',
        ...dossierCounts(20),
        results: {
          create: set.criteria.map((c) => ({
            criterionId: c.id,
            state: c.number <= 20 ? ('MET' as const) : ('NOT_MET' as const),
            isReopened: c.measureKind === 'BOOLEAN',
          })),
        },
      },
      include: { results: { include: { criterion: true } } },
    });
    const item = reopened.results.find((r) => r.criterion.measureKind === 'BOOLEAN')!;
    const comment = await db().reviewComment.create({
      data: { resultId: item.id, stage: 'MINISTRY', isReturn: true, body: 'Bổ sung biên bản' },
    });
    const evidence = await db().evidence.create({
      data: { resultId: item.id, kind: 'LINK', title: 'Biên bản', url: 'https://cand.gov.vn/' },
    });
    const idle = { status: 'idle' } as const;
    const wardOf = async (code: string) =>
      makeUser('WARD', {
        unitId: (await db().unit.findFirstOrThrow({ where: { code, validTo: null } })).id,
      });
    const attempts = [
      () =>
        saveResultAction(
          idle,
          form({
            resultId: item.id,
            version: item.version,
            state: 'IN_PROGRESS',
            note: 'đang bổ sung',
          }),
        ),
      () =>
        postEvidence(
          form({ resultId: item.id, kind: 'LINK', title: 'Thêm', url: 'https://cand.gov.vn/a' }),
        ),
      () => removeEvidenceAction(idle, form({ evidenceId: evidence.id })),
      () => respondToReturnAction(idle, form({ commentId: comment.id, response: 'Đã bổ sung' })),
      () => transitionAction(idle, form({ assessmentId: reopened.id, name: 'submit' })),
    ];
    // Hạc Thành took part of An Hưng and sees its history, but owns none of it.
    await actAs((await wardOf('14797')).email);
    const before = await checksums();
    for (const attempt of attempts) {
      const answer = await attempt();
      expect(answer.status).toBe('error');
      expect(answer.message).toMatch(/Không tìm thấy/);
    }
    expect(await checksums()).toEqual(before);
    // Đông Quang, where An Hưng counts, may change it.
    await actAs((await wardOf('16417')).email);
    for (const attempt of attempts.slice(0, 4))
      expect(await attempt()).toMatchObject({ status: 'success' });
  });

  it('dashboard and ward table: the 2023 recognition counts once, under Đông Quang, and carries to 2025', async () => {
    const view = await thanhHoaOfficial(2025);
    expect(view.model.totals).toMatchObject({ wards: 19, recognised: 1 });
    expect(await wardRow('16417', 2025)).toMatchObject({
      recognisedSince: 2023,
      recognisedVia: 'Phường An Hưng',
    });
    expect((await wardRow('14797', 2025)).recognisedSince).toBeNull();
    // 2024: An Hưng's dossier shows on Đông Quang's row, a near miss at 21/22.
    expect(await wardRow('16417', 2024)).toMatchObject({
      status: 'SUBMITTED',
      met: 21,
      fromUnits: [expect.objectContaining({ code: '16435' })],
    });
    const y2024 = await thanhHoaOfficial(2024);
    expect(y2024.model.totals).toMatchObject({ registered: 1, recognised: 1 });
    // An Hưng's 2024 dossier is 21/22, but Đông Quang holds An Hưng's 2023 recognition: a
    // recognised ward is no near miss.
    expect(y2024.nearMisses).toEqual([]);
    // As recorded, An Hưng itself is short one criterion and holds its own 2023 recognition too.
    const recorded = (await getDashboard(ministry, {
      provinceId: thanhHoa,
      year: 2024,
      official: true,
      lineage: false,
    }))!;
    expect(recorded.nearMisses).toEqual([]);
  });

  it('exports: the ward table says the same', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const response = await exportTable(
      new Request(
        'http://test/api/exports/wards?province=38&year=2025&basis=official&units=today&format=csv',
      ),
      { params: Promise.resolve({ table: 'wards' }) },
    );
    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n');
    expect(lines.find((l) => l.startsWith('16417,'))).toMatch(/,2023,Phường An Hưng$/);
    expect(lines.find((l) => l.startsWith('14797,'))).toMatch(/,,$/);
  });

  it('API: Đông Quang lists An Hưng as counting there, Hạc Thành as counted elsewhere', async () => {
    await actAs((await makeUser('ADMIN')).email);
    const issued = await issueTokenAction(
      { status: 'idle' },
      form({ name: 'lineage', provinceCode: '' }),
    );
    const token = issued.data!.token;
    const call = async (path: string, code: string) =>
      (
        await wardApi(
          new Request(`http://test${path}`, { headers: { authorization: `Bearer ${token}` } }),
          { params: Promise.resolve({ code }) },
        )
      ).json();
    const dq = await call('/api/v1/wards/16417', '16417');
    expect(dq.predecessors.find((p: { code: string }) => p.code === '16435')).toMatchObject({
      countsHere: true,
    });
    const ht = await call('/api/v1/wards/14797', '14797');
    expect(ht.predecessors.find((p: { code: string }) => p.code === '16435')).toMatchObject({
      countsHere: false,
      countsUnder: { code: '16417' },
    });
    const former = await call('/api/v1/wards/16435?on=2025-06-30', '16435');
    expect(former).toMatchObject({
      name: 'Phường An Hưng',
      inForce: false,
      countsUnder: { code: '16417', basis: 'NEAREST_CODE' },
    });
  });

  it('search finds An Hưng with or without diacritics, and Lam Sơn, with what they became', async () => {
    for (const q of ['An Hưng', 'an hung', 'AN HUNG'])
      expect((await listWards(ministry, q)).map((w) => w.code)).toContain('16435');
    expect((await listWards(ministry, 'an hung')).map((w) => w.fullName)).not.toContain(
      'Phường Trần Hưng Đạo',
    );
    const lamSon = (await listWards(ministry, 'lam son')).find((w) => w.code === '14773')!;
    expect(lamSon.validTo).not.toBeNull();
    expect(lamSon.became.map((b) => b.fullName)).toContain('Phường Hạc Thành');
    // Scope: another province's officer does not find Thanh Hóa's former wards.
    const ngheAn: Scope = { role: 'PROVINCE', provinceId: await provinceId('40'), unitId: null };
    expect((await listWards(ngheAn, 'an hung')).map((w) => w.code)).not.toContain('16435');
  });

  it('an administrator designates Hạc Thành instead: the figures follow on the next load, audited', async () => {
    await actAs((await makeUser('PROVINCE', { provinceCode: '38' })).email);
    const hacThanh = await db().unit.findFirstOrThrow({ where: { code: '14797', validTo: null } });
    const refused = await designateSuccessorAction(
      { status: 'idle' },
      form({ unitId: anHungId, successorId: hacThanh.id }),
    );
    expect(refused.status).toBe('error');

    await actAs((await makeUser('ADMIN')).email);
    const notASuccessor = await db().unit.findFirstOrThrow({
      where: { code: '14758', validTo: null },
    });
    expect(
      (
        await designateSuccessorAction(
          { status: 'idle' },
          form({ unitId: anHungId, successorId: notASuccessor.id }),
        )
      ).status,
    ).toBe('error');
    const done = await designateSuccessorAction(
      { status: 'idle' },
      form({ unitId: anHungId, successorId: hacThanh.id }),
    );
    expect(done.status).toBe('success');
    expect((await wardRow('14797', 2025)).recognisedSince).toBe(2023);
    expect((await wardRow('16417', 2025)).recognisedSince).toBeNull();
    const view = await thanhHoaOfficial(2025);
    expect(view.model.totals.recognised).toBe(1);
    expect(
      await db().auditEvent.count({
        where: { action: 'unit.designate_successor', entityId: String(anHungId) },
      }),
    ).toBe(1);
    const history = (await getWardHistory(ministry, '14797'))!;
    expect(history.unit.predecessors.find((p) => p.code === '16435')?.countsHere).toBe(true);
  });
});
