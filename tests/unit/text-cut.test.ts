import { describe, expect, it } from 'vitest';
import { cutText } from '@/lib/domain/text-cut';

describe('cutting a person’s text', () => {
  it('never parts a letter from its accent, nor splits an emoji', () => {
    // "Phường Hạ" with "ạ" typed decomposed (a + dot below), then an emoji: 2 UTF-16 units.
    const decomposed = 'Phường Hạ'.normalize('NFD') + 'c Thành';
    const cut = cutText(decomposed, 9);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.normalize('NFC')).toBe('Phường H…');
    expect(cutText('Tốt 👍👍👍👍', 6)).toBe('Tốt 👍…');
    expect(cutText('Tốt 👍👍👍👍', 6)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('keeps a text that fits, and counts the ending in the limit', () => {
    expect(cutText('Biên bản', 8)).toBe('Biên bản');
    expect(cutText('Biên bản họp', 8)).toHaveLength(8);
    expect(cutText('Biên bản họp', 8, '')).toBe('Biên bản');
  });

  it('cuts a built "endless character" short as well', () => {
    const endless = 'a' + '\u0301'.repeat(100_000);
    expect(cutText(endless, 120).length).toBeLessThanOrEqual(120 * 4 + 1);
  });
});
