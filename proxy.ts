import { NextResponse, type NextRequest } from 'next/server';
import { SESSION_COOKIE_NAMES } from './lib/auth/session-cookie';

/**
 * Runs before every page and route: sets the security headers (a per-request CSP nonce, which
 * Next.js applies to its own scripts) and sends visitors without a session cookie to /login
 * early. The redirect is only a convenience: every page, action and route checks the session.
 */

const PUBLIC_PATHS = [
  '/login',
  '/handover',
  '/unsubscribe',
  '/api/health',
  '/api/v1',
  '/robots.txt',
];
const SESSION_COOKIES: readonly string[] = SESSION_COOKIE_NAMES;

export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; sandbox; frame-ancestors 'none'";

/**
 * An evidence file opened in the sheet's viewer (`/api/evidence/<id>?view=1`, served inline only
 * for PDFs and images, lib/domain/file-type.ts INLINE_TYPES): the app's own pages may frame it,
 * nothing may run in it. Images are also sandboxed; a PDF is not, because browsers refuse to
 * show a PDF in a sandboxed document (and a PDF with scripts or launch actions is refused at
 * upload).
 */
export function evidenceViewPolicy(pdf: boolean): string {
  return `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${pdf ? '' : '; sandbox'}`;
}

/** Whether a request opens an evidence file in the viewer (see evidenceViewPolicy). */
export function isEvidenceView(url: URL): boolean {
  return /^\/api\/evidence\/[^/]+$/.test(url.pathname) && url.searchParams.get('view') === '1';
}

export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    `default-src 'self'`,
    // 'strict-dynamic' lets Next's nonced loader fetch its chunks; no inline script runs without
    // the nonce, and eval is refused (React needs it only in development).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // Inline style attributes are used by charts; styles cannot run code.
    `style-src 'self' 'unsafe-inline'`,
    `img-src 'self' data: blob:`,
    `font-src 'self' data:`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'self'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const { pathname, search } = request.nextUrl;
  // API answers are data and downloads (evidence files among them), never pages: they get the
  // strictest policy, so an uploaded HTML or SVG file opened from a download cannot run.
  const csp = pathname.startsWith('/api/')
    ? API_CONTENT_SECURITY_POLICY
    : contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');

  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(`${p}/`));
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  let response: NextResponse;
  if (!isPublic && !hasSession && !pathname.startsWith('/api/')) {
    const login = new URL('/login', request.url);
    if (pathname !== '/') login.searchParams.set('returnTo', `${pathname}${search}`);
    response = NextResponse.redirect(login);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set('x-nonce', nonce);
    requestHeaders.set('content-security-policy', csp);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }
  // The evidence route sets a viewed file's own policy (it alone knows the file's type).
  if (!isEvidenceView(request.nextUrl)) response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  // A handover or unsubscribe link carries its secret in the path: never sent on as a referrer.
  const secretPath = ['/handover/', '/unsubscribe/'].some((p) => pathname.startsWith(p));
  response.headers.set(
    'Referrer-Policy',
    secretPath ? 'no-referrer' : 'strict-origin-when-cross-origin',
  );
  response.headers.set('X-Frame-Options', isEvidenceView(request.nextUrl) ? 'SAMEORIGIN' : 'DENY');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https')
    response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  return response;
}

export const config = {
  // Everything but Next's static files (which carry their own headers), the app's icons and
  // uploads: Next.js copies a request body in memory for the proxy, and an upload streams to
  // storage instead (app/api/uploads sets its own headers and checks the session itself).
  matcher: ['/((?!_next/static|_next/image|favicon.ico|icon.svg|api/uploads/).*)'],
};
