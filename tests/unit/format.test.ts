import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/i18n/format';

describe('formatting', () => {
  it('uses Vietnamese conventions on Vietnamese pages', () => {
    expect(formatNumber(3321, 'vi')).toBe('3.321');
    expect(formatNumber(1234.56, 'vi', 1)).toBe('1.234,6');
    expect(formatPercent(0.405, 'vi')).toMatch(/^40,5\s?%$/);
  });

  it('uses English conventions on English pages', () => {
    expect(formatNumber(3321, 'en')).toBe('3,321');
    expect(formatPercent(0.405, 'en')).toBe('40.5%');
  });

  it('writes dates day first in Vietnam time, whatever the server zone', () => {
    // 17:30 UTC on 21/11 is 00:30 on 22/11 in Hà Nội.
    const d = new Date('2026-11-21T17:30:00Z');
    expect(formatDate(d, 'vi')).toBe('22/11/2026');
    expect(formatDate(d, 'en')).toBe('22/11/2026');
    expect(formatDateTime(d, 'vi')).toContain('00:30');
  });
});
