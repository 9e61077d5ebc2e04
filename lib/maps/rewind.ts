import type { Geometry, Position } from 'geojson';

/** Twice the signed area of a ring in longitude/latitude (positive: counter-clockwise). */
function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  return sum;
}

/**
 * Winds polygons as d3-geo reads them: outer rings clockwise, holes counter-clockwise. GeoJSON
 * files (RFC 7946) wind the other way, which d3 reads as "the whole globe except this shape".
 */
export function rewindForD3<G extends Geometry>(geometry: G): G {
  const polygon = (rings: Position[][]) =>
    rings.map((ring, i) => {
      const ccw = signedArea(ring) > 0;
      return (i === 0) === ccw ? [...ring].reverse() : ring;
    });
  if (geometry.type === 'Polygon')
    return { ...geometry, coordinates: polygon(geometry.coordinates) };
  if (geometry.type === 'MultiPolygon')
    return { ...geometry, coordinates: geometry.coordinates.map(polygon) };
  return geometry;
}
