import { beforeAll, describe, expect, it } from 'vitest';
import { GET as progress } from '@/app/api/v1/progress/route';
import { GET as provinceProgress } from '@/app/api/v1/provinces/[code]/progress/route';
import { GET as ward } from '@/app/api/v1/wards/[code]/route';
import { GET as openapi } from '@/app/api/v1/openapi.json/route';
import { issueTokenAction, revokeTokenAction } from '@/lib/actions/api-tokens';
import { db } from '@/lib/server/db';
import { getDashboard } from '@/lib/data/progress/dashboard';
import { seed } from '@/prisma/seed';
import { actAs } from '@/tests/support/action-context';
import { form, makeUser, provinceId } from '@/tests/support/factories';

beforeAll(async () => {
  await seed(db(), { demo: true });
}, 180_000);

const get = (path: string, token?: string) =>
  new Request(`http://test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function issue(provinceCode = '') {
  await actAs((await makeUser('ADMIN')).email);
  const result = await issueTokenAction(
    { status: 'idle' },
    form({ name: `He thong ${Math.random()}`, provinceCode }),
  );
  expect(result.status).toBe('success');
  return result.data!.token;
}

describe('read-only API', () => {
  it('answers with the dashboard’s figures for a nationwide token, and audits the call', async () => {
    const token = await issue();
    expect(await db().apiToken.count({ where: { tokenHash: token } })).toBe(0); // only the hash is kept
    const response = await progress(get('/api/v1/progress?year=2026', token));
    expect(response.status).toBe(200);
    const body = await response.json();
    const view = (await getDashboard(
      { role: 'VIEWER', provinceId: null, unitId: null },
      { provinceId: null, year: 2026, official: true, lineage: true },
    ))!;
    expect(body.scope).toMatchObject({ level: 'nation' });
    expect(body.totals).toEqual(view.model.totals);
    expect(body.provinces).toHaveLength(34);
    expect(
      await db().auditEvent.count({
        where: { action: 'api.call', actorEmail: { startsWith: 'token:' } },
      }),
    ).toBeGreaterThan(0);
  });

  it('refuses a missing, malformed, unknown or revoked token with 401', async () => {
    expect((await progress(get('/api/v1/progress'))).status).toBe(401);
    expect((await progress(get('/api/v1/progress', 'not-a-token'))).status).toBe(401);
    expect(
      (await progress(get('/api/v1/progress', 'km_00000000_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa')))
        .status,
    ).toBe(401);
    const token = await issue();
    const row = await db().apiToken.findFirstOrThrow({ orderBy: { id: 'desc' } });
    expect((await revokeTokenAction({ status: 'idle' }, form({ id: row.id }))).status).toBe(
      'success',
    );
    const revoked = await progress(get('/api/v1/progress', token));
    expect(revoked.status).toBe(401);
    expect(await revoked.json()).toMatchObject({ reason: 'revoked' });
  });

  it('a province token sees its province and nothing else (404)', async () => {
    const token = await issue('38');
    const own = await provinceProgress(get('/api/v1/provinces/38/progress?year=2026', token), {
      params: Promise.resolve({ code: '38' }),
    });
    expect(own.status).toBe(200);
    expect((await own.json()).scope).toMatchObject({ level: 'province', code: '38' });
    const national = await (await progress(get('/api/v1/progress?year=2026', token))).json();
    expect(national.scope).toMatchObject({ level: 'province', code: '38' });
    expect(
      (
        await provinceProgress(get('/api/v1/provinces/40/progress', token), {
          params: Promise.resolve({ code: '40' }),
        })
      ).status,
    ).toBe(404);
    const foreignWard = await db().unit.findFirstOrThrow({
      where: { provinceId: await provinceId('40'), validTo: null },
    });
    expect(
      (
        await ward(get(`/api/v1/wards/${foreignWard.code}`, token), {
          params: Promise.resolve({ code: foreignWard.code }),
        })
      ).status,
    ).toBe(404);
    const ownWard = await db().unit.findFirstOrThrow({
      where: { provinceId: await provinceId('38'), validTo: null, name: 'Hạc Thành' },
    });
    const history = await ward(get(`/api/v1/wards/${ownWard.code}`, token), {
      params: Promise.resolve({ code: ownWard.code }),
    });
    expect(history.status).toBe(200);
    expect((await history.json()).assessments.length).toBeGreaterThan(0);
  });

  it('refuses a malformed query with 400', async () => {
    const token = await issue();
    expect((await progress(get('/api/v1/progress?year=1900', token))).status).toBe(400);
  });

  it('describes itself in OpenAPI', async () => {
    const doc = await openapi().json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual([
      '/progress',
      '/provinces/{code}/progress',
      '/wards/{code}',
    ]);
  });
});
