import Link from '@/components/ui/link';
import { getTranslations } from 'next-intl/server';

/** Previous / "page 2 of 5" / next, as links that keep the rest of the URL's query. */
export async function Pager({
  page,
  pages,
  href,
}: {
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  if (pages <= 1) return null;
  const t = await getTranslations('common');
  const link = 'rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50';
  return (
    <nav aria-label={t('pagination')} className="mt-3 flex items-center gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={link} rel="prev">
          ← {t('previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('pageOf', { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={link} rel="next">
          {t('next')} →
        </Link>
      ) : null}
    </nav>
  );
}

/** A list page's address with some query values changed (empty ones dropped). */
export function withQuery(
  path: string,
  query: Record<string, string | number | undefined>,
  change: Record<string, string | number | undefined>,
): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, ...change }))
    if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}
