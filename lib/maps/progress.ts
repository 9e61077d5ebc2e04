import 'server-only';
import {
  statusColours,
  wardCategories,
  wardCategory,
  wardColours,
  type WardCategory,
} from '@/lib/domain/maps';
import { progressStatuses, type ProgressStatus } from '@/lib/domain/progress';
import { nationalShapes, provinceShapes, type MapShapes } from './shapes';

/** A map ready to draw: its shapes, each shape's category and colour, and the legend. */
export interface MapModel {
  shapes: MapShapes;
  areas: Map<string, { category: string; colour: string }>;
  legend: { category: string; label: string; colour: string; count: number }[];
}

/**
 * Today's 34 provinces by the status the province table gives them. The same model draws the
 * page's map and the briefing's, so the two cannot disagree.
 */
export function nationalMapModel(
  provinces: { code: string; status: ProgressStatus }[],
  label: (status: ProgressStatus) => string,
): MapModel | null {
  const shapes = nationalShapes();
  if (!shapes) return null;
  const areas = new Map(
    provinces.map((p) => [p.code, { category: p.status, colour: statusColours[p.status] }]),
  );
  const count = (s: ProgressStatus) => provinces.filter((p) => p.status === s).length;
  const legend = progressStatuses
    .filter((s) => count(s) > 0)
    .map((s) => ({ category: s, label: label(s), colour: statusColours[s], count: count(s) }));
  return { shapes, areas, legend };
}

/**
 * A province's units of today: its phường by where they stand (lib/domain/maps), every other unit
 * (xã, đặc khu) as grey context. Null when the rows are another era's units (as recorded, before
 * 2025), which today's shapes cannot draw.
 */
export function provinceMapModel(
  provinceCode: string,
  wards: readonly {
    code: string;
    status: string | null;
    met: number;
    total: number;
    recognisedSince: number | null;
  }[],
  label: (category: WardCategory) => string,
): MapModel | null {
  const shapes = provinceShapes(provinceCode);
  if (!shapes) return null;
  const areas = new Map<string, { category: string; colour: string }>();
  for (const w of wards) {
    const category = wardCategory(w);
    areas.set(w.code, { category, colour: wardColours[category] });
  }
  const drawn = shapes.shapes.filter((s) => areas.has(s.code)).length;
  if (drawn < wards.length / 2) return null;
  for (const s of shapes.shapes)
    if (!areas.has(s.code)) areas.set(s.code, { category: 'notWard', colour: wardColours.notWard });
  const counts = new Map<string, number>();
  for (const a of areas.values()) counts.set(a.category, (counts.get(a.category) ?? 0) + 1);
  const legend = wardCategories
    .filter((c) => (counts.get(c) ?? 0) > 0)
    .map((c) => ({ category: c, label: label(c), colour: wardColours[c], count: counts.get(c)! }));
  return { shapes, areas, legend };
}
