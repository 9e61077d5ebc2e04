import { geoArea, geoBounds, geoMercator, geoPath } from 'd3-geo';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';

/**
 * Where a map's shapes go on the page. Far islands (Hoàng Sa and Trường Sa off the national
 * coast, Côn Đảo off Hồ Chí Minh City) would shrink the mainland to a thumbnail if drawn where
 * they lie: they go in insets, framed boxes down the right side, so the mainland fills the frame.
 * Names are placed on the shapes wide enough to carry them; the others get a number, with a key.
 */

export interface InsetFrame {
  x: number;
  y: number;
  width: number;
  height: number;
  label: string;
}

export interface ShapeLabel {
  code: string;
  x: number;
  y: number;
  /** The unit's name, written on the map; or its number in the key, when the name does not fit. */
  text: string;
  numbered: boolean;
}

export interface LaidOutShape {
  code: string;
  name: string;
  d: string;
}

export interface MapLayout {
  width: number;
  height: number;
  shapes: LaidOutShape[];
  insets: InsetFrame[];
  labels: ShapeLabel[];
  /** The numbered names, in number order: the key under the map. */
  key: { number: number; name: string }[];
}

type Props = { code: string; name: string };

interface Piece {
  feature: number;
  polygon: Position[][];
  area: number;
  bounds: [[number, number], [number, number]];
}

const INSET_WIDTH = 130;

/** A unit's name without its kind ("Tỉnh Nghệ An" → "Nghệ An"): the map's legend says the kind. */
const shortName = (name: string) =>
  name.replace(/^(Tỉnh|Thành phố|Phường|Xã|Đặc khu|Thị trấn)\s+/u, '');
const GAP = 8;

function polygonsOf(geometry: Geometry): Position[][][] {
  if (geometry.type === 'Polygon') return [(geometry as Polygon).coordinates];
  if (geometry.type === 'MultiPolygon') return (geometry as MultiPolygon).coordinates;
  return [];
}

const overlaps = (
  a: [[number, number], [number, number]],
  b: [[number, number], [number, number]],
  margin: number,
) =>
  a[0][0] - margin <= b[1][0] &&
  b[0][0] <= a[1][0] + margin &&
  a[0][1] - margin <= b[1][1] &&
  b[0][1] <= a[1][1] + margin;

const union = (
  a: [[number, number], [number, number]],
  b: [[number, number], [number, number]],
): [[number, number], [number, number]] => [
  [Math.min(a[0][0], b[0][0]), Math.min(a[0][1], b[0][1])],
  [Math.max(a[1][0], b[1][0]), Math.max(a[1][1], b[1][1])],
];

/**
 * Groups pieces that lie near each other, largest first: within `reach` times the group's own
 * size, or within `fixed` degrees.
 */
function clusters(pieces: Piece[], reach: number, fixed = 0.05): Piece[][] {
  const left = [...pieces].sort((a, b) => b.area - a.area);
  const out: Piece[][] = [];
  while (left.length > 0) {
    const group = [left.shift()!];
    let box = group[0]!.bounds;
    for (let grew = true; grew;) {
      grew = false;
      const size = Math.max(box[1][0] - box[0][0], box[1][1] - box[0][1]);
      for (let i = left.length - 1; i >= 0; i -= 1)
        if (overlaps(box, left[i]!.bounds, Math.max(fixed, size * reach))) {
          box = union(box, left[i]!.bounds);
          group.push(...left.splice(i, 1));
          grew = true;
        }
    }
    out.push(group);
  }
  return out;
}

/** Far pieces of one unit belong in one inset (Côn Đảo and its outlying rocks). */
function mergeSharingUnits(groups: Piece[][]): Piece[][] {
  const out: Piece[][] = [];
  for (const group of groups) {
    const units = new Set(group.map((p) => p.feature));
    const into = out.find((g) => g.some((p) => units.has(p.feature)));
    if (into) into.push(...group);
    else out.push([...group]);
  }
  return out;
}

const collection = (pieces: Piece[]): FeatureCollection<MultiPolygon> => ({
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: {},
      geometry: { type: 'MultiPolygon', coordinates: pieces.map((p) => p.polygon) },
    },
  ],
});

/**
 * Projects `fc` to SVG paths `width` px wide: the main cluster (the largest land and whatever lies
 * near it) fills the frame, each far cluster (holding under a twentieth of the land) goes in an
 * inset; `insetName` names an inset from the names of the units it holds.
 */
export function layOut(
  fc: FeatureCollection<Geometry, Props>,
  width: number,
  insetName: (names: string[]) => string,
): MapLayout {
  const pieces: Piece[] = fc.features.flatMap((f, feature) =>
    polygonsOf(f.geometry).map((polygon) => {
      const geo: Feature<Polygon> = {
        type: 'Feature',
        properties: {},
        geometry: { type: 'Polygon', coordinates: polygon },
      };
      return { feature, polygon, area: geoArea(geo), bounds: geoBounds(geo) };
    }),
  );
  const total = pieces.reduce((s, p) => s + p.area, 0);
  if (pieces.length === 0) return { width, height: 0, shapes: [], insets: [], labels: [], key: [] };
  // The mainland: the largest land and what touches it; then what lies just off its coast.
  const [land = [], ...others] = clusters(pieces, 0, 0.02);
  const landBox = land.map((p) => p.bounds).reduce(union);
  const landSize = Math.max(landBox[1][0] - landBox[0][0], landBox[1][1] - landBox[0][1]);
  const offshore = others.flat();
  const near = offshore.filter((p) => overlaps(landBox, p.bounds, landSize * 0.03));
  const main = [...land, ...near];
  // What lies farther out, grouped into archipelagos; those with little land go in insets.
  const groups = mergeSharingUnits(
    clusters(
      offshore.filter((p) => !near.includes(p)),
      0,
      landSize * 0.15,
    ),
  );
  const far = groups
    .filter((g) => g.reduce((s, p) => s + p.area, 0) < total / 20)
    .slice(0, 3)
    // North first, as on the map.
    .sort(
      (a, b) =>
        Math.max(...b.map((p) => p.bounds[1][1])) - Math.max(...a.map((p) => p.bounds[1][1])),
    );
  const onMain = [...main, ...groups.filter((g) => !far.includes(g)).flat()];

  const mainWidth = far.length ? width - INSET_WIDTH - GAP : width;
  const projection = geoMercator().fitWidth(mainWidth, collection(onMain));
  const draw = geoPath(projection).digits(1);
  const [[, top], [, bottom]] = draw.bounds(collection(onMain));
  projection.translate([projection.translate()[0], projection.translate()[1] - top + 2]);
  const mainHeight = Math.ceil(bottom - top + 4);

  const paths = new Map<number, string[]>();
  const add = (feature: number, d: string | null) => {
    if (d) paths.set(feature, [...(paths.get(feature) ?? []), d]);
  };
  const labelSpots = new Map<
    number,
    { x: number; y: number; w: number; h: number; area: number }
  >();
  const place = (piece: Piece, drawer: ReturnType<typeof geoPath>) => {
    const geo = collection([piece]).features[0]!;
    const [[x0, y0], [x1, y1]] = drawer.bounds(geo);
    const [cx, cy] = drawer.centroid(geo);
    const spot = labelSpots.get(piece.feature);
    if (!spot || piece.area > spot.area)
      labelSpots.set(piece.feature, { x: cx, y: cy, w: x1 - x0, h: y1 - y0, area: piece.area });
  };
  for (const piece of onMain) {
    add(piece.feature, draw(collection([piece]).features[0]!));
    place(piece, draw);
  }

  // Insets down the right, each at least as tall as it is wide would need, in order of size.
  const insets: InsetFrame[] = [];
  let y = 2;
  for (const group of far) {
    const box: [[number, number], [number, number]] = [
      [mainWidth + GAP + 4, y + 16],
      [width - 4, y + 16 + INSET_WIDTH * 0.8],
    ];
    const inset = geoMercator().fitExtent(box, collection(group));
    const drawInset = geoPath(inset).digits(1);
    for (const piece of group) add(piece.feature, drawInset(collection([piece]).features[0]!));
    const names = [...new Set(group.map((p) => fc.features[p.feature]!.properties.name))];
    insets.push({
      x: mainWidth + GAP,
      y,
      width: INSET_WIDTH,
      height: INSET_WIDTH * 0.8 + 20,
      label: insetName(names),
    });
    y += INSET_WIDTH * 0.8 + 20 + GAP;
  }
  const height = Math.max(mainHeight, Math.ceil(y));

  // Names where they fit (about 5.2 px a letter at 9 px, and a line's height), numbers where a
  // number fits; largest units first, and never one label over another.
  const labels: ShapeLabel[] = [];
  const key: MapLayout['key'] = [];
  const taken: [number, number, number, number][] = [];
  const free = (x0: number, y0: number, x1: number, y1: number) =>
    !taken.some(([a, b, c, d]) => x0 < c && a < x1 && y0 < d && b < y1);
  const order = fc.features
    .map((f, i) => ({ f, spot: labelSpots.get(i) }))
    .filter((x): x is { f: (typeof fc.features)[number]; spot: NonNullable<typeof x.spot> } =>
      Boolean(x.spot),
    )
    .sort((a, b) => b.spot.w * b.spot.h - a.spot.w * a.spot.h);
  for (const { f, spot } of order) {
    const name = shortName(f.properties.name);
    const half = (name.length * 5.2) / 2;
    if (
      spot.w >= half * 2 + 4 &&
      spot.h >= 12 &&
      free(spot.x - half, spot.y - 6, spot.x + half, spot.y + 6)
    ) {
      taken.push([spot.x - half, spot.y - 6, spot.x + half, spot.y + 6]);
      labels.push({ code: f.properties.code, x: spot.x, y: spot.y, text: name, numbered: false });
      continue;
    }
    if (spot.w >= 12 && spot.h >= 10 && free(spot.x - 7, spot.y - 5, spot.x + 7, spot.y + 5)) {
      taken.push([spot.x - 7, spot.y - 5, spot.x + 7, spot.y + 5]);
      key.push({ number: key.length + 1, name });
      labels.push({
        code: f.properties.code,
        x: spot.x,
        y: spot.y,
        text: String(key.length),
        numbered: true,
      });
    }
  }

  return {
    width,
    height,
    shapes: fc.features.map((f, i) => ({
      code: f.properties.code,
      name: f.properties.name,
      d: (paths.get(i) ?? []).join(' '),
    })),
    insets,
    labels,
    key,
  };
}
