'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { cancelSubscription, createSubscription } from '@/lib/data/notifications/subscriptions';
import { MAX_SUBSCRIPTIONS } from '@/lib/domain/subscriptions';
import { recordId } from '@/lib/validations/ids';
import { subscriptionSchema } from '@/lib/validations/notifications';
import { defineAction } from './define';
import { failure, success } from './result';

/** Subscribes the user to a briefing pack by e-mail, for a scope within their reach. */
export const subscribeAction = defineAction(
  'report.export',
  subscriptionSchema,
  async ({ user, actor, input }) => {
    const outcome = await createSubscription(actor, user, input);
    if (!outcome.ok)
      return outcome.reason === 'limit'
        ? failure('subscriptions.limit', { max: MAX_SUBSCRIPTIONS })
        : failure(`subscriptions.${outcome.reason}`);
    revalidatePath('/reports');
    return success('subscriptions.created');
  },
);

/** Ends one of the user's own subscriptions (another's is not found). */
export const cancelSubscriptionAction = defineAction(
  'report.export',
  z.object({ id: recordId }),
  async ({ user, actor, input }) => {
    if (!(await cancelSubscription(actor, { id: input.id, userId: user.id })))
      return failure('subscriptions.not_found');
    revalidatePath('/reports');
    return success('subscriptions.cancelled');
  },
);
