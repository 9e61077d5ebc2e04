import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { touchProgress } from '@/lib/data/progress/summary';
import { enteredShare, STALE_DAYS } from '@/lib/domain/completeness';
import type { Scope } from '@/lib/domain/permissions';
import { provinceId, registeredWard, seedReference, YEAR } from '@/tests/support/factories';

/**
 * The completeness table follows the work as it happens: a ward registered shows as a dossier
 * with nothing entered, and once nobody has touched it for the set number of days it shows as
 * idle, in the province's line and the nation's.
 */

beforeAll(seedReference);

const ministry: Scope = { role: 'MINISTRY', provinceId: null, unitId: null };
const options = { year: YEAR, official: true, lineage: true };

async function thanhHoa() {
  const id = await provinceId('38');
  const national = (await getDashboard(ministry, { ...options, provinceId: null }))!;
  const own = (await getDashboard(ministry, { ...options, provinceId: id }))!;
  // The province's page and the nation's say the same of it.
  expect(own.completeness).toEqual(national.completeness.filter((c) => c.provinceId === id));
  return own.completeness[0]!.completeness;
}

describe('data completeness', () => {
  it('counts a new dossier as blank, then idle once untouched for the set days', async () => {
    const before = await thanhHoa();
    const start = new Date();
    const { unit, assessment } = await registeredWard({ provinceCode: '38' });
    const after = await thanhHoa();
    expect(after.wards).toBe(before.wards + 1);
    expect(after.registered).toBe(before.registered + 1);
    expect(after.complete).toBe(before.complete);
    expect(after.criteria).toBe(before.criteria + assessment.results.length);
    expect(after.criteriaEntered).toBe(before.criteriaEntered);
    expect(enteredShare(after)).toBe(0);
    expect(after.lastUpdate!.getTime()).toBeGreaterThanOrEqual(start.getTime() - 1000);
    expect(after.stale).toBe(before.stale);

    // Nobody touches it for the set number of days.
    await db().assessment.update({
      where: { id: assessment.id },
      data: { updatedAt: new Date(Date.now() - (STALE_DAYS + 1) * 86_400_000) },
    });
    await db().$transaction((tx) => touchProgress(tx, [unit.id]));
    expect((await thanhHoa()).stale).toBe(before.stale + 1);
  });
});
