'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { markRead, setEmailMode } from '@/lib/data/notifications/inbox';
import { recordId } from '@/lib/validations/ids';
import { defineAction } from './define';
import { failure, success } from './result';

/** Marks one line of the user's own inbox read (another user's line is simply not found). */
export const markReadAction = defineAction(
  'notification.read',
  z.object({ id: recordId }),
  async ({ user, input }) => {
    if ((await markRead(user.id, [input.id])) === 0) return failure('notifications.notFound');
    revalidatePath('/', 'layout');
    return success('notifications.markedRead');
  },
);

export const markAllReadAction = defineAction(
  'notification.read',
  // The button says what it does: an empty post marks nothing.
  z.object({ all: z.literal('1', { error: 'invalid' }) }),
  async ({ user }) => {
    const count = await markRead(user.id, 'all');
    revalidatePath('/', 'layout');
    return success('notifications.allRead', undefined, { count });
  },
);

export const emailModeAction = defineAction(
  'notification.read',
  z.object({ mode: z.enum(['OFF', 'IMMEDIATE', 'DAILY'], { error: 'invalid' }) }),
  async ({ user, input }) => {
    await setEmailMode(user.id, input.mode);
    revalidatePath('/notifications');
    return success('notifications.emailSaved');
  },
);
