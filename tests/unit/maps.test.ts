import { geoArea } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { wardCategory } from '@/lib/domain/maps';
import { rewindForD3 } from '@/lib/maps/rewind';

describe('map categories', () => {
  const row = { status: 'SUBMITTED', met: 22, total: 22, recognisedSince: null };
  it('reads a ward the way the ward table does', () => {
    expect(wardCategory({ ...row, recognisedSince: 2025 })).toBe('recognised');
    expect(wardCategory(row)).toBe('attained');
    expect(wardCategory({ ...row, met: 20 })).toBe('short');
    expect(wardCategory({ ...row, met: 19 })).toBe('registered');
    expect(wardCategory({ ...row, status: null, met: 0 })).toBe('notRegistered');
    expect(wardCategory({ ...row, status: 'CANCELLED' })).toBe('notRegistered');
  });
});

describe('winding for d3-geo', () => {
  // A 1° square near Hà Nội, counter-clockwise as GeoJSON files write it.
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [105, 21],
        [106, 21],
        [106, 22],
        [105, 22],
        [105, 21],
      ],
    ],
  };
  it('turns a GeoJSON ring into the small shape d3 expects, not the rest of the globe', () => {
    // As written, d3 reads nearly the whole sphere (4π steradians).
    expect(geoArea(square)).toBeGreaterThan(12);
    const wound = rewindForD3(square);
    expect(geoArea(wound)).toBeLessThan(0.001);
    // Winding again changes nothing.
    expect(rewindForD3(wound)).toEqual(wound);
  });
});
