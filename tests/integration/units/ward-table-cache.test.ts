import { beforeAll, describe, expect, it } from 'vitest';
import { registerWardsAction, transitionAction } from '@/lib/actions/assessments';
import { db } from '@/lib/server/db';
import { saveResult } from '@/lib/data/assessments/results';
import { listProvinceWardsFor, type WardRow } from '@/lib/data/units/ward-tables';
import { actAs } from '@/tests/support/action-context';
import { form, makeUnit, makeUser, seedReference, idle } from '@/tests/support/factories';

/**
 * A province's ward table is kept in memory under the province's counter: every write that
 * changes what it shows must raise the counter, so the next read shows it.
 */

const options = { year: 2026, lineage: true };

beforeAll(seedReference);

describe('the ward table kept in memory', () => {
  it('shows a save, a workflow step and a registration on the next read', async () => {
    const unit = await makeUnit('40');
    const officer = await makeUser('PROVINCE', { provinceCode: '40' });
    const province = officer.provinceId!;
    const row = async () =>
      (await listProvinceWardsFor(province, options)).find((w) => w.code === unit.code);
    await actAs(officer.email);

    expect((await row())?.status).toBeNull();
    await registerWardsAction(idle, form({ provinceCode: '40', year: 2026, unitCode: unit.code }));
    expect((await row())?.status).toBe('DRAFT');

    // A result whose state changes: the count in the table follows.
    const result = await db().criterionResult.findFirstOrThrow({
      where: { assessment: { unitId: unit.id }, criterion: { number: 3 } },
    });
    const actor = { userId: officer.id, email: officer.email, ip: null };
    const scope = { role: 'PROVINCE' as const, provinceId: province, unitId: null };
    await saveResult(actor, scope, {
      resultId: result.id,
      version: result.version,
      state: 'MET',
      value: 1,
      baseline: null,
      note: '',
    });
    expect((await row())?.met).toBe(1);

    // A step that changes no count (a submission) still shows.
    await db().criterionResult.updateMany({
      where: { assessment: { unitId: unit.id } },
      data: { state: 'MET' },
    });
    const assessment = await db().assessment.findFirstOrThrow({ where: { unitId: unit.id } });
    await transitionAction(idle, form({ assessmentId: assessment.id, name: 'submit' }));
    expect((await row())?.status).toBe('SUBMITTED');
  });

  it('shares one frozen answer: a page that tries to change it fails loudly and changes nothing', async () => {
    const officer = await makeUser('PROVINCE', { provinceCode: '40' });
    const first = await listProvinceWardsFor(officer.provinceId!, options);
    expect(first.length).toBeGreaterThan(0);
    const name = first[0]!.fullName;
    // Typed read-only too: these writes only compile with the casts.
    const rows = first as WardRow[];
    expect(() => {
      rows[0]!.fullName = 'đã sửa';
    }).toThrow(TypeError);
    expect(() => rows.sort((a, b) => b.code.localeCompare(a.code))).toThrow(TypeError);
    expect(() => {
      rows.length = 0;
    }).toThrow(TypeError);
    expect(() => (rows[0]!.fromUnits as unknown[]).push({})).toThrow(TypeError);
    const second = await listProvinceWardsFor(officer.provinceId!, options);
    expect(second).toBe(first);
    expect(second[0]!.fullName).toBe(name);
    // Sorting a copy, as callers do, works.
    expect([...second].sort((a, b) => b.code.localeCompare(a.code))[0]!.code).toBe(
      second
        .map((r) => r.code)
        .sort()
        .at(-1),
    );
  });
});
