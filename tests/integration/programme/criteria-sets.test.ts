import { beforeAll, describe, expect, it } from 'vitest';
import {
  importCriteriaSetAction,
  setYearsAction,
  updateCriterionAction,
} from '@/lib/actions/criteria-sets';
import { registerWardsAction } from '@/lib/actions/assessments';
import { db } from '@/lib/server/db';
import { actAs } from '@/tests/support/action-context';
import { form, makeUnit, makeUser, seedReference, idle } from '@/tests/support/factories';

beforeAll(seedReference);

function editForm(
  c: {
    id: number;
    title: string;
    titleEn: string;
    measureKind: string;
    comparator: string | null;
    threshold: number | null;
  },
  patch: Record<string, string> = {},
) {
  return form({
    id: c.id,
    title: c.title,
    titleEn: c.titleEn,
    description: '',
    descriptionEn: '',
    evidenceGuidance: '',
    measureKind: c.measureKind,
    comparator: c.comparator ?? '',
    threshold: c.threshold ?? '',
    ...patch,
  });
}

const set20 = (code: string) =>
  JSON.stringify({
    code,
    title: 'Bộ 20 tiêu chí (thử)',
    titleEn: 'The 20 criteria (test)',
    issuingDocument: 'Kế hoạch 42/KH-BCA-V05 ngày 29/1/2024',
    pillars: [{ position: 1, name: 'Nhóm 1', nameEn: 'Pillar 1' }],
    criteria: Array.from({ length: 20 }, (_, i) => ({
      number: i + 1,
      pillar: 1,
      title: `Tiêu chí ${i + 1}`,
      titleEn: `Criterion ${i + 1}`,
      measureKind: 'BOOLEAN',
    })),
  });

describe('criteria sets', () => {
  it('an administrator imports a 20-criteria set from JSON and assigns it to years; new registrations use it', async () => {
    await actAs((await makeUser('ADMIN')).email);
    const data = form({ code: 'KH42-TEST', title: 'x', titleEn: 'x', issuingDocument: 'KH 42' });
    data.append('year', '2029');
    data.append('year', '2030');
    data.set('file', new File([set20('KH42-TEST')], 'bo-20.json'));
    const result = await importCriteriaSetAction(idle, data);
    expect(result).toMatchObject({
      status: 'success',
      message: 'Đã nhập bộ tiêu chí gồm 20 tiêu chí.',
    });
    const set = await db().criteriaSet.findUniqueOrThrow({
      where: { code: 'KH42-TEST' },
      include: { years: true, _count: { select: { criteria: true } } },
    });
    expect(set._count.criteria).toBe(20);
    expect(set.years.map((y) => y.year).sort()).toEqual([2029, 2030]);

    const unit = await makeUnit('38');
    await actAs((await makeUser('PROVINCE', { provinceCode: '38' })).email);
    expect(
      (
        await registerWardsAction(
          idle,
          form({ provinceCode: '38', year: 2029, unitCode: unit.code }),
        )
      ).status,
    ).toBe('success');
    const a = await db().assessment.findFirstOrThrow({
      where: { unitId: unit.id, year: 2029 },
      include: { _count: { select: { results: true } } },
    });
    expect(a.criteriaSetId).toBe(set.id);
    expect(a._count.results).toBe(20);
  });

  it('refuses a broken file with its problems, writing nothing', async () => {
    await actAs((await makeUser('ADMIN')).email);
    const before = await db().criteriaSet.count();
    const data = form({ code: 'BROKEN', title: 'x', titleEn: 'x', issuingDocument: 'x' });
    data.set(
      'file',
      new File(
        [
          'pillar,pillar_name,pillar_name_en,number,title,title_en,measure_kind\n1,A,A,1,Một,One,PERCENT\n1,A,A,1,Hai,Two,BOOLEAN\n',
        ],
        'bo.csv',
      ),
    );
    const result = await importCriteriaSetAction(idle, data);
    expect(result.status).toBe('error');
    expect(result.fieldErrors?.file?.join(' ')).toMatch(/appears twice/);
    expect(await db().criteriaSet.count()).toBe(before);
  });

  it('a set in use accepts wording fixes (audited) but not a new threshold', async () => {
    await actAs((await makeUser('ADMIN')).email);
    // Register a ward so that the 22-criteria set is in use.
    const unit = await makeUnit('38');
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    await registerWardsAction(idle, form({ provinceCode: '38', year: 2026, unitCode: unit.code }));
    const c11 = await db().criterion.findFirstOrThrow({
      where: { number: 11, criteriaSet: { code: 'QD5764-2021' } },
    });
    const reword = await updateCriterionAction(
      idle,
      editForm(c11, { title: 'Quản lý cư trú, cơ sở dữ liệu quốc gia về dân cư, căn cước' }),
    );
    expect(reword.status).toBe('success');
    expect((await db().criterion.findUniqueOrThrow({ where: { id: c11.id } })).title).toBe(
      'Quản lý cư trú, cơ sở dữ liệu quốc gia về dân cư, căn cước',
    );
    expect(
      await db().auditEvent.count({
        where: { action: 'criterion.reword', entityId: String(c11.id) },
      }),
    ).toBe(1);
    const threshold = await updateCriterionAction(idle, editForm(c11, { threshold: '90' }));
    expect(threshold.message).toMatch(/chỉ sửa được câu chữ/);
    expect((await db().criterion.findUniqueOrThrow({ where: { id: c11.id } })).threshold).toBe(95);
  });

  it('an unused set may change its measures; incoherent measures are refused', async () => {
    await actAs((await makeUser('ADMIN')).email);
    const data = form({ code: 'UNUSED', title: 'x', titleEn: 'x', issuingDocument: 'x' });
    data.set('file', new File([set20('UNUSED')], 'u.json'));
    await importCriteriaSetAction(idle, data);
    const c1 = await db().criterion.findFirstOrThrow({
      where: { number: 1, criteriaSet: { code: 'UNUSED' } },
    });
    expect(
      (
        await updateCriterionAction(
          idle,
          editForm(c1, { measureKind: 'PERCENT', comparator: 'GTE', threshold: '90' }),
        )
      ).status,
    ).toBe('success');
    expect(await db().criterion.findUniqueOrThrow({ where: { id: c1.id } })).toMatchObject({
      measureKind: 'PERCENT',
      comparator: 'GTE',
      threshold: 90,
    });
    const bad = await updateCriterionAction(
      idle,
      editForm(c1, { measureKind: 'PERCENT', comparator: 'GTE', threshold: '150' }),
    );
    expect(bad.fieldErrors?.threshold).toEqual(['Tỷ lệ phải từ 0 đến 100.']);
    const set = await db().criteriaSet.findUniqueOrThrow({ where: { code: 'UNUSED' } });
    const years = form({ id: set.id });
    years.append('year', '2028');
    expect((await setYearsAction(idle, years)).status).toBe('success');
    expect(
      (await db().criteriaSetYear.findUniqueOrThrow({ where: { year: 2028 } })).criteriaSetId,
    ).toBe(set.id);
  });

  it('only administrators may manage criteria', async () => {
    await actAs((await makeUser('MINISTRY')).email);
    const c1 = await db().criterion.findFirstOrThrow({ where: { number: 1 } });
    expect((await updateCriterionAction(idle, editForm(c1, { title: 'Hacked' }))).status).toBe(
      'error',
    );
    expect((await db().criterion.findUniqueOrThrow({ where: { id: c1.id } })).title).not.toBe(
      'Hacked',
    );
  });
});
