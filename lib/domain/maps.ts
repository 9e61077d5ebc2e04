import type { ProgressStatus } from './progress';

/**
 * What a map colours, and with which colour: a province by its progress status (the same status
 * as the province table), a ward by where it stands in the year (the same facts as the ward
 * table). Colours run from green (done) to red (behind); grey is "not counted here".
 */

export const statusColours: Record<ProgressStatus, string> = {
  achieved: '#166534',
  on_track: '#4ade80',
  needs_acceleration: '#facc15',
  off_track: '#f97316',
  deteriorating: '#b91c1c',
  not_enough_data: '#cbd5e1',
  no_target: '#e2e8f0',
};

export const wardCategories = [
  'recognised',
  'attained',
  'short',
  'registered',
  'notRegistered',
  'notWard',
] as const;
export type WardCategory = (typeof wardCategories)[number];

export const wardColours: Record<WardCategory, string> = {
  recognised: '#166534',
  attained: '#4ade80',
  short: '#fbbf24',
  registered: '#93c5fd',
  notRegistered: '#ffffff',
  /** Xã and đặc khu: context only, the programme covers phường. */
  notWard: '#d4d4d8',
};

/**
 * Where a ward stands: holding recognition at the year's end; every criterion met; one or two
 * short; registered; or not registered this year. "One or two short" is the one definition of a
 * near miss, for the map, the list, the tables, the API and every file: registered this year, not
 * holding a recognition (on either basis: a ward attaining every criterion is short of none), and
 * 1–2 criteria not met — failed, still in progress, or not yet due for assessment.
 */
export function wardCategory(row: {
  status: string | null;
  met: number;
  total: number;
  recognisedSince: number | null;
}): WardCategory {
  if (row.recognisedSince !== null) return 'recognised';
  if (row.status === null || row.status === 'CANCELLED') return 'notRegistered';
  if (row.total > 0 && row.met >= row.total) return 'attained';
  if (row.total > 0 && row.total - row.met <= 2) return 'short';
  return 'registered';
}

/** A near miss (see `wardCategory`). */
export function isNearMiss(row: Parameters<typeof wardCategory>[0]): boolean {
  return wardCategory(row) === 'short';
}
