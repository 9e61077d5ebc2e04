import { describe, expect, it } from 'vitest';
import { clientAddressOf, isTrusted, parseTrustedProxies } from '@/lib/domain/proxies';
import { safeReturnPath } from '@/lib/domain/redirects';
import {
  needsTouch,
  secondFactorRequired,
  sessionExpiry,
  sessionState,
} from '@/lib/domain/sessions';
import {
  base32Decode,
  base32Encode,
  hotp,
  matchTotp,
  formatRecoveryCode,
  normaliseRecoveryCode,
  otpauthUri,
  totpAt,
} from '@/lib/domain/totp';
import { countSheetRows } from '@/lib/validations/xlsx-guard';
import { textProblem } from '@/lib/validations/text';
import { evidenceSchema } from '@/lib/validations/assessments';
import { notificationText } from '@/lib/i18n/notification-text';
import { renderOutboxMail } from '@/lib/mail/render';

describe('return paths after sign-in', () => {
  it.each([
    ['/dashboard', '/dashboard'],
    ['/wards/16417?on=2024-01-01', '/wards/16417?on=2024-01-01'],
    ['/%2F%09%2Fevil.example', '/%2F%09%2Fevil.example'],
  ])('keeps the same-site path %s', (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });

  it.each([
    '/\t/evil.example', // the reported hole, once decoded by the query string parser
    '/\n/evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    ' /dashboard',
    '/login?returnTo=//evil.example',
    '',
    undefined,
    ['//evil.example'],
  ])('sends %j home instead', (input) => {
    expect(safeReturnPath(input)).toBe('/');
  });
});

describe('trusted proxies', () => {
  const rules = parseTrustedProxies('10.0.0.0/8, 192.168.1.5, ::1');

  it('recognises addresses and ranges, IPv4-mapped IPv6 included', () => {
    expect(isTrusted('10.20.30.40', rules)).toBe(true);
    expect(isTrusted('::ffff:10.1.2.3', rules)).toBe(true);
    expect(isTrusted('192.168.1.5', rules)).toBe(true);
    expect(isTrusted('192.168.1.6', rules)).toBe(false);
    expect(isTrusted('::1', rules)).toBe(true);
    expect(isTrusted('11.0.0.1', rules)).toBe(false);
  });

  it('ignores X-Forwarded-For from anyone but a trusted proxy', () => {
    expect(clientAddressOf('203.0.113.9', '1.2.3.4', rules)).toBe('203.0.113.9');
    expect(clientAddressOf('203.0.113.9', '1.2.3.4', [])).toBe('203.0.113.9');
  });

  it('takes the nearest untrusted hop behind trusted proxies, not what the client wrote first', () => {
    // The client forged "6.6.6.6"; the proxy appended the address it saw.
    expect(clientAddressOf('10.0.0.2', '6.6.6.6, 198.51.100.7', rules)).toBe('198.51.100.7');
    expect(clientAddressOf('10.0.0.2', '198.51.100.7, 10.0.0.9', rules)).toBe('198.51.100.7');
    expect(clientAddressOf('10.0.0.2', 'garbage', rules)).toBe('10.0.0.2');
  });

  it('refuses a setting it cannot read, with the entry named', () => {
    expect(() => parseTrustedProxies('10.0.0.0/33')).toThrow(/10.0.0.0\/33/);
    expect(() => parseTrustedProxies('proxy.local')).toThrow(/proxy.local/);
    expect(parseTrustedProxies('')).toEqual([]);
  });
});

describe('server-side sessions', () => {
  const start = new Date('2026-11-23T08:00:00Z');
  const row = {
    createdAt: start,
    lastSeenAt: start,
    expiresAt: sessionExpiry(start, 12),
    endedAt: null,
  };
  const at = (h: number) => new Date(start.getTime() + h * 3_600_000);

  it('ends after the idle time, the absolute lifetime, or when ended', () => {
    expect(sessionState(row, at(1), 8)).toBe('active');
    expect(sessionState(row, at(8), 8)).toBe('idle');
    expect(sessionState({ ...row, lastSeenAt: at(11.5) }, at(12), 8)).toBe('expired');
    expect(sessionState({ ...row, endedAt: at(1) }, at(1), 8)).toBe('ended');
  });

  it('writes activity at most once a minute', () => {
    expect(needsTouch(start, new Date(start.getTime() + 30_000))).toBe(false);
    expect(needsTouch(start, new Date(start.getTime() + 60_000))).toBe(true);
  });

  it('asks ADMIN and MINISTRY accounts for a second factor', () => {
    expect(secondFactorRequired('ADMIN')).toBe(true);
    expect(secondFactorRequired('MINISTRY')).toBe(true);
    expect(secondFactorRequired('PROVINCE')).toBe(false);
  });
});

describe('TOTP (RFC 6238 / RFC 4226)', () => {
  const secret = Buffer.from('12345678901234567890');

  it('matches the RFC 4226 HOTP test values', () => {
    expect([0, 1, 2, 9].map((c) => hotp(secret, c))).toEqual([
      '755224',
      '287082',
      '359152',
      '520489',
    ]);
  });

  it('matches the RFC 6238 SHA-1 test values (last six digits)', () => {
    expect(totpAt(secret, 59_000, 8)).toBe('94287082');
    expect(totpAt(secret, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totpAt(secret, 2_000_000_000_000, 8)).toBe('69279037');
  });

  it('accepts one step of drift, not two', () => {
    const now = 1_700_000_000_000;
    expect(matchTotp(secret, totpAt(secret, now - 30_000), now)).not.toBeNull();
    expect(matchTotp(secret, totpAt(secret, now - 60_000), now)).toBeNull();
    expect(matchTotp(secret, '12345', now)).toBeNull();
  });

  it('round-trips base32 and builds the otpauth address apps read', () => {
    const bytes = Buffer.from('any secret bytes!!!!');
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(otpauthUri('MZXW6YTBOI', 'a@b.vn', 'Kiểu Mẫu')).toMatch(
      /^otpauth:\/\/totp\/Ki%E1%BB%83u%20M%E1%BA%ABu%3Aa%40b\.vn\?secret=MZXW6YTBOI&issuer=/,
    );
  });

  it('reads recovery codes however they are typed, look-alikes included', () => {
    expect(normaliseRecoveryCode(' 7KQM 3XW9-D2FH 8NPA ')).toBe('7kqm-3xw9-d2fh-8npa');
    expect(normaliseRecoveryCode('OkqL-3xw9-d2fh-8npa')).toBe('0kq1-3xw9-d2fh-8npa');
    expect(normaliseRecoveryCode('k7f3-9qx2')).toBeNull();
    expect(normaliseRecoveryCode('123456')).toBeNull();
  });

  it('gives recovery codes 80 bits: 16 symbols of 32, every bit of 10 random bytes used', () => {
    const zero = formatRecoveryCode(new Uint8Array(10));
    expect(zero).toBe('0000-0000-0000-0000');
    expect(formatRecoveryCode(new Uint8Array(10).fill(255))).toBe('zzzz-zzzz-zzzz-zzzz');
    // Flipping any one of the 80 bits changes the code.
    const seen = new Set<string>([zero]);
    for (let bit = 0; bit < 80; bit += 1) {
      const bytes = new Uint8Array(10);
      bytes[Math.floor(bit / 8)] = 1 << (bit % 8);
      seen.add(formatRecoveryCode(bytes));
    }
    expect(seen.size).toBe(81);
    for (const code of seen) expect(normaliseRecoveryCode(code)).toBe(code);
  });
});

describe('XLSX row count', () => {
  it('counts rows however the tag is followed (space, newline, tab, >)', () => {
    expect(countSheetRows('<row r="1"><row\nr="2"><row\tr="3"><row><rows/>')).toBe(4);
  });
});

describe('free text', () => {
  it('refuses NUL, control and text-direction characters; line breaks only where a field has lines', () => {
    expect(textProblem('Nguyễn Văn A', false)).toBeNull();
    expect(textProblem('dòng một\ndòng hai\ttab', true)).toBeNull();
    for (const bad of ['\u0000', 'a\u0000b', '\u0007', 'x\u202Eevil', '\u2066', '\u009B', '\uD800'])
      expect(textProblem(bad, true), JSON.stringify(bad)).toBe('controlChars');
    for (const broken of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b'])
      expect(textProblem(broken, false), JSON.stringify(broken)).toBe('lineBreak');
  });

  it('writes names and reasons into notifications and e-mails as one line', () => {
    const text = notificationText('vi', 'NOT_RECOGNISED', {
      href: '/wards/14797/2026',
      year: 2026,
      ward: 'Phường\r\nBcc: x@y.vn',
      by: 'Cán bộ\u202Egnal',
      reason: 'Thiếu biên bản.\n\nVào http://gia-mao.vn để nộp lại',
    });
    expect(text).not.toMatch(/[\r\n\u202E]/);
    expect(text).toContain('Thiếu biên bản. Vào http://gia-mao.vn');
    const line = {
      kind: 'WITHDRAWN' as const,
      params: {
        href: '/wards/14797/2026',
        year: 2026,
        ward: 'Phường X',
        reason: 'a\r\nSubject: giả',
      },
    };
    for (const locale of ['vi', 'en', null] as const)
      for (const mail of [
        renderOutboxMail({ type: 'notification', line }, locale),
        renderOutboxMail({ type: 'digest', lines: [line, line] }, locale),
      ]) {
        expect(mail.subject).not.toMatch(/[\r\n]/);
        expect(mail.body.split('\n').some((l) => l.startsWith('Subject:'))).toBe(false);
      }
  });
});

describe('evidence links', () => {
  it('refuse addresses that carry a user name or password', () => {
    const link = (url: string) =>
      evidenceSchema.safeParse({ resultId: 1, kind: 'LINK', title: 'Báo cáo', url }).success;
    expect(link('https://cand.gov.vn/bao-cao')).toBe(true);
    expect(link('https://user:pass@cand.gov.vn/bao-cao')).toBe(false);
    expect(link('http://admin@10.0.0.5/')).toBe(false);
    expect(link('javascript:alert(1)')).toBe(false);
  });
});
