/**
 * Work to finish before a server process exits (scripts/server.ts runs it on a graceful stop):
 * registered by code inside the Next.js bundle, run by the server script, so the list lives on
 * globalThis, shared by both copies of this module in the process.
 */
const holder = globalThis as typeof globalThis & { __kieumauShutdown?: Set<() => Promise<void>> };

/** Adds work to do on shutdown; answers a function that removes it again. */
export function onShutdown(work: () => Promise<void>): () => void {
  const all = (holder.__kieumauShutdown ??= new Set());
  all.add(work);
  return () => all.delete(work);
}

/** Runs every registered piece of shutdown work, each to its end; a failure stops none. */
export async function runShutdown(): Promise<void> {
  const all = [...(holder.__kieumauShutdown ?? [])];
  holder.__kieumauShutdown?.clear();
  await Promise.all(all.map((work) => work().catch(() => undefined)));
}
