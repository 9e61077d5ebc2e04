import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase, type Database } from '@/lib/server/db';
import type { EnvSource } from '@/lib/server/env';
import { testDatabaseEnv } from '@/tests/support/databases';
import { runTsx } from '@/tests/support/run-script';
import { orphanBlobsSql } from '@/lib/data/evidence/blob-store';

/**
 * A writer process is killed with SIGKILL in the middle of its writes (evidence uploads, new users).
 * Afterwards the database opens, and nothing is half-written: no evidence row without its bytes, no
 * bytes without their evidence, every write with its audit event, and nothing else.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'km-fault-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the writer until it says it writes, lets it write for `afterMs`, then kills it. */
async function killWhileWriting(env: EnvSource, afterMs: number): Promise<void> {
  const run = await runTsx('tests/support/fault-writer.ts', [], env, {
    killOn: 'WRITING',
    killAfterMs: afterMs,
  });
  if (run.signal !== 'SIGKILL') throw new Error(`writer ended on its own: ${run.stderr}`);
}

async function invariants(database: Database) {
  const one = async (sql: string) =>
    Number(((await database.sql.query<{ n: number }>(sql))[0] ?? { n: -1 }).n);
  // A file is stored before the short transaction that links it: a kill in between leaves bytes
  // no evidence refers to, which the background work removes (the same statement, run here).
  await database.sql.query(orphanBlobsSql(0));
  return {
    evidenceWithoutBytes: await one(
      `SELECT count(*)::int n FROM evidence e WHERE e.kind = 'FILE' AND NOT EXISTS (SELECT 1 FROM blobs b WHERE b.sha256 = e.sha256)`,
    ),
    piecesMissing: await one(
      `SELECT count(*)::int n FROM blobs b WHERE b.size <> (SELECT coalesce(sum(length(c.data)), 0) FROM blob_chunks c WHERE c.sha256 = b.sha256)`,
    ),
    bytesWithoutEvidence: await one(
      `SELECT count(*)::int n FROM blobs b WHERE NOT EXISTS (SELECT 1 FROM evidence e WHERE e.sha256 = b.sha256)`,
    ),
    incompleteLinked: await one(
      `SELECT count(*)::int n FROM evidence e JOIN blobs b ON b.sha256 = e.sha256 WHERE b.stored_at IS NULL`,
    ),
    evidence: await one(`SELECT count(*)::int n FROM evidence`),
    evidenceAudited: await one(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'evidence.add'`,
    ),
    users: await one(`SELECT count(*)::int n FROM users WHERE email LIKE 'fault-%'`),
    usersAudited: await one(
      `SELECT count(*)::int n FROM audit_events WHERE action = 'user.create'`,
    ),
    checksum: (
      await database.sql.query<{ h: string }>(
        `SELECT md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) h FROM evidence t`,
      )
    )[0]?.h,
  };
}

describe('killed in the middle of writes', () => {
  it('reopens consistent: every write whole, with its audit event, or absent', async () => {
    let env: EnvSource;
    let drop = async () => undefined as void;
    if (process.env.TEST_DATABASE_URL) {
      const t = await testDatabaseEnv('faults');
      env = { ...t.vars, NEXTAUTH_SECRET: 'x'.repeat(40) };
      drop = t.drop;
    } else env = { DATA_DIR: path.join(dir, 'data') };
    try {
      await killWhileWriting(env, 2500);
      // The killed processes vanish a moment after the signal (until then the data-folder lock names them).
      await new Promise((r) => setTimeout(r, 1000));
      const first = createDatabase(env);
      const after = await invariants(first);
      await first.close();
      expect(after.evidence).toBeGreaterThan(0);
      expect(after).toMatchObject({
        evidenceWithoutBytes: 0,
        piecesMissing: 0,
        bytesWithoutEvidence: 0,
        incompleteLinked: 0,
        evidenceAudited: after.evidence,
        usersAudited: after.users,
      });
      // Opening it again finds the same data.
      const second = createDatabase(env);
      expect(await invariants(second)).toEqual(after);
      await second.close();
      console.log(
        `killed mid-write: ${after.evidence} evidence items and ${after.users} users survived, all consistent`,
      );
    } finally {
      await drop();
    }
  }, 180_000);
});
