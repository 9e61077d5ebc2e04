import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLog, errorField } from '@/lib/server/log';
import { logPath, readRequestId } from '@/lib/server/request-log';

/** The log's lines as JSON objects, written by a logger made for the test. */
function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  process.env.LOG_FORMAT = 'json';
  const log = createLog(sink);
  delete process.env.LOG_FORMAT;
  return { log, lines };
}

describe('the log', () => {
  it('writes one JSON object per line with time, level and the fields given', () => {
    const { log, lines } = capture();
    log.info({ requestId: 'abc12345', status: 200, ms: 12.5, userId: 7 }, 'request');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      requestId: 'abc12345',
      status: 200,
      userId: 7,
    });
    expect(new Date(String(lines[0]!.time)).getTime()).not.toBeNaN();
  });

  it('never writes a password, code, token, cookie or file name, however deep', () => {
    const { log, lines } = capture();
    log.warn(
      {
        password: 'KieuMau@2025',
        user: { token: 'kmu_secret', profile: { code: '123456' } },
        headers: { cookie: 'session=abc', authorization: 'Bearer kmu_x' },
        evidence: { id: 4, fileName: 'Biên bản mật.pdf' },
      },
      'attempt',
    );
    const text = JSON.stringify(lines[0]);
    for (const secret of [
      'KieuMau@2025',
      'kmu_secret',
      '123456',
      'session=abc',
      'Bearer',
      'Biên bản',
    ])
      expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ evidence: { id: 4 } });
  });

  it('logs an error by class and message', () => {
    expect(errorField(new TypeError('bad'))).toEqual({ type: 'TypeError', message: 'bad' });
    expect(errorField('plain')).toEqual({ type: 'string', message: 'plain' });
  });
});

describe('what a request line records', () => {
  it('keeps a proxy’s well-formed request id and refuses anything else', () => {
    expect(readRequestId('3f2c1a9e-6b7d-4c1e-9a0b-2d4e6f8a1b3c')).toBe(
      '3f2c1a9e-6b7d-4c1e-9a0b-2d4e6f8a1b3c',
    );
    expect(readRequestId(['trace-0123456789', 'other'])).toBe('trace-0123456789');
    for (const bad of [
      undefined,
      '',
      'short',
      'has space in it',
      'line\nbreak-0000',
      'x'.repeat(129),
    ])
      expect(readRequestId(bad)).toBeNull();
  });

  it('logs the path without its query, and without a handover link’s secret', () => {
    expect(logPath('/wards/16531/2026?on=2025-06-30')).toBe('/wards/16531/2026');
    expect(logPath('/provinces?q=Thanh%20H%C3%B3a#top')).toBe('/provinces');
    expect(logPath(`/handover/${'A'.repeat(43)}`)).toBe('/handover/:token');
    expect(logPath('?x=1')).toBe('/');
  });
});
