import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFigure, writeFigure, type NumberLocale } from '@/lib/domain/figures';

const locales: NumberLocale[] = ['vi', 'en'];
const read = (text: string, locale: NumberLocale) => readFigure(text, locale);
const value = (text: string, locale: NumberLocale) => {
  const r = read(text, locale);
  return r.ok ? r.value : r.problem;
};

/** Figures as they are kept: counts, percentages and changes with up to 6 decimals. */
const figure = fc
  .tuple(fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }), fc.integer({ min: 0, max: 6 }))
  .chain(([whole, places]) =>
    fc
      .integer({ min: 0, max: 10 ** places - 1 })
      .map((frac) =>
        Number(
          `${whole < 0 ? '-' : ''}${Math.abs(whole)}.${String(frac).padStart(places, '0') || '0'}`,
        ),
      ),
  );

describe('figures read the way the user’s language writes them', () => {
  it('reads Vietnamese: a point between thousands, a comma before decimals', () => {
    expect(value('1.000', 'vi')).toBe(1000);
    expect(value('12.500', 'vi')).toBe(12500);
    expect(value('1.234.567', 'vi')).toBe(1234567);
    expect(value('3,5', 'vi')).toBe(3.5);
    expect(value('1.234,5', 'vi')).toBe(1234.5);
    expect(value('1 000', 'vi')).toBe(1000);
    expect(value('1\u00a0000,25', 'vi')).toBe(1000.25);
    expect(value('0,125', 'vi')).toBe(0.125);
    expect(value('-3', 'vi')).toBe(-3);
    expect(value(' 97,5 ', 'vi')).toBe(97.5);
  });

  it('reads English the other way round', () => {
    expect(value('1,000', 'en')).toBe(1000);
    expect(value('12,500', 'en')).toBe(12500);
    expect(value('3.5', 'en')).toBe(3.5);
    expect(value('1,234.5', 'en')).toBe(1234.5);
    expect(value('.5', 'en')).toBe(0.5);
  });

  it('treats empty as no figure', () => {
    for (const locale of locales) {
      expect(value('', locale)).toBeNull();
      expect(value('   ', locale)).toBeNull();
    }
  });

  it('refuses a figure written the other language’s way, suggesting the right one', () => {
    expect(read('97.5', 'vi')).toEqual({
      ok: false,
      problem: 'otherConvention',
      values: { text: '97.5', suggestion: '97,5' },
    });
    expect(read('1,234.5', 'vi')).toMatchObject({ values: { suggestion: '1.234,5' } });
    expect(read('97,5', 'en')).toMatchObject({ values: { suggestion: '97.5' } });
    expect(read('1.234,5', 'en')).toMatchObject({ values: { suggestion: '1,234.5' } });
  });

  it('refuses what could be read two ways, offering both readings', () => {
    expect(read('1,000', 'vi')).toEqual({
      ok: false,
      problem: 'ambiguous',
      values: { text: '1,000', thousands: '1.000', decimal: '1' },
    });
    expect(read('12,500', 'vi')).toMatchObject({
      problem: 'ambiguous',
      values: { thousands: '12.500', decimal: '12,5' },
    });
    expect(read('1.000', 'en')).toMatchObject({
      problem: 'ambiguous',
      values: { thousands: '1,000', decimal: '1' },
    });
  });

  it('refuses what is not a figure', () => {
    for (const locale of locales)
      for (const bad of ['12a', '1e3', 'NaN', '--1', '1.5.3,2,1', '1..0', '9'.repeat(45), '+', ','])
        expect(value(bad, locale), `${bad} (${locale})`).toBe('notANumber');
  });

  it('never reads a Vietnamese thousand as a small number (the "1.000" saved as 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
        const typed = n.toLocaleString('vi-VN');
        expect(value(typed, 'vi')).toBe(n);
        const english = n.toLocaleString('en-GB');
        expect(value(english, 'en')).toBe(n);
        // The same thousand typed the other language's way is never read as something else.
        const r = read(english, 'vi');
        expect(r.ok && r.value !== n).toBe(false);
      }),
    );
  });
});

describe('figures written back read back the same', () => {
  it('round-trips every kept figure in both languages', () => {
    fc.assert(
      fc.property(figure, fc.constantFrom(...locales), (n, locale) => {
        const text = writeFigure(n, locale);
        expect(value(text, locale)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });

  it('writes thousands grouped, decimals the language’s way', () => {
    expect(writeFigure(3450, 'vi')).toBe('3.450');
    expect(writeFigure(3450, 'en')).toBe('3,450');
    expect(writeFigure(97.5, 'vi')).toBe('97,5');
    expect(writeFigure(null, 'vi')).toBe('');
  });

  it('writes the one two-way shape with a fourth decimal, so it is read back, not questioned', () => {
    expect(writeFigure(1.125, 'vi')).toBe('1,1250');
    expect(writeFigure(1.125, 'en')).toBe('1.1250');
    expect(value('1,1250', 'vi')).toBe(1.125);
  });

  it('never accepts one text with two meanings: when both languages read it, they agree', () => {
    const typed = fc.stringMatching(/^-?[0-9]{1,7}([., ][0-9]{1,4}){0,3}$/);
    fc.assert(
      fc.property(typed, (text) => {
        const vi = read(text, 'vi');
        const en = read(text, 'en');
        if (vi.ok && en.ok) expect(vi.value, text).toBe(en.value);
      }),
      { numRuns: 5000 },
    );
  });
});
