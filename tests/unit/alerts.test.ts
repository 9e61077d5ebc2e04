import { describe, expect, it } from 'vitest';
import { missedToTell, readStatus, verdictChange } from '@/lib/domain/alerts';
import { milestoneResults } from '@/lib/domain/progress';
import { notificationText } from '@/lib/i18n/notification-text';
import { readNotificationParams } from '@/lib/validations/notifications';

/** When a province is worth an alert, and how the alert reads. */
describe('province alerts', () => {
  it('tells a change of verdict, never the first verdict of a year', () => {
    expect(verdictChange(null, 'on_track')).toBeNull();
    expect(verdictChange('on_track', 'on_track')).toBeNull();
    expect(verdictChange('on_track', 'off_track')).toEqual({
      previous: 'on_track',
      status: 'off_track',
    });
  });

  it('reads back only the statuses there are', () => {
    expect(readStatus('needs_acceleration')).toBe('needs_acceleration');
    expect(readStatus('ON_TRACK')).toBeNull();
    expect(readStatus(undefined)).toBeNull();
  });

  it('tells a missed milestone from the day its year is over, for a year', () => {
    const series = [
      { year: 2025, share: 0.3 },
      { year: 2026, share: 0.45 },
    ];
    const milestones = [
      { year: 2025, share: 0.4 },
      { year: 2026, share: 0.5 },
    ];
    // 2026 still running: the 2025 milestone is missed and told; 2026's is open, not told.
    const during = milestoneResults(series, milestones, 2026, 0.5);
    expect(missedToTell(during, 2026).map((m) => m.year)).toEqual([2025]);
    // 2026 over: both missed; in 2027 only 2026's is within a year; in 2028 neither.
    const after = milestoneResults(series, milestones, 2026, 0);
    expect(after.map((m) => m.outcome)).toEqual(['missed', 'missed']);
    expect(missedToTell(after, 2027).map((m) => m.year)).toEqual([2026]);
    expect(missedToTell(after, 2028).map((m) => m.year)).toEqual([]);
    const met = milestoneResults([{ year: 2025, share: 0.4 }], [milestones[0]!], 2026, 0.5);
    expect(missedToTell(met, 2026)).toEqual([]);
  });

  it('reads as a sentence in both languages, with the verdicts and shares worded', () => {
    const change = {
      href: '/provinces/38?year=2026',
      year: 2026,
      province: 'Thanh Hoá',
      previous: 'on_track' as const,
      status: 'needs_acceleration' as const,
    };
    expect(notificationText('vi', 'PROVINCE_STATUS', change)).toBe(
      'Thanh Hoá (2026): tiến độ chuyển từ “Đúng tiến độ” sang “Cần tăng tốc”',
    );
    expect(notificationText('en', 'PROVINCE_STATUS', change)).toMatch(
      /^Thanh Hoá \(2026\): progress moved from “.+” to “.+”$/,
    );
    const missed = {
      href: '/provinces/38?year=2025',
      year: 2025,
      province: 'Thanh Hoá',
      target: 0.4,
      share: 0.125,
    };
    expect(notificationText('vi', 'MILESTONE_MISSED', missed)).toBe(
      'Thanh Hoá không đạt mốc năm 2025: đạt 12,5%, mục tiêu 40%',
    );
    expect(notificationText('en', 'MILESTONE_MISSED', missed)).toBe(
      'Thanh Hoá missed the 2025 milestone: 12.5% against a target of 40%',
    );
  });

  it('refuses a stored alert whose verdict or share is not one', () => {
    const base = { href: '/provinces/38', year: 2026, province: 'X' };
    expect(readNotificationParams({ ...base, status: 'on_track' })).not.toBeNull();
    expect(readNotificationParams({ ...base, status: 'great' })).toBeNull();
    expect(readNotificationParams({ ...base, share: 4 })).toBeNull();
  });
});
