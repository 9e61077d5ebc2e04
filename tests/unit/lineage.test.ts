import { describe, expect, it } from 'vitest';
import { designateSuccessor } from '@/lib/domain/lineage';
import {
  isInForce,
  isWardInYear,
  typeOn,
  unitFullName,
  unitPath,
  type TypeChange,
} from '@/lib/domain/units';

const ward = (code: string, name: string) => ({ code, name, type: 'PHUONG' as const });
const commune = (code: string, name: string) => ({ code, name, type: 'XA' as const });

describe('designateSuccessor: where a split former unit counts', () => {
  it('An Hưng (16435) went to Hạc Thành (14797) and Đông Quang (16417): the nearest code, Đông Quang, to be confirmed', () => {
    const pick = designateSuccessor(ward('16435', 'An Hưng'), [
      ward('14797', 'Hạc Thành'),
      ward('16417', 'Đông Quang'),
    ]);
    expect(pick).toEqual({ successor: ward('16417', 'Đông Quang'), basis: 'NEAREST_CODE' });
  });

  it('a single successor is the designated one', () => {
    expect(designateSuccessor(ward('01840', 'Đức Xuân'), [ward('01840', 'Đức Xuân')])?.basis).toBe(
      'SOLE',
    );
  });

  it('the successor that kept the code wins over name and distance', () => {
    const pick = designateSuccessor(ward('00025', 'Ngọc Khánh'), [
      ward('00008', 'Ngọc Khánh'),
      ward('00025', 'Giảng Võ'),
      ward('00026', 'Láng'),
    ]);
    expect(pick).toMatchObject({ successor: { code: '00025' }, basis: 'CODE' });
  });

  it('then the one that kept the name, whatever its tone-mark placement', () => {
    const pick = designateSuccessor(ward('00016', 'Ngọc Hà'), [
      ward('00004', 'Ba Đình'),
      ward('00008', 'Ngọc Hà'),
    ]);
    expect(pick).toMatchObject({ successor: { code: '00008' }, basis: 'NAME' });
    expect(
      designateSuccessor(ward('07000', 'Thanh Hoá'), [
        ward('07001', 'X'),
        ward('07999', 'Thanh Hóa'),
      ])?.basis,
    ).toBe('NAME');
  });

  it('prefers a successor of its own kind: a phường goes to a phường even when a xã is nearer', () => {
    const pick = designateSuccessor(ward('20000', 'A'), [
      commune('20001', 'B'),
      ward('20100', 'C'),
    ]);
    expect(pick).toMatchObject({ successor: { code: '20100' }, basis: 'NEAREST_CODE' });
  });

  it('breaks a tie in distance by the lower code', () => {
    const pick = designateSuccessor(ward('20050', 'A'), [ward('20060', 'B'), ward('20040', 'C')]);
    expect(pick?.successor.code).toBe('20040');
  });

  it('has nothing to designate without successors', () => {
    expect(designateSuccessor(ward('20050', 'A'), [])).toBeNull();
  });
});

describe('units over time', () => {
  const dongNai: TypeChange[] = [{ effectiveDate: '2026-04-30', fromType: 'XA', toType: 'PHUONG' }];

  it('a xã of Đồng Nai that became a phường on 30/4/2026 was a xã before that day', () => {
    expect(typeOn('PHUONG', dongNai, '2025-12-31')).toBe('XA');
    expect(typeOn('PHUONG', dongNai, '2026-04-29')).toBe('XA');
    expect(typeOn('PHUONG', dongNai, '2026-04-30')).toBe('PHUONG');
    expect(typeOn('PHUONG', [], '2020-01-01')).toBe('PHUONG');
  });

  it('counts it as a ward from the programme year 2026 on', () => {
    const unit = { type: 'PHUONG' as const, validFrom: '2025-07-01', typeChanges: dongNai };
    expect([2023, 2025, 2026, 2027].map((y) => isWardInYear(unit, y))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('judges a unit of today created after a year by its type when it came into force', () => {
    const unit = { type: 'PHUONG' as const, validFrom: '2025-07-01', typeChanges: [] };
    expect(isWardInYear(unit, 2023)).toBe(true);
  });

  it('knows which units are in force on a day', () => {
    const former = { validFrom: null, validTo: '2025-06-30' };
    expect(isInForce(former, '2025-06-30')).toBe(true);
    expect(isInForce(former, '2025-07-01')).toBe(false);
  });

  it('names units with their type word once', () => {
    expect(unitFullName('PHUONG', 'Phường Ba Đình')).toBe('Phường Ba Đình');
    expect(unitFullName('THI_TRAN', 'Lam Sơn')).toBe('Thị trấn Lam Sơn');
  });

  it('addresses a former unit with the day it ended, since codes are reused', () => {
    expect(unitPath({ code: '00004', validTo: null })).toBe('/wards/00004');
    expect(unitPath({ code: '16435', validTo: new Date('2025-06-30T00:00:00Z') }, 2023)).toBe(
      '/wards/16435/2023?on=2025-06-30',
    );
  });
});
