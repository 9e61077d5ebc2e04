import { randomBytes } from 'node:crypto';
import { secondFactorRequired } from '@/lib/domain/sessions';
import { hash } from '@node-rs/argon2';
import fs from 'node:fs';
import { inject } from 'vitest';
import { closeDatabase, db, getDatabase, openDatabaseFromDump } from '@/lib/server/db';
import { foldForSearch } from '@/lib/domain/search-text';
import { addDays, dayOf } from '@/lib/domain/calendar';
import type { Role } from '@/lib/domain/permissions';
import type { AssessmentStatus } from '@/lib/domain/workflow';
import { actAs } from './action-context';
import type { ActionResult } from '@/lib/actions/result';
import { seed } from '@/prisma/seed';

/** Data each test creates for itself: unique names, so tests never lean on each other's rows. */

export const TEST_PASSWORD = 'TestPass2026';
/** The programme year the tests assess (registeredWard's default). */
export const YEAR = 2026;
/** The state a form's action starts from before its first answer. */
export const idle = { status: 'idle' } as const;
let passwordHash: Promise<string> | undefined;

let fromTemplate = false;

/**
 * The national units, criteria and targets in this file's database. On the embedded database the
 * file's still-empty database is swapped for a copy of the run's prepared one
 * (tests/support/reference-template.ts), once per file; on PostgreSQL it is seeded here.
 */
export async function seedReference(): Promise<void> {
  const template = inject('referenceTemplate');
  if (template && !fromTemplate && (await db().unit.count()) === 0) {
    const dataDir = getDatabase().location;
    await closeDatabase();
    openDatabaseFromDump(dataDir, fs.readFileSync(template));
    fromTemplate = true;
    return;
  }
  await seed(db(), { demo: false });
}

export const uid = () => randomBytes(4).toString('hex');

export async function provinceId(code: string): Promise<number> {
  return (
    await db().province.findFirstOrThrow({ where: { code, validTo: null }, select: { id: true } })
  ).id;
}

let nextCode = 60000 + Math.floor(Math.random() * 30000);

export async function makeUnit(provinceCode: string, name = `Phường Thử ${uid()}`) {
  const code = String(nextCode++);
  return db().unit.create({
    data: {
      code,
      name,
      fullName: name,
      type: 'PHUONG',
      provinceId: await provinceId(provinceCode),
      searchKey: foldForSearch(`${code} ${name}`),
      validFrom: new Date('2025-07-01T00:00:00Z'),
    },
  });
}

export async function makeUser(
  role: Role,
  options: {
    provinceCode?: string;
    unitId?: number;
    mustChangePassword?: boolean;
    isActive?: boolean;
    email?: string;
  } = {},
) {
  passwordHash ??= hash(TEST_PASSWORD);
  const unit = options.unitId
    ? await db().unit.findUniqueOrThrow({ where: { id: options.unitId } })
    : null;
  return db().user.create({
    data: {
      email: options.email ?? `${role.toLowerCase()}-${uid()}@test.vn`,
      name: `${role} ${uid()}`,
      role,
      provinceId: unit
        ? unit.provinceId
        : options.provinceCode
          ? await provinceId(options.provinceCode)
          : null,
      unitId: unit?.id ?? null,
      passwordHash: await passwordHash,
      mustChangePassword: options.mustChangePassword ?? false,
      isActive: options.isActive ?? true,
      // Roles that must sign in with a second factor have it set up (actAs gives it).
      totpEnabledAt: secondFactorRequired(role) ? new Date() : null,
    },
  });
}

export function form(values: Record<string, string | number | boolean | undefined>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) if (v !== undefined) data.set(k, String(v));
  return data;
}

/** The stored counts of a 22-criterion dossier with `met` criteria met and the rest not met. */
export function dossierCounts(met: number) {
  return {
    totalCriteria: 22,
    metCount: met,
    notMetCount: 22 - met,
    isAttained: met === 22,
    criteriaShort: 22 - met,
  };
}

/**
 * Sends an evidence form to the upload route as a browser on this site would (a streamed
 * multipart body with its Origin), and answers the form's result with the HTTP status. A refusal
 * before the form is read (no session, another site) answers its text as the message.
 */
export async function postEvidence(data: FormData): Promise<ActionResult & { http: number }> {
  const { POST } = await import('@/app/api/uploads/evidence/route');
  const response = await POST(
    new Request('http://app.test/api/uploads/evidence', {
      method: 'POST',
      body: data,
      headers: { origin: 'http://app.test' },
    }),
  );
  const body = response.headers.get('content-type')?.includes('json')
    ? ((await response.json()) as ActionResult)
    : { status: 'error' as const, message: await response.text() };
  return { ...body, http: response.status };
}

/** A return's fix-by date (YYYY-MM-DD), `days` from today in Vietnam's calendar. */
export function fixByIn(days = 15): string {
  return addDays(dayOf(new Date()), days);
}

/**
 * A ward of `provinceCode` registered for `year` through the real action by a new province
 * officer (left signed in), and moved as setup to `status` when one is given. Answers the unit,
 * the officer, the dossier with its results in criterion order, and `result(n)`: criterion n's.
 */
export async function registeredWard(
  options: { provinceCode?: string; year?: number; status?: AssessmentStatus } = {},
) {
  const { provinceCode = '38', year = YEAR, status } = options;
  const unit = await makeUnit(provinceCode);
  const officer = await makeUser('PROVINCE', { provinceCode });
  await actAs(officer.email);
  const { registerWardsAction } = await import('@/lib/actions/assessments');
  const done = await registerWardsAction(idle, form({ year, unitCode: unit.code }));
  if (done.status !== 'success') throw new Error(`registration refused: ${done.message}`);
  const where = { unitId_year: { unitId: unit.id, year } };
  if (status) await db().assessment.update({ where, data: { status } });
  const assessment = await db().assessment.findUniqueOrThrow({
    where,
    include: {
      results: { include: { criterion: true }, orderBy: { criterion: { number: 'asc' } } },
    },
  });
  const result = (n: number) => {
    const found = assessment.results.find((r) => r.criterion.number === n);
    if (!found) throw new Error(`no criterion ${n}`);
    return found;
  };
  return { unit, officer, assessment, result };
}
