'use server';

import { revalidatePath } from 'next/cache';
import { issueApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { issueTokenSchema, tokenIdSchema } from '@/lib/validations/api-tokens';
import { failure, formObject, invalidInput, success, type ActionResult } from './result';
import { actionUser } from './session';

export async function issueTokenAction(
  _prev: ActionResult<{ token: string }>,
  formData: FormData,
): Promise<ActionResult<{ token: string }>> {
  const session = await actionUser('apitoken.manage');
  if (!session) return failure('signedOut');
  const parsed = issueTokenSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  const result = await issueApiToken(session.actor, parsed.data);
  if (!result.ok) return failure('notFound');
  revalidatePath('/admin/tokens');
  return success('tokens.issued', { token: result.token });
}

export async function revokeTokenAction(
  _prev: ActionResult,
  formData: FormData,
): Promise<ActionResult> {
  const session = await actionUser('apitoken.manage');
  if (!session) return failure('signedOut');
  const parsed = tokenIdSchema.safeParse(formObject(formData));
  if (!parsed.success) return invalidInput(parsed.error);
  if (!(await revokeApiToken(session.actor, parsed.data.id))) return failure('notFound');
  revalidatePath('/admin/tokens');
  return success('tokens.revoked');
}
