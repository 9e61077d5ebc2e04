import { getDatabase } from '@/lib/server/db';

/**
 * Every table's rows, hashed. Refused calls leave one kind of trace on purpose: an audit event of
 * the refusal (a bearer token that failed, a sign-in that failed); `ignore` leaves those out.
 */
export async function checksums(
  ignore: string[] = [],
  skipTables: string[] = [],
): Promise<Record<string, string>> {
  const sql = getDatabase().sql;
  const skip = ignore.map((a) => `'${a}'`).join(',');
  const tables = await sql.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
  );
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    if (skipTables.includes(table_name)) continue;
    const where = table_name === 'audit_events' && skip ? ` WHERE t.action NOT IN (${skip})` : '';
    const rows = await sql.query<{ n: number; h: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))) AS h FROM "${table_name}" t${where}`,
    );
    out[table_name] = `${rows[0]!.n}:${rows[0]!.h}`;
  }
  return out;
}
