/**
 * Evidence supports one year's assessment. A period that does not touch that year at all (a 2024
 * report on a 2026 sheet) is most likely a mistake: the user is warned and may keep it by saying
 * why. A period that overlaps the year, or no period, is accepted as it is.
 */
export function periodOutsideYear(
  from: Date | null | undefined,
  to: Date | null | undefined,
  year: number,
): boolean {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year, 11, 31);
  if (to && to.getTime() < start) return true;
  if (from && from.getTime() > end) return true;
  return false;
}
