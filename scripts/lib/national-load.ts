import { hash } from '@node-rs/argon2';
import pg from 'pg';
import { closeDatabase, getDatabase } from '@/lib/server/db';
import { rebuildAllProgress } from '@/lib/data/progress/summary';
import { applyMigrations } from '@/lib/server/migrations';
import { seed } from '@/prisma/seed';
import { adminQuery } from './pg-admin';
import { buildSyntheticNation } from './synthetic';

export interface LoadUser {
  email: string;
  cookie: string;
  provinceCode: string;
  sheets: { unitCode: string; results: number[] }[];
}

/**
 * A new database at national scale for the load run and the page benchmark: the demo (real
 * units, its accounts), 3,321 synthetic wards with ten years of dossiers, the summaries rebuilt,
 * and `users` province accounts, each with up to three draft sheets of its province.
 */
export async function prepareNationalLoad(
  dbUrl: string,
  options: { users: number; password: string; year: number },
): Promise<Omit<LoadUser, 'cookie'>[]> {
  const url = new URL(dbUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  await adminQuery(url.toString(), `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(url.toString(), `CREATE DATABASE ${name}`);
  process.env.DATABASE_URL = dbUrl;
  const database = getDatabase();
  await applyMigrations(database.sql);
  await seed(database.prisma, { demo: true });
  const client = new pg.Client({ connectionString: dbUrl });
  await client.connect();
  await buildSyntheticNation(client, 3321, options.year, 1);
  await client.end();
  await database.prisma.$transaction((tx) => rebuildAllProgress(tx), { timeout: 600_000 });

  // Users go to provinces that have draft sheets this year, so every one of them can save.
  const provinces = await database.prisma.province.findMany({
    where: {
      validTo: null,
      units: { some: { assessments: { some: { year: options.year, status: 'DRAFT' } } } },
    },
    orderBy: { code: 'asc' },
    select: { id: true, code: true },
  });
  const passwordHash = await hash(options.password);
  const users: Omit<LoadUser, 'cookie'>[] = [];
  for (let i = 0; i < options.users; i += 1) {
    const province = provinces[i % provinces.length]!;
    const email = `load-${i}@test.vn`;
    await database.prisma.user.create({
      data: { email, name: `Tải ${i}`, role: 'PROVINCE', provinceId: province.id, passwordHash },
    });
    const draftsOf = (skip: number) =>
      database.prisma.assessment.findMany({
        where: {
          year: options.year,
          status: 'DRAFT',
          unit: { provinceId: province.id, validTo: null },
        },
        orderBy: { id: 'asc' },
        skip,
        take: 3,
        select: { unit: { select: { code: true } }, results: { select: { id: true } } },
      });
    // Colleagues in a province share its sheets when it has few drafts.
    let drafts = await draftsOf(Math.floor(i / provinces.length) * 3);
    if (drafts.length === 0) drafts = await draftsOf(0);
    users.push({
      email,
      provinceCode: province.code,
      sheets: drafts.map((d) => ({ unitCode: d.unit.code, results: d.results.map((r) => r.id) })),
    });
  }
  await closeDatabase();
  return users.filter((u) => u.sheets.length > 0);
}
