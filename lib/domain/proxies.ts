import { isIP } from 'node:net';

/**
 * Which peer addresses are reverse proxies we trust (TRUSTED_PROXIES: addresses and CIDR ranges,
 * comma-separated; empty trusts none). Only a request that comes through one of them may tell us
 * the client's address (X-Forwarded-For) and the public host and protocol (X-Forwarded-Host,
 * X-Forwarded-Proto); from anyone else those headers are dropped.
 */
export interface ProxyRule {
  family: 4 | 6;
  bits: bigint;
  prefix: number;
}

function toBigInt(address: string): { family: 4 | 6; value: bigint } | null {
  const plain = address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  const family = isIP(plain);
  if (family === 4) {
    const value = plain.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
    return { family: 4, value };
  }
  if (family === 6) {
    const [head, tail] = plain.split('::') as [string, string | undefined];
    const h = head ? head.split(':') : [];
    const t = tail !== undefined ? (tail ? tail.split(':') : []) : [];
    const groups =
      tail !== undefined ? [...h, ...Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
    if (groups.length !== 8) return null;
    const value = groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g || '0', 16)), 0n);
    return { family: 6, value };
  }
  return null;
}

export function parseTrustedProxies(list: string | undefined): ProxyRule[] {
  const rules: ProxyRule[] = [];
  for (const entry of (list ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, prefixText] = entry.split('/') as [string, string | undefined];
    const parsed = toBigInt(address);
    if (!parsed) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    const max = parsed.family === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!Number.isInteger(prefix) || prefix < 0 || prefix > max)
      throw new Error(`TRUSTED_PROXIES: "${entry}" has a bad prefix length`);
    rules.push({ family: parsed.family, bits: parsed.value >> BigInt(max - prefix), prefix });
  }
  return rules;
}

export function isTrusted(address: string | undefined | null, rules: ProxyRule[]): boolean {
  if (!address) return false;
  const parsed = toBigInt(address.trim());
  if (!parsed) return false;
  const max = parsed.family === 4 ? 32 : 128;
  return rules.some(
    (r) => r.family === parsed.family && parsed.value >> BigInt(max - r.prefix) === r.bits,
  );
}

/**
 * The client's address: the peer itself, unless the peer is a trusted proxy; then the nearest
 * address in X-Forwarded-For that is not itself a trusted proxy (read from the right, because
 * everything to the left of the last trusted hop is whatever the client chose to send).
 */
export function clientAddressOf(
  peer: string | undefined,
  forwardedFor: string | undefined,
  rules: ProxyRule[],
): string | null {
  const plain = (a: string) => a.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');
  if (!peer) return null;
  if (!isTrusted(peer, rules) || !forwardedFor) return plain(peer);
  const hops = forwardedFor.split(',').map(plain).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    const hop = hops[i]!;
    if (!isIP(hop)) return plain(peer);
    if (!isTrusted(hop, rules)) return hop;
  }
  return hops[0] ?? plain(peer);
}
