'use server';

import { cookies } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { localeCookie, locales } from '@/lib/i18n/config';
import { publicAction } from './define';

const setLocaleSchema = z.object({ locale: z.enum(locales) });

/** Stores the language choice; anyone may choose a language, signed in or not. */
export const setLocale = publicAction(async (formData: FormData): Promise<void> => {
  const parsed = setLocaleSchema.safeParse({ locale: formData.get('locale') });
  if (!parsed.success) return;
  (await cookies()).set(localeCookie, parsed.data.locale, {
    path: '/',
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    httpOnly: false,
  });
  revalidatePath('/', 'layout');
});
