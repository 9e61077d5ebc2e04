import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serverActionPolicy } from '@/lib/actions/policy-map';
import { db } from '@/lib/server/db';
import { seed } from '@/prisma/seed';
import { actAs } from '@/tests/support/action-context';
import { checksums } from '@/tests/support/checksums';
import { makeUser } from '@/tests/support/factories';

/**
 * Every server action (found by scanning lib/actions, so a new one is swept automatically) and
 * every route handler gets at least 50 malformed inputs. Each must be refused cleanly — an
 * error answer, never an exception or a 500 — and no table may change.
 */

const fields = [
  'id',
  'resultId',
  'version',
  'state',
  'value',
  'baseline',
  'note',
  'assessmentId',
  'name',
  'item',
  'decisionNumber',
  'decisionDate',
  'reason',
  'provinceCode',
  'year',
  'unitCode',
  'kind',
  'title',
  'titleEn',
  'periodFrom',
  'periodTo',
  'url',
  'evidenceId',
  'email',
  'role',
  'password',
  'isActive',
  'current',
  'next',
  'confirm',
  'locale',
  'sourceDocument',
  'measureKind',
  'comparator',
  'threshold',
  'ratingScale',
  'ratingScaleEn',
  'code',
  'issuingDocument',
  'expiresInDays',
  'description',
  'descriptionEn',
  'evidenceGuidance',
];

const nasty = [
  '',
  ' ',
  'NaN',
  '-1',
  '-0',
  '0',
  '1e309',
  '9999999999999999999999',
  '3.14159',
  '0x1F',
  'true',
  'null',
  'undefined',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '${7*7}',
  '{{7*7}}',
  '\u0000',
  '\uD800',
  '\u202Eevil',
  'Thanh Hoá\u0301\u0301',
  '🙂🙂🙂',
  'x'.repeat(100_000),
  'ệ'.repeat(5000),
  '../../etc/passwd',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '2026-13-45',
  '31/12/2026',
  '1900-01-01',
  'MET; DROP',
  'ADMIN ',
  'admin',
  'SUBMITTED',
  '99999',
  '00000',
  '2147483648',
  '-2147483649',
  '1.5',
  '1,5,6',
  'Infinity',
  '-Infinity',
  '\r\n\r\n',
  '%00',
  '%2e%2e%2f',
];

/** Garbage in every field; with `scopeIds`, also real ids of another province's records. */
function variants(scopeIds?: Record<string, string>): FormData[] {
  const out: FormData[] = [new FormData()];
  for (const value of nasty) {
    const data = new FormData();
    for (const f of fields) data.set(f, value);
    out.push(data);
  }
  // Real ids from another province, every other field plausible: must be "not found".
  for (const [field, value] of Object.entries(scopeIds ?? {})) {
    const data = new FormData();
    for (const f of fields) data.set(f, f === field ? value : '1');
    data.set('name', 'submit');
    data.set('state', 'MET');
    out.push(data);
  }
  // Repeated keys and files where text is expected.
  const dup = new FormData();
  for (const f of fields) {
    dup.append(f, '1');
    dup.append(f, '<b>2</b>');
  }
  out.push(dup);
  const fileInstead = new FormData();
  for (const f of fields) fileInstead.set(f, new File(['%PDF-1.4'], 'x.pdf'));
  out.push(fileInstead);
  return out;
}

type Action = (...args: unknown[]) => Promise<unknown>;

const INPUTLESS = new Set(['auth#signOutAction', 'auth#beginEnrolmentAction']);

async function loadActions(): Promise<[string, Action][]> {
  const dir = path.resolve('lib/actions');
  const out: [string, Action][] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    if (!/^\s*['"]use server['"]/.test(fs.readFileSync(path.join(dir, file), 'utf8'))) continue;
    const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, unknown>;
    for (const [name, fn] of Object.entries(mod))
      if (typeof fn === 'function')
        out.push([`${file.replace(/\.ts$/, '')}#${name}`, fn as Action]);
  }
  return out;
}

let scopeIds: Record<string, string>;

beforeAll(async () => {
  await seed(db(), { demo: true });
  // Records of Thanh Hóa (38), to be tried by a Nghệ An (40) officer.
  const a = await db().assessment.findFirstOrThrow({
    where: { status: 'DRAFT', unit: { province: { code: '38', validTo: null } } },
    include: { results: { take: 1 }, unit: true },
  });
  const user = await db().user.findFirstOrThrow({ where: { email: 'phuong@example.vn' } });
  scopeIds = {
    assessmentId: String(a.id),
    resultId: String(a.results[0]!.id),
    unitCode: a.unit.code,
    id: String(user.id),
    evidenceId: String(a.results[0]!.id),
  };
}, 180_000);

describe('bad-input sweep', () => {
  it('every server action refuses 50+ malformed inputs cleanly and changes nothing', async () => {
    const actions = await loadActions();
    expect(actions.map(([key]) => key).sort()).toEqual(Object.keys(serverActionPolicy).sort());
    const before = await checksums();
    const admin = await makeUser('ADMIN');
    const foreign = await makeUser('PROVINCE', { provinceCode: '40' });
    // A well-formed sign-in or password change with a wrong password is counted and audited by
    // design (throttle rows and the failure's event); the sessions are the ones actAs opens.
    const signInTraces = [
      'auth.sign_in_failed',
      'auth.locked',
      'user.change_password_failed',
      'auth.reauth_failed',
    ];
    const harness = ['login_throttles', 'user_sessions'];
    const afterUsers = await checksums(signInTraces, harness);
    let calls = 0;
    // The administrator reaches everything: garbage only. The Nghệ An officer also tries Thanh Hóa's ids.
    for (const [user, inputsFor] of [
      [admin, () => variants()],
      [foreign, () => variants(scopeIds)],
    ] as const) {
      await actAs(user.email);
      for (const [key, action] of actions) {
        // Sign-out and starting two-factor set-up take no input; tests/integration/access/security.test.ts
        // covers them.
        if (INPUTLESS.has(key)) continue;
        const inputs = inputsFor();
        expect(inputs.length, key).toBeGreaterThanOrEqual(50);
        for (const input of inputs) {
          const answer =
            key === 'locale#setLocale'
              ? await action(input)
              : await action({ status: 'idle' }, input);
          calls += 1;
          if (key !== 'locale#setLocale')
            expect((answer as { status: string }).status, `${key} accepted a malformed input`).toBe(
              'error',
            );
        }
      }
    }
    console.log(`bad-input sweep: ${calls} server-action calls`);

    expect(await checksums(signInTraces, harness)).toEqual(afterUsers);
    expect(Object.keys(before).filter((t) => !harness.includes(t))).toEqual(
      Object.keys(afterUsers),
    );
  }, 300_000);

  it('every route handler answers malformed requests without a 500 and changes nothing', async () => {
    const admin = await makeUser('ADMIN');
    await actAs(admin.email);
    // Refused calls leave bounded audit events, counted per address (lib/data/refusals.ts).
    const refusalTraces = ['api.refused', 'audit.refusals_suppressed'];
    const before = await checksums(refusalTraces, ['login_throttles']);
    const refusedBefore = await db().auditEvent.count({ where: { action: 'api.refused' } });
    // Every route handler's GET in the app, found by its file: a new route is swept too.
    const modules = import.meta.glob<{ GET?: unknown }>('/app/api/**/route.ts', { eager: true });
    const routes = Object.entries(modules).flatMap(([file, module]) =>
      module.GET
        ? [
            [
              file,
              module.GET as (
                req: Request,
                ctx: { params: Promise<Record<string, string>> },
              ) => Promise<Response>,
              /\[(\w+)\]/.exec(file)?.[1] ?? '',
            ] as const,
          ]
        : [],
    );
    expect(routes.length).toBeGreaterThanOrEqual(10);
    let calls = 0;
    for (const [name, handler, param] of routes) {
      for (const value of nasty) {
        const q = encodeURIComponent(value.toWellFormed());
        const request = new Request(
          `http://test/x?year=${q}&province=${q}&format=${q}&basis=${q}&units=${q}&mode=${q}&q=${q}`,
          {
            headers: { authorization: `Bearer ${value.replace(/[^\x20-\x7e]/g, '')}` },
          },
        );
        const response = await handler(request, {
          params: Promise.resolve(param ? { [param]: value } : {}),
        });
        calls += 1;
        expect(response.status, `${name} with ${JSON.stringify(value.slice(0, 20))}`).toBeLessThan(
          500,
        );
      }
    }
    const importPost = (await import('@/app/api/imports/results/route')).POST;
    for (const value of nasty) {
      const body = new FormData();
      body.set('file', new File([value.toWellFormed()], 'x.xlsx'));
      const response = await importPost(
        new Request(`http://test/x?mode=apply`, {
          method: 'POST',
          body,
          headers: { origin: 'http://test' },
        }),
      );
      calls += 1;
      expect(response.status).toBeLessThan(500);
    }
    // The evidence upload reads its body as a stream: malformed forms and bodies that are not
    // forms at all are refused as cleanly.
    const uploadPost = (await import('@/app/api/uploads/evidence/route')).POST;
    for (const value of nasty) {
      const fields = new FormData();
      for (const name of ['resultId', 'kind', 'title']) fields.set(name, value.toWellFormed());
      fields.set('file', new File([value.toWellFormed()], value.toWellFormed()));
      for (const [body, type] of [
        [fields, undefined],
        [value.toWellFormed(), 'multipart/form-data; boundary=x'],
        [
          `--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n${value.toWellFormed()}`,
          'multipart/form-data; boundary=x',
        ],
        [value.toWellFormed(), 'text/plain'],
      ] as const) {
        const response = await uploadPost(
          new Request('http://test/api/uploads/evidence', {
            method: 'POST',
            body,
            headers: { origin: 'http://test', ...(type ? { 'content-type': type } : {}) },
          }),
        );
        calls += 1;
        expect(response.status, `upload with ${JSON.stringify(value.slice(0, 20))}`).toBeLessThan(
          500,
        );
      }
    }
    console.log(`bad-input sweep: ${calls} route-handler calls`);
    // Exports of valid requests are audited; none of these was valid. Refused API calls are
    // audited as refusals, and that is all they leave.
    expect(await checksums(refusalTraces, ['login_throttles'])).toEqual(before);
    expect(await db().auditEvent.count({ where: { action: 'api.refused' } })).toBeGreaterThan(
      refusedBefore,
    );
  }, 300_000);
});
