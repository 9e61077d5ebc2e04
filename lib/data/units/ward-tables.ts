import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { asOfYear } from '@/lib/domain/dashboard';
import { unitsOfProvince } from '../progress/summary';
import { versionedCache } from './versioned-cache';
import { inForceSql, typeOnSql, unitNaming } from './unit-sql';
import { listWardsOfYear } from './wards';
import { byName } from '@/lib/domain/collation';
import type { AssessmentStatus } from '@/lib/domain/workflow';

/** The ward tables of a province page, its exports and briefing: they add up to the cards. */

export interface WardRow {
  code: string;
  name: string;
  fullName: string;
  /** The row's unit ends (a former unit, as recorded); null for today's. */
  validTo: Date | null;
  /** The row's province: today's, or (as recorded) the one the unit belonged to. */
  provinceId: number;
  status: AssessmentStatus | null;
  /** The year's dossier shown on the row (the ward's own, or a former unit's), or null. */
  assessmentId: number | null;
  /** The unit whose dossier it is: the ward itself, or the former unit counted here. */
  dossierUnit: { code: string; fullName: string; validTo: Date | null } | null;
  isDemo: boolean;
  met: number;
  total: number;
  notMet: number;
  notDue: number;
  /** Criteria given a result (met, not met, not due or in progress): the rest are still blank. */
  entered: number;
  statusChangedAt: Date | null;
  /** The dossier's last write (a result, evidence or a step), or null without a dossier. */
  updatedAt: Date | null;
  /** Under today's units, the former units whose dossier this row shows (empty: the ward's own). */
  fromUnits: readonly { code: string; fullName: string; validTo: Date | null }[];
  /** The year of the recognition the ward holds at the year's end, or null. */
  recognisedSince: number | null;
  /** Held through a former unit counted here, not the ward's own decision. */
  recognisedVia: string | null;
}

const yearEndInstant = (year: number) => new Date(Date.UTC(year, 11, 31, 23, 59, 59));

/**
 * Today's wards of a province in the year (by their type then) with the year's dossier and the
 * recognition held at the year's end, as the summaries count them under today's units: a ward's
 * own, or those of the former units designated to it (lib/domain/lineage).
 */
/** The dossier fields of a ward row, shared by both tables. */
const dossierSelect = {
  id: true,
  year: true,
  status: true,
  origin: true,
  metCount: true,
  totalCriteria: true,
  notMetCount: true,
  notDueCount: true,
  inProgressCount: true,
  statusChangedAt: true,
  updatedAt: true,
  recognition: { select: { year: true, withdrawnAt: true } },
} as const;

interface Dossier {
  id: number;
  year: number;
  status: AssessmentStatus;
  origin: string;
  metCount: number;
  totalCriteria: number;
  notMetCount: number;
  notDueCount: number;
  inProgressCount: number;
  statusChangedAt: Date;
  updatedAt: Date;
  recognition: { year: number; withdrawnAt: Date | null } | null;
}

/** The earliest recognition still held at the year's end (the summaries' definition). */
function heldAtYearEnd<T extends Dossier>(dossiers: T[], year: number): T | undefined {
  return dossiers
    .filter(
      (x) =>
        x.recognition &&
        x.recognition.year <= year &&
        (x.recognition.withdrawnAt === null || x.recognition.withdrawnAt > yearEndInstant(year)),
    )
    .sort((x, y) => x.recognition!.year - y.recognition!.year)[0];
}

function wardRow(
  unit: { code: string; name: string; fullName: string; validTo?: Date | null; provinceId: number },
  a: (Dossier & { unit?: { code: string; fullName: string; validTo: Date | null } }) | undefined,
  held: Dossier | undefined,
  via: { fromUnits: WardRow['fromUnits']; recognisedVia: string | null },
): WardRow {
  return {
    code: unit.code,
    name: unit.name,
    fullName: unit.fullName,
    validTo: unit.validTo ?? null,
    provinceId: unit.provinceId,
    status: a?.status ?? null,
    assessmentId: a?.id ?? null,
    dossierUnit: a
      ? {
          code: a.unit?.code ?? unit.code,
          fullName: a.unit?.fullName ?? unit.fullName,
          validTo: a.unit ? a.unit.validTo : (unit.validTo ?? null),
        }
      : null,
    isDemo: a?.origin === 'DEMO',
    met: a?.metCount ?? 0,
    total: a?.totalCriteria ?? 0,
    notMet: a?.notMetCount ?? 0,
    notDue: a?.notDueCount ?? 0,
    entered: a ? a.metCount + a.notMetCount + a.notDueCount + a.inProgressCount : 0,
    statusChangedAt: a?.statusChangedAt ?? null,
    updatedAt: a?.updatedAt ?? null,
    fromUnits: via.fromUnits,
    recognisedSince: held?.recognition?.year ?? null,
    recognisedVia: via.recognisedVia,
  };
}

/**
 * The ward table of one of today's provinces, as the cards count it: under today's units
 * (`lineage`) or as recorded (the units in force at the year's end, each with its own dossier
 * and recognition). A year after the data date shows the data date's year: nothing is invented.
 */
export const listProvinceWardsFor = versionedCache(
  'province-wards',
  (provinceId: number, _options: { year: number; lineage: boolean }) => provinceId,
  async (provinceId: number, options: { year: number; lineage: boolean }): Promise<WardRow[]> => {
    const year = asOfYear(options.year, new Date().getFullYear());
    return options.lineage
      ? listProvinceWards(provinceId, year)
      : listProvinceWardsAsRecorded(provinceId, year);
  },
);

/** One of today's provinces with its ward table (listProvinceWardsFor). */
export interface ProvinceWardTable {
  provinceId: number;
  name: string;
  rows: readonly WardRow[];
}

/**
 * The ward tables of today's provinces (provinceId null) or of one province, read once for all
 * that a dashboard derives from them (its near misses and its data completeness).
 */
export async function todaysWardTables(
  provinceId: number | null,
  options: { year: number; lineage: boolean },
): Promise<ProvinceWardTable[]> {
  const provinces = await db().province.findMany({
    where: provinceId === null ? { validTo: null } : { id: provinceId },
    select: { id: true, name: true },
  });
  return Promise.all(
    provinces.map(async (p) => ({
      provinceId: p.id,
      name: p.name,
      rows: await listProvinceWardsFor(p.id, options),
    })),
  );
}

/** As recorded: the units of the province's tree in force at the year's end, phường then. */
async function listProvinceWardsAsRecorded(provinceId: number, year: number): Promise<WardRow[]> {
  const end = Prisma.sql`make_date(${year}::int, 12, 31)`;
  const found = await db().$queryRaw<{ id: number }[]>(Prisma.sql`
    ${unitsOfProvince(provinceId)}
    SELECT DISTINCT k.id FROM keyed k
     WHERE ${inForceSql('k', end)}
       AND ${typeOnSql('k', Prisma.sql`greatest(${end}, coalesce(k.valid_from, ${end}))`)} = 'PHUONG'`);
  const units = await db().unit.findMany({
    where: { id: { in: found.map((r) => r.id) } },
    select: {
      ...unitNaming,
      validTo: true,
      provinceId: true,
      assessments: {
        where: {
          status: { not: 'CANCELLED' },
          OR: [{ year }, { recognition: { year: { lte: year } } }],
        },
        select: dossierSelect,
      },
    },
  });
  return units.sort(byName((u) => u.name)).map((u) =>
    wardRow(
      u,
      u.assessments.find((x) => x.year === year),
      heldAtYearEnd(u.assessments, year),
      {
        fromUnits: [],
        recognisedVia: null,
      },
    ),
  );
}

async function listProvinceWards(provinceId: number, year: number): Promise<WardRow[]> {
  const units = await listWardsOfYear(provinceId, year);
  const ids = units.map((u) => u.id);
  const assessmentSelect = {
    ...dossierSelect,
    isAttained: true,
    unit: { select: { id: true, code: true, fullName: true, validTo: true, countsUnderId: true } },
  } as const;
  const assessments = await db().assessment.findMany({
    where: {
      status: { not: 'CANCELLED' },
      unit: { OR: [{ id: { in: ids } }, { countsUnderId: { in: ids } }] },
      OR: [{ year }, { recognition: { year: { lte: year } } }],
    },
    select: assessmentSelect,
  });
  // Grouped once by the ward they count under (not searched again for every ward).
  const wardIds = new Set(ids);
  const byWard = new Map<number, (typeof assessments)[number][]>();
  for (const a of assessments) {
    const ward = wardIds.has(a.unit.id) ? a.unit.id : a.unit.countsUnderId!;
    byWard.set(ward, [...(byWard.get(ward) ?? []), a]);
  }
  return units.map((u) => {
    const mine = byWard.get(u.id) ?? [];
    // The year's dossier: the ward's own, else the best of its former units' (attained first).
    const ofYear = mine
      .filter((a) => a.year === year)
      .sort(
        (x, y) =>
          Number(x.unit.id !== u.id) - Number(y.unit.id !== u.id) ||
          Number(y.isAttained) - Number(x.isAttained) ||
          y.metCount - x.metCount,
      );
    const a = ofYear[0];
    const held = heldAtYearEnd(mine, year);
    return wardRow({ ...u, provinceId }, a, held, {
      fromUnits: a && a.unit.id !== u.id ? ofYear.map((x) => x.unit) : [],
      recognisedVia: held && held.unit.id !== u.id ? held.unit.fullName : null,
    });
  });
}
