/**
 * Provinces ranked by share, highest first, in competition order: equal shares share a rank and
 * the next rank skips (1, 2, 2, 4). A province without a share that year has no rank.
 */
export function rankByShare<K>(shares: ReadonlyMap<K, number | null>): Map<K, number> {
  const ranked = [...shares].filter((e): e is [K, number] => e[1] !== null);
  ranked.sort((a, b) => b[1] - a[1]);
  const out = new Map<K, number>();
  ranked.forEach(([key, share], i) => {
    const previous = ranked[i - 1];
    out.set(key, previous && previous[1] === share ? (out.get(previous[0]) ?? i + 1) : i + 1);
  });
  return out;
}

/** A change of share in percentage points (+5.0 for 0.30 → 0.35), or null without both. */
export function changeInPoints(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 1000) / 10;
}

/** Places gained since the year before (positive: up), or null when either year has no rank. */
export function rankMovement(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : before - now;
}
