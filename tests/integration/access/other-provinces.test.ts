import { beforeAll, describe, expect, it } from 'vitest';
import {
  registerWardsAction,
  removeEvidenceAction,
  saveResultAction,
  transitionAction,
} from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import { resetPasswordAction, updateUserAction } from '@/lib/actions/users';
import { db } from '@/lib/server/db';
import { actAs } from '@/tests/support/action-context';
import { checksums } from '@/tests/support/checksums';
import {
  form,
  postEvidence,
  makeUnit,
  makeUser,
  registeredWard,
  seedReference,
  fixByIn,
  idle,
  YEAR,
} from '@/tests/support/factories';

/**
 * Well-formed requests for another province's records: every id valid, every field right, so
 * nothing is refused by validation and only the scope check stands between the caller and the
 * record. Each must answer "not found" (never "forbidden", which would confirm the record exists)
 * and change nothing. Deleting a scope check in lib/data fails here.
 */

let theirs: {
  assessmentId: number;
  resultId: number;
  version: number;
  evidenceId: number;
  unitCode: string;
  freeUnitCode: string;
  userId: number;
};
let foreignOfficer = '';

beforeAll(async () => {
  await seedReference();
  // Thanh Hóa (38): a registered ward with a result and its evidence, a free ward, a ward user.
  const { unit: ward, assessment, result: criterion } = await registeredWard({ year: YEAR });
  const result = criterion(1);
  const free = await makeUnit('38');
  const wardUser = await makeUser('WARD', { unitId: ward.id });
  expect(
    (
      await postEvidence(
        form({ resultId: result.id, kind: 'LINK', title: 'Biên bản', url: 'https://cand.gov.vn/' }),
      )
    ).status,
  ).toBe('success');
  const evidence = await db().evidence.findFirstOrThrow({ where: { resultId: result.id } });
  theirs = {
    assessmentId: assessment.id,
    resultId: result.id,
    version: result.version,
    evidenceId: evidence.id,
    unitCode: ward.code,
    freeUnitCode: free.code,
    userId: wardUser.id,
  };
  // Nghệ An (40): an officer holding every permission a province has, over its own province.
  foreignOfficer = (await makeUser('PROVINCE', { provinceCode: '40' })).email;
}, 120_000);

describe('another province’s records, asked for properly', () => {
  it('are not found by any action, and nothing changes', async () => {
    await actAs(foreignOfficer);
    const before = await checksums([], ['user_sessions']);
    const t = theirs;
    const attempts: [string, () => Promise<ActionResult<unknown>>][] = [
      [
        'save a result',
        () =>
          saveResultAction(
            idle,
            form({ resultId: t.resultId, version: t.version, state: 'NOT_DUE', note: 'x' }),
          ),
      ],
      [
        'add evidence',
        () =>
          postEvidence(form({ resultId: t.resultId, kind: 'NOTE', title: 'Ghi chú', note: 'x' })),
      ],
      ['remove evidence', () => removeEvidenceAction(idle, form({ evidenceId: t.evidenceId }))],
      [
        'cancel the registration',
        () =>
          transitionAction(
            idle,
            form({ assessmentId: t.assessmentId, name: 'cancelRegistration' }),
          ),
      ],
      [
        'return items',
        () => {
          const f = form({
            assessmentId: t.assessmentId,
            name: 'returnByProvince',
            fixBy: fixByIn(),
          });
          f.append('item', String(t.resultId));
          f.append(`reason-${t.resultId}`, 'Thiếu chữ ký');
          return transitionAction(idle, f);
        },
      ],
      [
        'register a ward',
        () => registerWardsAction(idle, form({ year: YEAR, unitCode: t.freeUnitCode })),
      ],
      [
        'edit a ward user',
        () =>
          updateUserAction(
            idle,
            form({
              id: t.userId,
              name: 'Đổi tên',
              role: 'WARD',
              unitCode: t.unitCode,
              isActive: 'on',
            }),
          ),
      ],
      ['reset a password', () => resetPasswordAction(idle, form({ id: t.userId }))],
    ];
    for (const [what, attempt] of attempts) {
      const answer = await attempt();
      expect(answer.status, what).toBe('error');
      expect(answer.fieldErrors ?? {}, `${what} must pass validation`).toEqual({});
      expect(answer.message, what).not.toMatch(/quyền|phiên/i);
    }
    expect(await checksums([], ['user_sessions'])).toEqual(before);
  });
});
