/**
 * What the request log records of a request (scripts/server.ts writes the line): its id, which
 * a trusted proxy may give, and its path without the query (search terms, return addresses) and
 * with a handover link's secret replaced.
 */

export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id as proxies write them (a UUID, a trace id): else none, and one is made. */
export function readRequestId(value: string | string[] | undefined): string | null {
  const id = Array.isArray(value) ? value[0] : value;
  return id && /^[A-Za-z0-9._:-]{8,128}$/.test(id) ? id : null;
}

/** The path to log: no query, and no secret that a path carries (a handover link's token). */
export function logPath(url: string): string {
  const path = url.split(/[?#]/, 1)[0] || '/';
  return path.replace(/^\/handover\/[^/]+/, '/handover/:token');
}

/**
 * A request's route for the metrics: its logged path with numbers (codes, ids, years) as `:n`,
 * so the labels stay few; an unknown address (a scanner's guesses) counts as one route.
 */
export function routeOf(url: string, status: number): string {
  if (status === 404) return '(not found)';
  const path = logPath(url);
  if (path.startsWith('/_next/')) return '/_next/*';
  return path
    .split('/')
    .map((segment) => (/^\d+$/.test(segment) ? ':n' : segment))
    .join('/');
}
