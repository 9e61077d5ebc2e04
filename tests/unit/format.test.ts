import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatExact,
  formatNumber,
  formatPercent,
  formatSigned,
} from '@/lib/i18n/format';

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

  it('keeps each kind of figure in its own format when a page mixes them', () => {
    // Formatters are kept between calls: each digits and kind must find its own, in any order.
    expect(formatNumber(1234.56, 'vi', 1)).toBe('1.234,6');
    expect(formatNumber(1234.56, 'vi')).toBe('1.235');
    expect(formatPercent(0.405, 'en', 0)).toBe('41%');
    expect(formatPercent(0.405, 'en')).toBe('40.5%');
    expect(formatSigned(3, 'vi')).toBe('+3');
    expect(formatSigned(-1.5, 'en')).toMatch(/^[-\u2212]1\.5$/);
    expect(formatSigned(-1.5, 'vi')).toMatch(/^[-\u2212]1,5$/);
    expect(formatSigned(0, 'en')).toBe('0');
    expect(formatExact(1234.5678, 'vi')).toBe('1.234,5678');
    expect(formatExact(1234.5678, 'en')).toBe('1,234.5678');
    expect(formatNumber(1234.5678, 'en', 2)).toBe('1,234.57');
  });
});
