'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { localeCookie, locales } from '@/lib/i18n/config';
import { getCurrentUser } from '@/lib/auth/current-user';
import { saveUserLocale } from '@/lib/data/accounts/users';
import { publicAction } from './define';

const setLocaleSchema = z.object({ locale: z.enum(locales) });

/**
 * Stores the language choice; anyone may choose a language, signed in or not. A signed-in user's
 * choice is kept with the account too, for the e-mail the app sends them.
 */
export const setLocale = publicAction(async (formData: FormData): Promise<void> => {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
  const user = await getCurrentUser();
  if (user) await saveUserLocale(user.id, parsed.data.locale);
  revalidatePath('/', 'layout');
});
