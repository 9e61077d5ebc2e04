import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '@/lib/actions/locale';
import { locales } from '@/lib/i18n/config';

/** A plain form per language, so switching works without JavaScript too. */
export async function LanguageSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('language');
  return (
    <div role="group" aria-label={t('label')} className="flex items-center gap-1 text-sm">
      {locales.map((l) => (
        <form key={l} action={setLocale}>
          <input type="hidden" name="locale" value={l} />
          <button
            type="submit"
            aria-pressed={l === locale}
            className={
              l === locale
                ? 'rounded px-2 py-1 font-semibold text-white bg-brand-700'
                : 'rounded px-2 py-1 text-brand-100 hover:bg-brand-800 hover:text-white'
            }
          >
            <span lang={l}>{l.toUpperCase()}</span>
            <span className="sr-only"> · {t('switchTo', { language: t(l) })}</span>
          </button>
        </form>
      ))}
    </div>
  );
}
