export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export const localeCookie = 'NEXT_LOCALE';
export const timeZone = 'Asia/Ho_Chi_Minh';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language of a request outside pages (route handlers): the cookie, else Vietnamese. */
export async function requestLocale(): Promise<Locale> {
  const { cookies } = await import('next/headers');
  const stored = (await cookies()).get(localeCookie)?.value;
  return isLocale(stored) ? stored : defaultLocale;
}
