import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/server/db';
import { announceProvinceAlerts } from '@/lib/data/notifications/alerts';
import { deliverOutbox } from '@/lib/data/notifications/outbox';
import { refreshProgressForUnits } from '@/lib/data/progress/summary';
import type { OutgoingMail } from '@/lib/mail/transport';
import { makeUser, provinceId, registeredWard, seedReference } from '@/tests/support/factories';

/**
 * Alerts on provinces: a verdict that changes and a milestone missed reach the province's staff,
 * the Ministry and leaders who follow it, once each, however often the sweep runs and on how many
 * instances; never another province's staff or a ward.
 */

beforeAll(seedReference);
afterEach(() => {
  delete process.env.SMTP_URL;
});

// In the middle of 2026: the 2025 milestone is over, 2026's is still to come.
const NOW = new Date('2026-06-15T03:00:00Z');
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

const lines = (userId: number, kind: 'PROVINCE_STATUS' | 'MILESTONE_MISSED') =>
  db().notification.findMany({ where: { userId, kind }, orderBy: { id: 'asc' } });

describe('alerts on provinces', () => {
  it('tells a missed milestone and a change of verdict once, to those who follow the province', async () => {
    const thanhHoa = await makeUser('PROVINCE', { provinceCode: '38' });
    const ngheAn = await makeUser('PROVINCE', { provinceCode: '40' });
    const inspector = await makeUser('MINISTRY');
    const leader = await makeUser('VIEWER', { provinceCode: '38' });
    const otherLeader = await makeUser('VIEWER', { provinceCode: '40' });
    const nationalLeader = await makeUser('VIEWER');
    const { unit, assessment } = await registeredWard({ provinceCode: '38', status: 'RECOGNISED' });
    const wardUser = await makeUser('WARD', { unitId: unit.id });
    process.env.SMTP_URL = 'smtp://127.0.0.1:2525';
    await db().user.update({ where: { id: inspector.id }, data: { emailMode: 'IMMEDIATE' } });

    // Thanh Hoá had set itself 40% for 2025, and recognised none then.
    const thanhHoaId = await provinceId('38');
    await db().target.create({
      data: { provinceId: thanhHoaId, year: 2025, kind: 'PERCENT', value: 40 },
    });
    // The first sweep: the 2025 milestones missed are told; a verdict is only seen, not told.
    expect(await announceProvinceAlerts(NOW)).toMatchObject({ changes: 0 });
    const missed = await lines(thanhHoa.id, 'MILESTONE_MISSED');
    expect(missed).toHaveLength(1);
    expect(missed[0]!.params).toMatchObject({
      province: 'Thanh Hoá',
      year: 2025,
      target: 0.4,
      share: 0,
      href: '/provinces/38?year=2025',
    });
    // Nghệ An has no 2025 milestone of its own (the nation's is 2030): nothing to tell it.
    expect(await lines(ngheAn.id, 'MILESTONE_MISSED')).toHaveLength(0);
    // The Ministry and national leaders hear of every province that missed one.
    const missedBy = await db().target.findMany({
      where: { year: 2025, provinceId: { not: null } },
      select: { provinceId: true },
    });
    expect(missedBy.length).toBeGreaterThan(1);
    expect(await lines(inspector.id, 'MILESTONE_MISSED')).toHaveLength(missedBy.length);
    expect(await lines(nationalLeader.id, 'MILESTONE_MISSED')).toHaveLength(missedBy.length);
    expect(await lines(leader.id, 'MILESTONE_MISSED')).toHaveLength(1);
    for (const user of [otherLeader, wardUser])
      expect(await lines(user.id, 'MILESTONE_MISSED'), user.email).toHaveLength(0);
    // Again, later: nothing new.
    expect(await announceProvinceAlerts(later(1))).toEqual({ changes: 0, missed: 0 });
    expect(await lines(thanhHoa.id, 'MILESTONE_MISSED')).toHaveLength(1);

    // Thanh Hoá sets itself one ward for 2026 and has it recognised: its verdict changes.
    const before = await db().provinceVerdict.findFirstOrThrow({
      where: { provinceId: thanhHoaId, year: 2026 },
    });
    expect(before.status).not.toBe('achieved');
    await db().target.create({
      data: { provinceId: thanhHoaId, year: 2026, kind: 'COUNT', value: 1 },
    });
    await db().recognitionDecision.create({
      data: {
        assessmentId: assessment.id,
        number: '12/QĐ-BCA',
        decidedOn: new Date('2026-06-01'),
        year: 2026,
      },
    });
    await db().$transaction((tx) => refreshProgressForUnits(tx, [unit.id]));

    // Two instances sweep at once: the change is told once.
    const [a, b] = await Promise.all([
      announceProvinceAlerts(later(2)),
      announceProvinceAlerts(later(2)),
    ]);
    expect(a.changes + b.changes).toBeGreaterThan(0);
    for (const user of [thanhHoa, inspector, leader, nationalLeader]) {
      const told = await lines(user.id, 'PROVINCE_STATUS');
      expect(told, user.email).toHaveLength(1);
      expect(told[0]!.params).toMatchObject({
        province: 'Thanh Hoá',
        year: 2026,
        previous: before.status,
        status: 'achieved',
      });
    }
    for (const user of [ngheAn, otherLeader, wardUser])
      expect(await lines(user.id, 'PROVINCE_STATUS'), user.email).toHaveLength(0);
    expect(await announceProvinceAlerts(later(3))).toEqual({ changes: 0, missed: 0 });
    expect(await lines(thanhHoa.id, 'PROVINCE_STATUS')).toHaveLength(1);

    // The inspector asked for e-mail at once: one mail per alert, worded when sent.
    const sent: OutgoingMail[] = [];
    await deliverOutbox(async (mail) => {
      sent.push(mail);
    });
    const mine = sent.filter((m) => m.recipient === inspector.email);
    expect(mine).toHaveLength(missedBy.length + 1);
    expect(mine.map((m) => m.body).join('\n')).toContain('Thanh Hoá (2026): tiến độ chuyển từ');
  });
});
