import type { AssessmentStatus } from './workflow';
import { dayOf } from './calendar';
import { byName } from './collation';
import { frame, type Cell, type ExportTable } from './export-tables';
import { translatorFor } from '@/lib/i18n/translator';

/**
 * How complete a province's data is for a year, from its ward table (the rows the cards count):
 * how many wards have a dossier, how many dossiers have every criterion entered, the share of
 * criteria entered, the last write, and the dossiers still being entered that nobody has touched
 * for a while. A leader sees where figures are thin before reading them.
 */

/** A dossier still being entered (a draft, or returned for fixing) idle this long is stale. */
export const STALE_DAYS = 30;

/** The dossiers whose entry is still under way: the ward (or province) has work to do on them. */
const inEntry: readonly AssessmentStatus[] = ['DRAFT', 'RETURNED'];

export interface CompletenessInput {
  status: AssessmentStatus | null;
  total: number;
  entered: number;
  updatedAt: Date | null;
}

export interface Completeness {
  wards: number;
  /** Wards with a dossier of the year. */
  registered: number;
  /** Dossiers with every criterion entered. */
  complete: number;
  /** Criteria of the dossiers, and those entered; their ratio is the share entered. */
  criteria: number;
  criteriaEntered: number;
  /** The last write to any of the dossiers; null without one. */
  lastUpdate: Date | null;
  /** Dossiers still being entered with no write for STALE_DAYS days or more. */
  stale: number;
}

export function isStale(row: CompletenessInput, now: Date): boolean {
  return (
    row.status !== null &&
    inEntry.includes(row.status) &&
    row.updatedAt !== null &&
    now.getTime() - row.updatedAt.getTime() >= STALE_DAYS * 86_400_000
  );
}

/** The share of the dossiers' criteria entered; null without a dossier. */
export const enteredShare = (c: Completeness): number | null =>
  c.criteria > 0 ? c.criteriaEntered / c.criteria : null;

export function completenessOf(rows: readonly CompletenessInput[], now: Date): Completeness {
  const dossiers = rows.filter((r) => r.status !== null && r.status !== 'CANCELLED');
  return {
    wards: rows.length,
    registered: dossiers.length,
    complete: dossiers.filter((r) => r.total > 0 && r.entered >= r.total).length,
    criteria: dossiers.reduce((s, r) => s + r.total, 0),
    criteriaEntered: dossiers.reduce((s, r) => s + Math.min(r.entered, r.total), 0),
    lastUpdate: latest(dossiers.map((r) => r.updatedAt)),
    stale: dossiers.filter((r) => isStale(r, now)).length,
  };
}

function latest(dates: readonly (Date | null)[]): Date | null {
  const times = dates.flatMap((d) => (d ? [d.getTime()] : []));
  return times.length ? new Date(Math.max(...times)) : null;
}

/** Several provinces' completeness as one (the nation's line). */
export function addCompleteness(parts: readonly Completeness[]): Completeness {
  const sum = (
    key: 'wards' | 'registered' | 'complete' | 'criteria' | 'criteriaEntered' | 'stale',
  ) => parts.reduce((s, p) => s + p[key], 0);
  return {
    wards: sum('wards'),
    registered: sum('registered'),
    complete: sum('complete'),
    criteria: sum('criteria'),
    criteriaEntered: sum('criteriaEntered'),
    lastUpdate: latest(parts.map((p) => p.lastUpdate)),
    stale: sum('stale'),
  };
}

/**
 * The completeness table of the dashboard and its files: the provinces with the thinnest data
 * first (the share of criteria entered), the nation's line last when there are several.
 */
export function completenessTable(
  lines: readonly { name: string; completeness: Completeness }[],
  locale: 'vi' | 'en',
): ExportTable {
  const share = (c: Completeness) => enteredShare(c) ?? -1;
  const name = byName<{ name: string }>((l) => l.name);
  const row = (label: string, c: Completeness): Cell[] => [
    label,
    c.wards,
    c.registered,
    c.complete,
    enteredShare(c),
    c.lastUpdate ? dayOf(c.lastUpdate) : null,
    c.stale,
  ];
  const sorted = [...lines].sort(
    (a, b) => share(a.completeness) - share(b.completeness) || name(a, b),
  );
  return {
    ...frame('completeness', 'province wards registered complete entered lastUpdate stale'),
    rows: [
      ...sorted.map((l) => row(l.name, l.completeness)),
      ...(lines.length > 1
        ? [
            row(
              translatorFor(locale)('exportTables.completeness.nation'),
              addCompleteness(lines.map((l) => l.completeness)),
            ),
          ]
        : []),
    ],
  };
}
