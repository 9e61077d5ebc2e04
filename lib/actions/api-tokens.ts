'use server';

import { revalidatePath } from 'next/cache';
import { issueApiToken, revokeApiToken } from '@/lib/data/accounts/api-tokens';
import { issueTokenSchema, tokenIdSchema } from '@/lib/validations/api-tokens';
import { defineAction } from './define';
import { failure, success } from './result';

/** A new API token: sensitive, so it asks for a recent password or code. */
export const issueTokenAction = defineAction(
  'apitoken.manage',
  issueTokenSchema,
  async (c) => {
    const result = await issueApiToken(c.actor, c.input);
    if (!result.ok) return failure<{ token: string }>('notFound');
    revalidatePath('/admin/tokens');
    return success('tokens.issued', { token: result.token });
  },
  { reauth: true },
);

export const revokeTokenAction = defineAction('apitoken.manage', tokenIdSchema, async (c) => {
  if (!(await revokeApiToken(c.actor, c.input.id))) return failure('notFound');
  revalidatePath('/admin/tokens');
  return success('tokens.revoked');
});
