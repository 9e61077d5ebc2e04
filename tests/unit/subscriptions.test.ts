import { describe, expect, it } from 'vitest';
import { dueIssue, latestIssue, nextIssueAt } from '@/lib/domain/subscriptions';

/** An instant given in Vietnam's time (UTC+7). */
const vn = (text: string) => new Date(`${text}+07:00`);

describe('pack issues', () => {
  it('weekly: Monday 07:00 in Vietnam, reporting the week just ended', () => {
    // Thursday 3 December 2026: the issue was Monday 30 November.
    expect(latestIssue('WEEKLY', vn('2026-12-03T10:00:00'))).toEqual({
      key: 'week:2026-11-30',
      at: vn('2026-11-30T07:00:00'),
      year: 2026,
    });
    // Monday before seven: still last Monday's issue; at seven, today's.
    expect(latestIssue('WEEKLY', vn('2026-12-07T06:59:00'))?.key).toBe('week:2026-11-30');
    expect(latestIssue('WEEKLY', vn('2026-12-07T07:00:00'))?.key).toBe('week:2026-12-07');
    // Monday 4 January 2027 closes a week of 2026 and 2027: the pack reports the day before.
    expect(latestIssue('WEEKLY', vn('2027-01-04T08:00:00'))?.year).toBe(2027);
    expect(latestIssue('WEEKLY', vn('2027-01-05T08:00:00'))?.key).toBe('week:2027-01-04');
  });

  it('monthly: the 1st at 07:00, reporting the month just ended (December on 1 January)', () => {
    expect(latestIssue('MONTHLY', vn('2026-12-04T12:00:00'))).toEqual({
      key: 'month:2026-12',
      at: vn('2026-12-01T07:00:00'),
      year: 2026,
    });
    expect(latestIssue('MONTHLY', vn('2027-01-01T06:00:00'))?.key).toBe('month:2026-12');
    expect(latestIssue('MONTHLY', vn('2027-01-01T07:00:00'))).toMatchObject({
      key: 'month:2027-01',
      year: 2026,
    });
  });

  it('milestone: 1 January after the latest closed milestone year of the scope', () => {
    const years = [2025, 2029, 2030];
    expect(latestIssue('MILESTONE', vn('2026-12-04T12:00:00'), years)).toEqual({
      key: 'milestone:2025',
      at: vn('2026-01-01T07:00:00'),
      year: 2025,
    });
    expect(latestIssue('MILESTONE', vn('2030-01-01T07:00:00'), years)?.year).toBe(2029);
    expect(latestIssue('MILESTONE', vn('2026-12-04T12:00:00'), [2030])).toBeNull();
  });

  it('sends an issue once, never one from before the subscription, only the latest', () => {
    const sub = {
      cadence: 'WEEKLY' as const,
      createdAt: vn('2026-12-02T09:00:00'),
      lastIssue: null,
    };
    // Subscribed on a Wednesday: last Monday's issue is not sent; next Monday's is.
    expect(dueIssue(sub, vn('2026-12-03T09:00:00'))).toBeNull();
    const next = dueIssue(sub, vn('2026-12-07T07:30:00'));
    expect(next?.key).toBe('week:2026-12-07');
    expect(dueIssue({ ...sub, lastIssue: next!.key }, vn('2026-12-08T07:30:00'))).toBeNull();
    // Three weeks without a sweep: one pack, the latest.
    expect(dueIssue({ ...sub, lastIssue: next!.key }, vn('2026-12-29T07:30:00'))?.key).toBe(
      'week:2026-12-28',
    );
    // A milestone subscription begun after 2025 closed waits for 2029's close.
    const milestone = { ...sub, cadence: 'MILESTONE' as const };
    expect(dueIssue(milestone, vn('2027-06-01T00:00:00'), [2025, 2029])).toBeNull();
    expect(dueIssue(milestone, vn('2030-01-01T08:00:00'), [2025, 2029])?.year).toBe(2029);
  });

  it('tells when the next issue goes out', () => {
    const now = vn('2026-12-04T12:00:00');
    expect(nextIssueAt('WEEKLY', now)).toEqual(vn('2026-12-07T07:00:00'));
    expect(nextIssueAt('MONTHLY', now)).toEqual(vn('2027-01-01T07:00:00'));
    expect(nextIssueAt('MILESTONE', now, [2025, 2029])).toEqual(vn('2030-01-01T07:00:00'));
    expect(nextIssueAt('MILESTONE', now, [2025])).toBeNull();
  });
});
