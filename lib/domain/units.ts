import { foldForSearch } from './search-text';

/**
 * Administrative units over time: types, the dates of the 2025 reorganisation, and what a unit
 * was on a given date. Pure rules; the database keeps units with validity dates and type changes.
 */

export const UNIT_TYPES = ['PHUONG', 'XA', 'DAC_KHU', 'THI_TRAN'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/** The reorganisation of 1 July 2025: 63 provinces became 34, 10,035 communes became 3,321. */
export const MERGER_DATE = '2025-07-01';
export const LAST_DAY_BEFORE_MERGER = '2025-06-30';

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);
export const dateOf = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
/** Whether a record with a validity period is in force on a date. */
export const inForce = (u: { validFrom: Date | null; validTo: Date | null }, on: Date) =>
  (u.validFrom === null || u.validFrom <= on) && (u.validTo === null || u.validTo >= on);
/** The last day of a year: the date "in force at the end of year Y" is judged on. */
export const yearEnd = (year: number) => `${year}-12-31`;

export interface TypeChange {
  effectiveDate: string;
  fromType: UnitType;
  toType: UnitType;
}

/**
 * A unit's type on a date, from its type today and its changes: before the first change that
 * takes effect after the date, the unit had that change's former type.
 */
export function typeOn(
  currentType: UnitType,
  changes: readonly TypeChange[],
  on: string,
): UnitType {
  const later = changes
    .filter((c) => c.effectiveDate > on)
    .sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  return later[0]?.fromType ?? currentType;
}

export interface Validity {
  validFrom: string | null;
  validTo: string | null;
}

export function isInForce(unit: Validity, on: string): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= on) &&
    (unit.validTo === null || unit.validTo >= on)
  );
}

/** The word a unit's full name starts with, by type. */
export const TYPE_WORD: Record<UnitType, string> = {
  PHUONG: 'Phường',
  XA: 'Xã',
  DAC_KHU: 'Đặc khu',
  THI_TRAN: 'Thị trấn',
};

/** A unit's name without its type word ("Phường Ba Đình" → "Ba Đình"). */
export function bareUnitName(name: string): string {
  return name.replace(/^(phường|xã|đặc khu|thị trấn)\s+/i, '').trim();
}

export function unitFullName(type: UnitType, name: string): string {
  return `${TYPE_WORD[type]} ${bareUnitName(name)}`;
}

/** What unit searches match: the code, the full name and the bare name, folded. */
export function unitSearchKey(code: string, fullName: string): string {
  return foldForSearch(`${code} ${fullName}`);
}

/**
 * The address of a unit's page (and of its sheet for a year). Codes are reused across the 2025
 * reorganisation, so a former unit's address carries the day it ended (`?on=`).
 */
export function unitPath(
  unit: { code: string; validTo: Date | string | null },
  year?: number,
  /** A page under the sheet ("print"). */
  sub?: string,
): string {
  const sheet = year === undefined ? `/wards/${unit.code}` : `/wards/${unit.code}/${year}`;
  const base = sub ? `${sheet}/${sub}` : sheet;
  if (unit.validTo === null) return base;
  const on = typeof unit.validTo === 'string' ? unit.validTo.slice(0, 10) : isoDate(unit.validTo);
  return `${base}?on=${on}`;
}

/**
 * Whether one of today's units counts as a ward (phường) in a programme year: by its type at the
 * year's end, or, for a unit that came into force later, on the day it did.
 */
export function isWardInYear(
  unit: { type: UnitType; validFrom: string | null; typeChanges: readonly TypeChange[] },
  year: number,
): boolean {
  const end = yearEnd(year);
  const on = unit.validFrom !== null && unit.validFrom > end ? unit.validFrom : end;
  return typeOn(unit.type, unit.typeChanges, on) === 'PHUONG';
}

/** A ward's full name from its short name ("Ba Đình" → "Phường Ba Đình"): the programme covers phường. */
export function wardName(name: string): string {
  return `Phường ${name}`;
}

/** Where a user works: their ward, else their province, else `nationwide`. */
export function scopeName(
  user: { unitName?: string | null; provinceName?: string | null },
  nationwide: string,
): string {
  return user.unitName ? wardName(user.unitName) : (user.provinceName ?? nationwide);
}
