import { beforeAll, describe, expect, it } from 'vitest';
import { changePasswordAction } from '@/lib/actions/account';
import { issueTokenAction } from '@/lib/actions/api-tokens';
import {
  respondToReturnAction,
  saveResultAction,
  transitionAction,
} from '@/lib/actions/assessments';
import { signInAction } from '@/lib/actions/auth';
import type { ActionResult } from '@/lib/actions/result';
import { saveTargetAction } from '@/lib/actions/targets';
import { createUserAction, updateUserAction } from '@/lib/actions/users';
import { db } from '@/lib/server/db';
import { actAs, context } from '@/tests/support/action-context';
import { checksums } from '@/tests/support/checksums';
import {
  form,
  makeUnit,
  makeUser,
  postEvidence,
  registeredWard,
  seedReference,
  TEST_PASSWORD,
  uid,
  idle,
  YEAR,
} from '@/tests/support/factories';

/**
 * One field at a time: every free-text field of the forms people fill in gets each character no
 * one types (NUL, a bell, a backspace, a text-direction override; a line break where the
 * field is a single line), with every other field valid. Each must be refused with the field
 * marked and nothing written; then the same form without the bad value must go through, which
 * proves each refusal was the field's own.
 */

const everywhere = ['\u0000', 'ab\u0000cd', 'chuông\u0007', 'x\u202Eevil', 'xoá\u0008'];
const singleLine = ['Tên\r\nBcc: x@y.vn', 'dòng\nhai'];

type Send = (values: Record<string, string>) => Promise<ActionResult<unknown> | 'redirected'>;

interface Form {
  name: string;
  /** Runs as this user (email), or signed out. */
  as: string | null;
  values: () => Record<string, string>;
  send: Send;
  fields: { name: string; multiline?: boolean }[];
}

/** A server action that redirects on success (sign-in) answers "redirected". */
async function settle(run: () => Promise<unknown>): Promise<ActionResult<unknown> | 'redirected'> {
  try {
    return (await run()) as ActionResult<unknown>;
  } catch (error) {
    if (String((error as { digest?: string }).digest ?? '').startsWith('NEXT_REDIRECT'))
      return 'redirected';
    throw error;
  }
}

const forms: Form[] = [];

beforeAll(async () => {
  await seedReference();
  const admin = await makeUser('ADMIN');
  const { officer, assessment: draft } = await registeredWard({ year: YEAR });
  const result = draft.results.find((r) => r.criterion.measureKind === 'BOOLEAN')!;
  // A returned dossier with a return to answer, and one under inspection.
  const returnedUnit = await makeUnit('38');
  const returned = await db().assessment.create({
    data: {
      unitId: returnedUnit.id,
      year: YEAR,
      criteriaSetId: draft.criteriaSetId,
      status: 'RETURNED',
      results: { create: { criterionId: result.criterionId, isReopened: true } },
    },
    include: { results: true },
  });
  const comment = await db().reviewComment.create({
    data: { resultId: returned.results[0]!.id, stage: 'PROVINCE', isReturn: true, body: 'Bổ sung' },
  });
  const inspected = await db().assessment.create({
    data: {
      unitId: (await makeUnit('38')).id,
      year: YEAR,
      criteriaSetId: draft.criteriaSetId,
      status: 'INSPECTING',
      isAttained: true,
    },
  });
  const member = await makeUser('VIEWER');
  const changer = await makeUser('VIEWER');

  forms.push(
    {
      name: 'a criterion’s result',
      as: officer.email,
      values: () => ({
        resultId: String(result.id),
        version: String(result.version),
        state: 'IN_PROGRESS',
        note: 'Đang thực hiện',
      }),
      send: (v) => settle(() => saveResultAction(idle, form(v))),
      fields: [{ name: 'note', multiline: true }],
    },
    {
      name: 'a note as evidence',
      as: officer.email,
      values: () => ({
        resultId: String(result.id),
        kind: 'NOTE',
        title: 'Biên bản họp',
        note: 'Nội dung',
      }),
      send: (v) => settle(() => postEvidence(form(v))),
      fields: [{ name: 'title' }, { name: 'note', multiline: true }],
    },
    {
      name: 'a link as evidence, dated outside its year',
      as: officer.email,
      values: () => ({
        resultId: String(result.id),
        kind: 'LINK',
        title: 'Báo cáo',
        url: 'https://cand.gov.vn/bao-cao',
        periodFrom: '2024-01-01',
        periodTo: '2024-12-31',
        periodReason: 'Báo cáo năm trước vẫn áp dụng',
      }),
      send: (v) => settle(() => postEvidence(form(v))),
      fields: [{ name: 'url' }, { name: 'periodReason', multiline: true }],
    },
    {
      name: 'an answer to a return',
      as: officer.email,
      values: () => ({ commentId: String(comment.id), response: 'Đã bổ sung' }),
      send: (v) => settle(() => respondToReturnAction(idle, form(v))),
      fields: [{ name: 'response', multiline: true }],
    },
    {
      name: 'a recognition decision',
      as: admin.email,
      values: () => ({
        assessmentId: String(inspected.id),
        name: 'recognise',
        decisionNumber: '12/QĐ-BCA',
        decisionDate: `${YEAR}-03-01`,
      }),
      send: (v) => settle(() => transitionAction(idle, form(v))),
      fields: [{ name: 'decisionNumber' }],
    },
    {
      name: 'a new user',
      as: admin.email,
      values: () => ({ email: `moi-${uid()}@test.vn`, name: 'Nguyễn Văn Mới', role: 'VIEWER' }),
      send: (v) => settle(() => createUserAction(idle, form(v))),
      fields: [{ name: 'name' }, { name: 'email' }],
    },
    {
      name: 'a user’s details',
      as: admin.email,
      values: () => ({
        id: String(member.id),
        name: 'Trần Thị Sửa',
        role: 'VIEWER',
        isActive: 'on',
      }),
      send: (v) => settle(() => updateUserAction(idle, form(v))),
      fields: [{ name: 'name' }],
    },
    {
      name: 'an API token',
      as: admin.email,
      values: () => ({ name: 'Báo cáo tuần', provinceCode: '' }),
      send: (v) => settle(() => issueTokenAction(idle, form(v))),
      fields: [{ name: 'name' }],
    },
    {
      name: 'a target',
      as: admin.email,
      values: () => ({
        provinceCode: '38',
        year: '2027',
        kind: 'PERCENT',
        value: '60',
        sourceDocument: 'Kế hoạch số 01/KH-CAT',
      }),
      send: (v) => settle(() => saveTargetAction(idle, form(v))),
      fields: [{ name: 'sourceDocument' }],
    },
    {
      name: 'a password change',
      as: changer.email,
      values: () => ({
        current: TEST_PASSWORD,
        next: 'Mật khẩu dài 2027',
        confirm: 'Mật khẩu dài 2027',
      }),
      send: (v) => settle(() => changePasswordAction(idle, form(v))),
      fields: [{ name: 'current' }, { name: 'next' }],
    },
    {
      name: 'a sign-in',
      as: null,
      values: () => ({ email: changer.email, password: 'Mật khẩu dài 2027' }),
      send: (v) => settle(() => signInAction(idle, form(v))),
      fields: [{ name: 'email' }, { name: 'password' }],
    },
  );
}, 180_000);

describe('free text, one field at a time', () => {
  it('refuses control characters in every field, marks the field, writes nothing; the clean form goes through', async () => {
    let tried = 0;
    for (const f of forms) {
      for (const field of f.fields) {
        const bad = field.multiline ? everywhere : [...everywhere, ...singleLine];
        for (const value of bad) {
          if (f.as) await actAs(f.as);
          else context.claims = null;
          // A sign-in's failures are counted and audited on purpose: leave those out.
          const before = await checksums(
            ['auth.sign_in_failed'],
            ['user_sessions', 'login_throttles'],
          );
          const values = f.values();
          values[field.name] = field.name === 'email' ? `${value}${values.email}` : value;
          const answer = await f.send(values);
          tried += 1;
          const label = `${f.name}: ${field.name} = ${JSON.stringify(value)}`;
          expect(answer, label).not.toBe('redirected');
          if (answer === 'redirected') continue;
          expect(answer.status, label).toBe('error');
          expect(
            await checksums(['auth.sign_in_failed'], ['user_sessions', 'login_throttles']),
            label,
          ).toEqual(before);
        }
      }
      // The same form, clean, is accepted: the refusals above were the field's own.
      if (f.as) await actAs(f.as);
      else context.claims = null;
      const answer = await f.send(f.values());
      expect(answer === 'redirected' ? 'success' : answer.status, `${f.name}, clean`).toBe(
        'success',
      );
    }
    expect(tried).toBeGreaterThan(100);
  }, 300_000);
});
