import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/server/db';
import type { EnvSource } from '@/lib/server/env';
import { testDatabaseEnv } from '@/tests/support/databases';
import { runTsx } from '@/tests/support/run-script';

/**
 * The e-mail outbox against a real SMTP server (smtp-server, in this process) and real process
 * deaths: a server killed right after writing a message, and one killed while sending it, leave
 * the message to the restarted server, which sends it exactly once. The same for a subscribed
 * briefing pack, whose issue the restarted server's sweep does not write again.
 */

interface Received {
  to: string[];
  messageId: string;
  body: string;
}
const received: Received[] = [];
let smtp: SMTPServer;
let port = 0;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-outbox-'));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '',
          body: raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  port = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs tests/support/outbox-process.ts as its own process, against this test's SMTP server. */
async function run(env: EnvSource, args: string[], killOn?: string) {
  const result = await runTsx(
    'tests/support/outbox-process.ts',
    args,
    { ...env, SMTP_URL: `smtp://127.0.0.1:${port}` },
    { killOn },
  );
  if (result.code !== 0 && result.signal !== 'SIGKILL')
    throw new Error(`outbox process failed (${result.code}): ${result.stderr}`);
  return { out: result.stdout, signal: result.signal };
}

const settle = () => new Promise((r) => setTimeout(r, 1000));

async function outboxRows(env: EnvSource, recipient: string) {
  const database: Database = createDatabase(env);
  try {
    return await database.prisma.emailOutbox.findMany({ where: { recipient } });
  } finally {
    await database.close();
  }
}

/**
 * The first half of each crash test: a process writes the message (`args`) and is killed once it
 * says so (`killOn`), before any sender ran. The row left waiting for `recipient`.
 */
async function writeAndCrash(env: EnvSource, args: string[], killOn: string, recipient: string) {
  const writer = await run(env, args, killOn);
  expect(writer.signal).toBe('SIGKILL');
  await settle();
  const rows = await outboxRows(env, recipient);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ sentAt: null, attempts: 0 });
  return rows[0]!;
}

/**
 * The second half of each crash test: a sender claims the waiting row and is killed while sending;
 * the restarted server (after the dead sender's claim ran out) sends it, and a later restart sends
 * nothing more. What the address received in the end.
 */
async function claimCrashAndRestart(env: EnvSource, recipient: string) {
  const claimer = await run(env, ['claim'], '"sending":true');
  expect(claimer.signal).toBe('SIGKILL');
  await settle();
  const mailsTo = () => received.filter((m) => m.to.includes(recipient));
  expect(mailsTo()).toHaveLength(0);
  const restarted = await run(env, ['deliver', '301']);
  expect(JSON.parse(restarted.out)).toEqual({
    issued: 0,
    first: { sent: 1, failed: 0, dropped: 0 },
    second: { sent: 0, failed: 0, dropped: 0 },
  });
  await run(env, ['deliver', '302']);
  return mailsTo();
}

/** A database of its own for one test: on PostgreSQL when the run has one, else embedded. */
async function ownDatabase(name: string): Promise<{ env: EnvSource; drop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    const t = await testDatabaseEnv(name);
    return { env: t.vars, drop: t.drop };
  }
  return { env: { DATA_DIR: path.join(dir, name) }, drop: async () => undefined };
}

describe('e-mail outbox', () => {
  it('a crash between outbox write and send: sent exactly once after restart', async () => {
    const { env, drop } = await ownDatabase('outbox');
    try {
      // 1. The event and its message are written; the process dies before any sender ran.
      const waiting = await writeAndCrash(
        env,
        ['write', 'crash@test.vn'],
        '"written":true',
        'crash@test.vn',
      );

      // 2. A sender claims it and dies in the middle of sending; two restarts send it once.
      const mails = await claimCrashAndRestart(env, 'crash@test.vn');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.messageId).toBe(waiting.messageId);
      expect(mails[0]!.body).toContain('Submission due for 2026');
      const [sent] = await outboxRows(env, 'crash@test.vn');
      expect(sent!.sentAt).not.toBeNull();
      expect(sent!.attempts).toBe(2);
    } finally {
      await drop();
    }
  }, 180_000);

  it('a subscribed pack: issued, crashed, claimed, crashed, sent once with its file', async () => {
    const { env, drop } = await ownDatabase('outbox-packs');
    try {
      // 1. The sweep writes the pack's issue; the process dies before any sender ran.
      const waiting = await writeAndCrash(
        env,
        ['pack', 'pack@test.vn'],
        '"issued":1',
        'pack@test.vn',
      );
      expect(waiting).toMatchObject({ content: { type: 'pack' } });

      // 2. A sender claims it, builds the file and dies while sending it; the restarted server's
      // sweep writes no second issue (`issued: 0`) and its sender sends the pack once.
      const mails = await claimCrashAndRestart(env, 'pack@test.vn');
      expect(mails).toHaveLength(1);
      expect(mails[0]!.messageId).toBe(waiting.messageId);
      expect(mails[0]!.body).toMatch(
        /Content-Disposition: attachment;\s+filename=bao-cao-kieu-mau-toan-quoc-2026\.pdf/,
      );
      expect(await outboxRows(env, 'pack@test.vn')).toHaveLength(1);
    } finally {
      await drop();
    }
  }, 180_000);
});
