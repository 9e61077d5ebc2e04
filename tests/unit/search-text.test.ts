import { describe, expect, it } from 'vitest';
import { foldForSearch } from '@/lib/domain/search-text';

describe('foldForSearch', () => {
  it('treats both tone-mark placements and unaccented text as the same name', () => {
    // "Hóa" puts the tone on o, "Hoá" on a: both must fold to the same key.
    expect(foldForSearch('Thanh Hóa')).toBe('thanh hoa');
    expect(foldForSearch('Thanh Hoá')).toBe('thanh hoa');
    expect(foldForSearch('thanh hoa')).toBe('thanh hoa');
    expect(foldForSearch('Khánh Hoà')).toBe(foldForSearch('Khánh Hòa'));
  });

  it('folds đ to d and precomposed or decomposed input alike', () => {
    expect(foldForSearch('Đà Nẵng')).toBe('da nang');
    expect(foldForSearch('Đắk Lắk'.normalize('NFD'))).toBe('dak lak');
  });

  it('collapses spaces and ignores case', () => {
    expect(foldForSearch('  TP   Hồ  Chí Minh ')).toBe('tp ho chi minh');
  });
});
