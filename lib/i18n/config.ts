export const locales = ['vi', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'vi';
export const localeCookie = 'NEXT_LOCALE';
export const timeZone = 'Asia/Ho_Chi_Minh';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The language of a route handler's request: its locale cookie, else Vietnamese. */
export function localeOf(request: Request): Locale {
  const match = new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]+)`).exec(
    request.headers.get('cookie') ?? '',
  );
  const stored = match?.[1];
  return isLocale(stored) ? stored : defaultLocale;
}
