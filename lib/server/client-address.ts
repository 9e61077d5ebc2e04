/**
 * How the app learns the client's address. scripts/server.ts, the only way the app is served,
 * computes it from the socket and TRUSTED_PROXIES, and passes it in this header together with a
 * token made for this process; a header without the token (sent by a client, or the app served
 * some other way) is ignored, so the address can never be forged from outside.
 */
export const CLIENT_HEADER = 'x-kieumau-client';
export const CLIENT_TOKEN_ENV = 'KIEUMAU_CLIENT_HEADER_TOKEN';

export function encodeClientHeader(token: string, address: string | null): string {
  return `${token} ${address ?? ''}`;
}

export function decodeClientHeader(value: string | null | undefined): string | null {
  const token = process.env[CLIENT_TOKEN_ENV];
  if (!value || !token) return null;
  const space = value.indexOf(' ');
  if (space < 0 || value.slice(0, space) !== token) return null;
  return value.slice(space + 1).slice(0, 64) || null;
}

/** Bodies larger than this need a signed session cookie before the server reads them. */
export const ANONYMOUS_BODY_LIMIT = 1024 * 1024;

/** The largest body accepted at all: the evidence limit plus room for the other form fields. */
export function bodyLimit(evidenceMaxMb: number): number {
  return Math.ceil(evidenceMaxMb * 1024 * 1024) + 512 * 1024;
}
