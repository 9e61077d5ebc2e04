/**
 * The session cookie. It holds a signed, encrypted token (next-auth's JWT format) naming the
 * server-side session row; `__Host-` on HTTPS, so no subdomain can set or read it.
 */
export const SESSION_COOKIE = 'kieumau.session';
export const SECURE_SESSION_COOKIE = '__Host-kieumau.session';
export const SESSION_COOKIE_NAMES = [SECURE_SESSION_COOKIE, SESSION_COOKIE] as const;

/**
 * The device cookie: set in a browser where an account finished signing in, so the account-wide
 * sign-in lock does not hold its owner there (lib/domain/throttle.ts). It names a random device
 * id and is signed for that account's email; it opens nothing by itself.
 */
export const DEVICE_COOKIE = 'kieumau.device';
export const SECURE_DEVICE_COOKIE = '__Host-kieumau.device';
export const DEVICE_COOKIE_NAMES = [SECURE_DEVICE_COOKIE, DEVICE_COOKIE] as const;
export const DEVICE_COOKIE_DAYS = 180;
