import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bulkTransitionAction, registerWardsAction } from '@/lib/actions/assessments';
import { db } from '@/lib/server/db';
import { listReviewQueue } from '@/lib/data/assessments/queue';
import { actAs } from '@/tests/support/action-context';
import { checksums } from '@/tests/support/checksums';
import {
  form,
  makeUnit,
  makeUser,
  seedReference,
  uid,
  idle,
  YEAR,
} from '@/tests/support/factories';

/**
 * The queue as reviewers work it (issue 28, item 7): sorted by ward name in Vietnamese order, the
 * whole filtered queue as an XLSX file, and one step on several dossiers at once.
 */

beforeAll(seedReference);

/** Thanh Hoá wards named `names` (plus a shared tag), registered and moved (as setup) to `status`. */
async function dossiers(names: string[], status: 'SUBMITTED' | 'PROPOSED' | 'DRAFT') {
  const tag = `Zq${uid()}`;
  const officer = await makeUser('PROVINCE', { provinceCode: '38' });
  await actAs(officer.email);
  const units = [];
  for (const name of names) units.push(await makeUnit('38', `${name} ${tag}`));
  // Created in the reverse of Vietnamese order: codes ascend the other way.
  const made = [];
  for (const unit of units) {
    await registerWardsAction(idle, form({ year: YEAR, unitCode: unit.code }));
    made.push(
      await db().assessment.update({
        where: { unitId_year: { unitId: unit.id, year: YEAR } },
        data: { status },
      }),
    );
  }
  return { tag, officer, units, assessments: made };
}

describe('the review queue', () => {
  it('sorts by ward name in Vietnamese order ("Đ" after "D", numbers by value), either way', async () => {
    const { tag, officer } = await dossiers(
      ['Phường 10', 'Ea', 'Đông', 'Dung', 'Phường 2'],
      'SUBMITTED',
    );
    const names = async (dir: 'asc' | 'desc') =>
      (
        await listReviewQueue(await scopeOf(officer.email), {
          q: tag,
          sort: 'ward',
          dir,
        })
      ).rows.map((r) => r.unitName.replace(` ${tag}`, ''));
    expect(await names('asc')).toEqual(['Dung', 'Đông', 'Ea', 'Phường 2', 'Phường 10']);
    expect(await names('desc')).toEqual(['Phường 10', 'Phường 2', 'Ea', 'Đông', 'Dung']);
  });

  it('exports every dossier the filters find, in the order on screen, audited', async () => {
    const { tag, officer } = await dossiers(['Đông', 'Dung', 'Ea'], 'SUBMITTED');
    await actAs(officer.email);
    const { GET } = await import('@/app/api/review/export/route');
    const res = await GET(
      new Request(`http://t/api/review/export?q=${tag}&sort=ward&format=xlsx`, {
        headers: { cookie: 'NEXT_LOCALE=vi' },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/kieu-mau_hang-doi-xet-duyet_.*\.xlsx/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Phường');
    const rows: string[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push(String(row.getCell(1).value).replace(` ${tag}`, ''));
    });
    expect(rows).toEqual(['Phường Dung', 'Phường Đông', 'Phường Ea']);
    expect(sheet.getRow(2).getCell(5).value).toBe('Đã gửi, chờ tỉnh xét');
    expect(
      await db().auditEvent.count({ where: { action: 'export.queue', actorId: officer.id } }),
    ).toBe(1);
    // The same as CSV; a link with a filter the page would drop is refused, not exported whole.
    const csv = await GET(new Request(`http://t/api/review/export?q=${tag}&sort=ward&format=csv`));
    expect(
      (await csv.text()).split('\n').filter((l) => l.startsWith(`Phường `) && l.includes(tag)),
    ).toHaveLength(3);
    for (const bad of ['status=RECOGNISED', 'year=1999', 'format=pdf', ''])
      expect((await GET(new Request(`http://t/api/review/export?q=${tag}&${bad}`))).status).toBe(
        400,
      );
  });

  it('one step on several dossiers: each moved as on its sheet; one refused is named with why', async () => {
    const { officer, assessments } = await dossiers(['Alpha', 'Beta'], 'SUBMITTED');
    const { assessments: drafts } = await dossiers(['Gamma'], 'DRAFT');
    const stranger = (await dossiers(['Ngoài tỉnh'], 'SUBMITTED')).assessments[0]!;
    await db().assessment.update({
      where: { id: stranger.id },
      data: { unit: { update: { province: { connect: { id: await provinceIdOf('40') } } } } },
    });
    await actAs(officer.email);
    const send = (ids: number[]) => {
      const f = form({ name: 'propose' });
      for (const id of ids) f.append('assessmentId', String(id));
      return bulkTransitionAction(idle, f);
    };
    // Nothing chosen: refused, nothing changes.
    const before = await checksums();
    expect((await send([])).fieldErrors?.assessmentIds?.[0]).toBe('Chọn ít nhất một hồ sơ.');
    expect(await checksums()).toEqual(before);

    const outcome = await send([...assessments.map((a) => a.id), drafts[0]!.id, stranger.id]);
    expect(outcome.status).toBe('error');
    expect(outcome.message).toMatch(/^Đã chuyển 2\/4 hồ sơ\. Không chuyển được: /);
    expect(outcome.message).toMatch(/Phường Gamma Zq\w+: Bước này không thực hiện được/);
    // Another province's dossier is "not found", and not named.
    expect(outcome.message).toMatch(new RegExp(`#${stranger.id}: Không tìm thấy hồ sơ`));
    expect(outcome.message).not.toContain('Ngoài tỉnh');
    const statuses = await db().assessment.findMany({
      where: { id: { in: [...assessments.map((a) => a.id), drafts[0]!.id, stranger.id] } },
      orderBy: { id: 'asc' },
      select: { status: true },
    });
    expect(statuses.map((s) => s.status)).toEqual(['PROPOSED', 'PROPOSED', 'DRAFT', 'SUBMITTED']);
    // Each step is in the history and the audit trail, as on the sheet.
    expect(
      await db().auditEvent.count({
        where: {
          action: 'assessment.propose',
          entityId: { in: assessments.map((a) => String(a.id)) },
        },
      }),
    ).toBe(2);

    const all = await send(
      (await dossiers(['Delta', 'Epsilon'], 'SUBMITTED')).assessments.map((a) => a.id),
    );
    expect(all).toMatchObject({ status: 'success', message: 'Đã đề nghị Bộ công nhận 2 hồ sơ.' });
  });
});

async function scopeOf(email: string) {
  const { getSessionUser } = await import('@/lib/data/accounts/session-user');
  const user = await db().user.findUniqueOrThrow({ where: { email } });
  return (await getSessionUser(user.id))!;
}

async function provinceIdOf(code: string) {
  return (await db().province.findFirstOrThrow({ where: { code, validTo: null } })).id;
}
