export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * Times `fn` `runs` times after `warmups` untimed calls (plans and caches warm); when it answers a
 * number, that is the time it measured itself (a part of what it does).
 */
export async function timeRuns(
  fn: () => Promise<unknown>,
  runs: number,
  warmups = 1,
): Promise<number[]> {
  for (let i = 0; i < warmups; i += 1) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const own = await fn();
    out.push(typeof own === 'number' ? own : performance.now() - t0);
  }
  return out;
}
