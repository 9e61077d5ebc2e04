/**
 * Where to go after signing in: only a path on this site. The value is parsed as a browser would
 * (backslashes, tabs and newlines are dropped or turned into slashes by URL parsers), and anything
 * that resolves to another origin, or is not a plain path, gives the home page.
 */
export function safeReturnPath(value: unknown): string {
  const raw = Array.isArray(value) ? value[0] : value;
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 2000) return '/';
  // Control characters and whitespace have no place in our paths; browsers strip some of them.
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(raw)) return '/';
  if (!raw.startsWith('/') || raw.startsWith('//')) return '/';
  const base = 'http://kieumau.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (path.startsWith('//') || path.startsWith('/login')) return '/';
  return path;
}
