/** Next.js calls this once when a server starts: the background work runs in Node servers only. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build')
    return;
  const { readOutboxWith } = await import('./lib/server/metrics');
  const { outboxHealth } = await import('./lib/data/notifications/outbox');
  readOutboxWith(outboxHealth);
  // scripts/server.ts runs the background work in one of its processes only.
  if (process.env.KIEUMAU_BACKGROUND !== '0') {
    const { startBackgroundWork } = await import('./lib/server/background');
    startBackgroundWork();
  }
}

/**
 * A server error, logged as one line with the request id (scripts/server.ts) and the digest the
 * error page shows the user, so what a user quotes finds the line.
 */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string; headers: Record<string, string | string[] | undefined> },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { errorField, log } = await import('./lib/server/log');
  const { logPath, readRequestId, REQUEST_ID_HEADER } = await import('./lib/server/request-log');
  const { metrics } = await import('./lib/server/metrics');
  metrics().errors.inc({ route: context.routePath });
  log.error(
    {
      requestId: readRequestId(request.headers[REQUEST_ID_HEADER]),
      digest: (error as { digest?: string }).digest ?? null,
      method: request.method,
      path: logPath(request.path),
      route: context.routePath,
      routeType: context.routeType,
      err: errorField(error),
    },
    'request failed',
  );
}
