/**
 * The rings of an SVG path as d3-geo writes it (absolute M, L and Z only), for drawing tools that
 * take points rather than path text (PowerPoint's custom shapes).
 */
export function pathRings(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  for (const [, command, args] of d.matchAll(/([MLZ])([^MLZ]*)/g)) {
    if (command === 'Z') {
      if (ring.length) rings.push(ring);
      ring = [];
      continue;
    }
    const [x, y] = args!.split(',').map(Number);
    if (command === 'M' && ring.length) {
      rings.push(ring);
      ring = [];
    }
    ring.push([x!, y!]);
  }
  if (ring.length) rings.push(ring);
  return rings;
}
