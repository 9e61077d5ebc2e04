import { describe, expect, it } from 'vitest';
import { homePathFor, landingPath } from '@/lib/domain/navigation';

/**
 * Where each role lands after signing in. A province-bound user goes straight to their own
 * province's page: before, they were sent to the national dashboard, which redirected them only
 * once its page had started streaming (a 200 whose body reloaded the browser a second later).
 */
describe('homePathFor', () => {
  it.each([
    [{ role: 'ADMIN', provinceId: null, unitId: null }, '/dashboard'],
    [{ role: 'MINISTRY', provinceId: null, unitId: null }, '/dashboard'],
    [{ role: 'VIEWER', provinceId: null, unitId: null }, '/dashboard'],
    [{ role: 'PROVINCE', provinceId: 7, unitId: null, provinceCode: '38' }, '/provinces/38'],
    [{ role: 'VIEWER', provinceId: 7, unitId: null, provinceCode: '38' }, '/provinces/38'],
    [
      { role: 'WARD', provinceId: 7, unitId: 9, provinceCode: '38', unitCode: '15974' },
      '/wards/15974',
    ],
  ] as const)('%o lands on %s', (user, path) => {
    expect(homePathFor(user)).toBe(path);
  });
});

describe('landingPath', () => {
  const officer = { role: 'PROVINCE', provinceId: 7, unitId: null, provinceCode: '38' } as const;

  it('keeps the page the user was asked for', () => {
    expect(landingPath(officer, '/wards?q=an%20hung')).toBe('/wards?q=an%20hung');
  });

  it('sends a user who asked for nothing straight home, not through "/" and a second redirect', () => {
    expect(landingPath(officer, '/')).toBe('/provinces/38');
  });
});
