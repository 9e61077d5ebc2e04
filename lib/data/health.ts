import 'server-only';
import {
  countAppliedMigrations,
  describeDatabaseError,
  getDatabase,
  type Database,
  type DatabaseKind,
} from '@/lib/server/db';

export type Health =
  | { status: 'ok'; database: DatabaseKind; migrations: number }
  | { status: 'unavailable'; database: DatabaseKind | 'unknown'; reason: string };

export async function checkHealth(open: () => Database = getDatabase): Promise<Health> {
  let kind: DatabaseKind | 'unknown' = 'unknown';
  try {
    const database = open();
    kind = database.kind;
    const migrations = await countAppliedMigrations(database.sql);
    return { status: 'ok', database: database.kind, migrations };
  } catch (error) {
    return { status: 'unavailable', database: kind, reason: describeDatabaseError(error) };
  }
}
