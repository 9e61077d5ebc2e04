/**
 * The session cookie. It holds a signed, encrypted token (next-auth's JWT format) naming the
 * server-side session row; `__Host-` on HTTPS, so no subdomain can set or read it.
 */
export const SESSION_COOKIE = 'kieumau.session';
export const SECURE_SESSION_COOKIE = '__Host-kieumau.session';
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, SESSION_COOKIE] as const;
