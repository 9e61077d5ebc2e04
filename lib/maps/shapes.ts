import 'server-only';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { layOut, type InsetFrame, type ShapeLabel } from './layout';
import { rewindForD3 } from './rewind';

/** One shape as an SVG path, with the code and name of what it draws. */
export interface MapShape {
  code: string;
  name: string;
  d: string;
}

export interface MapShapes {
  /** What the browser asks /api/maps/<key> for: 'provinces' or a province's code. */
  key: string;
  /** Changes when the shapes do, so the browser may keep them for good under one address. */
  version: string;
  width: number;
  height: number;
  shapes: MapShape[];
  /** Framed boxes holding far islands (lib/maps/layout.ts). */
  insets: InsetFrame[];
  /** Names on the shapes where they fit, numbers elsewhere, and the key of the numbers. */
  labels: ShapeLabel[];
  numbered: { number: number; name: string }[];
}

/** The archipelagos of the national map are named as such; other insets by their units. */
function insetName(names: string[]): string {
  if (names.some((n) => n.includes('Đà Nẵng'))) return 'Quần đảo Hoàng Sa (TP Đà Nẵng)';
  if (names.some((n) => n.includes('Khánh Hoà'))) return 'Quần đảo Trường Sa (Khánh Hoà)';
  return names.join(', ');
}

const WIDTH = 600;
const dir = path.join(process.cwd(), 'prisma', 'reference', 'geo');
const cache = new Map<string, MapShapes | null>();

/**
 * Projects a TopoJSON file of prisma/reference/geo to SVG paths (Mercator, fitted to 600 px wide,
 * coordinates to 0.1 px), once per process. No tiles and no network: the shapes ship with the app.
 */
function load(key: string, file: string, object: string): MapShapes | null {
  if (cache.has(file)) return cache.get(file)!;
  const full = path.join(dir, file);
  if (!fs.existsSync(full)) {
    cache.set(file, null);
    return null;
  }
  const topo = JSON.parse(fs.readFileSync(full, 'utf8')) as Topology;
  const fc = feature(topo, topo.objects[object] as GeometryCollection) as FeatureCollection<
    Geometry,
    { code: string; name: string }
  >;
  for (const f of fc.features) f.geometry = rewindForD3(f.geometry);
  const layout = layOut(fc, WIDTH, insetName);
  const version = createHash('sha256').update(JSON.stringify(layout)).digest('hex').slice(0, 16);
  const result: MapShapes = {
    key,
    version,
    width: layout.width,
    height: layout.height,
    shapes: layout.shapes,
    insets: layout.insets,
    labels: layout.labels,
    numbered: layout.key,
  };
  cache.set(file, result);
  return result;
}

/** The 34 provinces of today. */
export function nationalShapes(): MapShapes | null {
  return load('provinces', 'provinces.topo.json', 'provinces');
}

/** Every commune-level unit of today's province (phường, xã, đặc khu). */
export function provinceShapes(provinceCode: string): MapShapes | null {
  if (!/^\d{2}$/.test(provinceCode)) return null;
  return load(provinceCode, path.join('wards', `${provinceCode}.topo.json`), 'units');
}

/** The shapes /api/maps/<key> serves: 'provinces', or a province's code. */
export function shapesByKey(key: string): MapShapes | null {
  return key === 'provinces' ? nationalShapes() : provinceShapes(key);
}
