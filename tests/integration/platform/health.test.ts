import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/health/route';
import { createDatabase } from '@/lib/server/db';
import { checkHealth } from '@/lib/data/health';
import { readMigrations } from '@/lib/server/migrations';

describe('GET /api/health', () => {
  it('reports the database in use and its migrations', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      status: 'ok',
      database: process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite',
      migrations: readMigrations().length,
    });
  });

  it('answers "unavailable" with a reason when PostgreSQL cannot be reached', async () => {
    // Port 9 (discard) is closed on test machines: the connection is refused at once.
    const unreachable = createDatabase({ DATABASE_URL: 'postgresql://u:p@127.0.0.1:9/none' });
    try {
      const health = await checkHealth(() => unreachable);
      expect(health).toEqual({
        status: 'unavailable',
        database: 'postgres',
        reason: expect.stringMatching(/Cannot reach the PostgreSQL server/),
      });
    } finally {
      await unreachable.close();
    }
  });
});
