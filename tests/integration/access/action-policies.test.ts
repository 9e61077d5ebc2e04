import { beforeAll, describe, expect, it } from 'vitest';
import { actionModules, serverActionPolicy } from '@/lib/actions/policy-map';
import type { ActionResult } from '@/lib/actions/result';
import { can, roles, actions, type Role } from '@/lib/domain/permissions';
import { actAs, signOut, translator } from '@/tests/support/action-context';
import { makeUnit, makeUser, seedReference } from '@/tests/support/factories';

/**
 * The access matrix, tried rather than listed: every form action (every one defined with
 * defineAction) is called by a signed-out visitor and by each role. Where its policy refuses the
 * role, the answer is the sign-in refusal; where it admits the role, the call gets past the guard
 * (an empty form then fails validation with a different message). A guard that lets through a
 * role, a signed-out visitor or an account owing its set-up that its policy does not admit fails
 * here.
 */
const modules = actionModules;
type FormAction = (prev: ActionResult, form: FormData) => Promise<ActionResult>;

const refusal = translator('actions')('signedOut');
const users_: Record<Role, string> = {} as never;
let owesSetup = '';

beforeAll(async () => {
  await seedReference();
  const ward = await makeUnit('38');
  for (const role of roles) {
    const user = await makeUser(role, {
      provinceCode: role === 'PROVINCE' || role === 'WARD' ? '38' : undefined,
      unitId: role === 'WARD' ? ward.id : undefined,
    });
    users_[role] = user.email;
  }
  owesSetup = (await makeUser('ADMIN', { mustChangePassword: true })).email;
}, 120_000);

describe('server actions and their policies', () => {
  it('derives a policy for every exported server action, naming only real policy actions', () => {
    for (const [file, mod] of Object.entries(modules))
      for (const name of Object.keys(mod))
        expect(Object.keys(serverActionPolicy), `${file}#${name}`).toContain(`${file}#${name}`);
    for (const policy of Object.values(serverActionPolicy))
      for (const action of [policy].flat())
        if (action !== 'self' && action !== 'public') expect(actions).toContain(action);
  });

  const formActions = Object.entries(serverActionPolicy).filter(
    ([key, policy]) => policy !== 'public' && !['auth#beginEnrolmentAction'].includes(key),
  );

  it.each(formActions)('%s refuses whom its policy refuses, and only them', async (key, policy) => {
    const [file, name] = key.split('#') as [string, string];
    const action = modules[file]![name] as FormAction;
    signOut();
    expect((await action({ status: 'idle' }, new FormData())).message).toBe(refusal);
    for (const role of roles) {
      await actAs(users_[role]);
      const scope = { role, provinceId: null, unitId: null };
      const admitted = policy === 'self' || [policy].flat().some((a) => can(scope, a as never));
      const answer = await action({ status: 'idle' }, new FormData());
      expect(answer.status, `${key} as ${role}`).toBe('error');
      if (admitted) expect(answer.message, `${key} as ${role}`).not.toBe(refusal);
      else expect(answer.message, `${key} as ${role}`).toBe(refusal);
    }
    // An administrator who still owes a password change may only act on their own account.
    await actAs(owesSetup);
    const owing = await action({ status: 'idle' }, new FormData());
    if (policy === 'self') expect(owing.message).not.toBe(refusal);
    else expect(owing.message, `${key} while owing setup`).toBe(refusal);
  });
});
