import { describe, expect, it } from 'vitest';
import { byName, nameCollator } from '@/lib/domain/collation';

describe('Vietnamese name order', () => {
  it('puts Đ right after D, tones after their base letter, and numbers by value', () => {
    const names = [
      'Tân Phú',
      'Đông Hải',
      'Dương Nội',
      'An Khánh',
      'Ánh Sáng',
      'Phường 10',
      'Phường 2',
    ];
    expect([...names].sort(nameCollator.compare)).toEqual([
      'An Khánh',
      'Ánh Sáng',
      'Dương Nội',
      'Đông Hải',
      'Phường 2',
      'Phường 10',
      'Tân Phú',
    ]);
  });

  it('sorts records by a name, where byte order would put Đ after T', () => {
    const rows = [{ n: 'Tân Phú' }, { n: 'Đông Hải' }];
    expect([...rows].sort((a, b) => (a.n < b.n ? -1 : 1)).map((r) => r.n)).toEqual([
      'Tân Phú',
      'Đông Hải',
    ]);
    expect([...rows].sort(byName((r) => r.n)).map((r) => r.n)).toEqual(['Đông Hải', 'Tân Phú']);
  });
});
