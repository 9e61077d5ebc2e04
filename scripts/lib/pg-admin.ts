import pg from 'pg';

/** The address of database `name` on the same server as `server`. */
export function databaseUrl(server: string, name: string): string {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Runs one administrative statement (CREATE/DROP DATABASE) on the server. */
export async function adminQuery(server: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}
