import { beforeAll, describe, expect, it } from 'vitest';
import { registerWardsAction } from '@/lib/actions/assessments';
import { db } from '@/lib/server/db';
import { saveResult } from '@/lib/data/assessments/results';
import { rebuildAllProgress } from '@/lib/data/progress/summary';
import { actAs } from '@/tests/support/action-context';
import { form, makeUnit, makeUser, seedReference } from '@/tests/support/factories';

beforeAll(seedReference);

describe('contention', () => {
  it('50 parallel saves of one result: exactly one wins per version, the rest get the conflict, the audit trail agrees', async () => {
    const unit = await makeUnit('38');
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    await registerWardsAction(
      { status: 'idle' },
      form({ provinceCode: '38', year: 2026, unitCode: unit.code }),
    );
    const result = await db().criterionResult.findFirstOrThrow({
      where: { assessment: { unitId: unit.id }, criterion: { number: 20 } },
    });
    const actor = { userId: officer.id, email: officer.email, ip: null };
    const scope = { role: 'PROVINCE' as const, provinceId: officer.provinceId, unitId: null };

    const outcomes = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        saveResult(actor, scope, {
          resultId: result.id,
          version: 1,
          state: 'MET',
          value: 1,
          baseline: null,
          note: `ghi chú ${i}`,
        }),
      ),
    );
    const winners = outcomes.filter((o) => o.ok);
    const conflicts = outcomes.filter((o) => !o.ok && o.error === 'conflict');
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const row = await db().criterionResult.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.version).toBe(2);
    expect(
      await db().auditEvent.count({
        where: { action: 'result.update', entityId: String(result.id) },
      }),
    ).toBe(1);
    // Every refused writer was shown the winning value.
    const winningNote = row.note;
    expect(
      conflicts.every((c) => !c.ok && c.error === 'conflict' && c.current.note === winningNote),
    ).toBe(true);
  });
});

describe('summaries under parallel saves', () => {
  it('saves in many wards of one province at once add up to a full rebuild', async () => {
    const wards = await Promise.all(Array.from({ length: 8 }, () => makeUnit('38')));
    await db().$transaction((tx) => rebuildAllProgress(tx), { timeout: 120_000 });
    const officer = await makeUser('PROVINCE', { provinceCode: '38' });
    await actAs(officer.email);
    for (const w of wards)
      await registerWardsAction(
        { status: 'idle' },
        form({ provinceCode: '38', year: 2026, unitCode: w.code }),
      );
    const actor = { userId: officer.id, email: officer.email, ip: null };
    const scope = { role: 'PROVINCE' as const, provinceId: officer.provinceId, unitId: null };
    // A yes/no criterion of each ward, saved met or not met, all at once.
    const results = await db().criterionResult.findMany({
      where: { assessment: { unitId: { in: wards.map((w) => w.id) } }, criterion: { number: 3 } },
    });
    expect(results).toHaveLength(wards.length);
    const outcomes = await Promise.all(
      results.map((r, i) =>
        saveResult(actor, scope, {
          resultId: r.id,
          version: r.version,
          state: i % 2 ? 'MET' : 'NOT_MET',
          value: i % 2,
          baseline: null,
          note: '',
        }),
      ),
    );
    expect(outcomes.every((o) => o.ok)).toBe(true);
    const read = () =>
      db().$queryRawUnsafe<unknown[]>(
        `SELECT year, today_province_id, criterion_id, met, assessed FROM criterion_year_progress
          ORDER BY year, today_province_id, criterion_id`,
      );
    const kept = await read();
    await db().$transaction((tx) => rebuildAllProgress(tx), { timeout: 120_000 });
    expect(kept).toEqual(await read());
  }, 120_000);
});
