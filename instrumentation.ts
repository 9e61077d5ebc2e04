/** Next.js calls this once when a server starts: the background work runs in Node servers only. */
export async function register() {
  if (
    process.env.NEXT_RUNTIME === 'nodejs' &&
    process.env.NEXT_PHASE !== 'phase-production-build' &&
    // scripts/server.ts runs it in one of its processes only.
    process.env.KIEUMAU_BACKGROUND !== '0'
  ) {
    const { startBackgroundWork } = await import('./lib/server/background');
    startBackgroundWork();
  }
}
