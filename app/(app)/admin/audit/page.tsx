import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth';
import { listAuditEntities, listAuditEvents } from '@/lib/data/audit';
import { formatDateTime } from '@/lib/format';
import { auditFilterSchema } from '@/lib/validations/audit';
import { PageHeader } from '@/components/ui/page-header';
import { inputClass } from '@/components/ui/form-field';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('audit'))('title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await requirePermission('audit.view');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  // A malformed filter falls back to no filter rather than failing the page.
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [t, locale, page, entities] = await Promise.all([
    getTranslations('audit'),
    getLocale(),
    listAuditEvents({
      actor: filter.actor,
      entity: filter.entity,
      provinceCode: filter.province,
      from: filter.from,
      to: filter.to ? new Date(filter.to.getTime() + 86_400_000) : undefined,
      before: filter.before,
    }),
    listAuditEntities(),
  ]);
  const query = (extra: Record<string, string>) =>
    `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(raw).filter(([k, v]) => v && k !== 'before') as [string, string][]), ...extra })}`;
  const json = (v: unknown) => (v === null || v === undefined ? '' : JSON.stringify(v, null, 1));
  return (
    <>
      <PageHeader title={t('title')} intro={t('intro')} />
      <form method="get" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6 lg:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-actor" className="text-sm font-medium">
            {t('actor')}
          </label>
          <input
            id="audit-actor"
            name="actor"
            defaultValue={raw.actor ?? ''}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-entity" className="text-sm font-medium">
            {t('entity')}
          </label>
          <select
            id="audit-entity"
            name="entity"
            defaultValue={raw.entity ?? ''}
            className={inputClass}
          >
            <option value="">{t('allEntities')}</option>
            {entities.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-province" className="text-sm font-medium">
            {t('province')}
          </label>
          <input
            id="audit-province"
            name="province"
            defaultValue={raw.province ?? ''}
            inputMode="numeric"
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-from" className="text-sm font-medium">
            {t('from')}
          </label>
          <input
            id="audit-from"
            name="from"
            type="date"
            defaultValue={raw.from ?? ''}
            className={inputClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="audit-to" className="text-sm font-medium">
            {t('to')}
          </label>
          <input
            id="audit-to"
            name="to"
            type="date"
            defaultValue={raw.to ?? ''}
            className={inputClass}
          />
        </div>
        <button type="submit" className="rounded bg-slate-700 px-4 py-2 text-sm text-white">
          {t('filter')}
        </button>
      </form>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <caption className="sr-only">{t('title')}</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                {t('at')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('actor')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('action')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('record')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('province')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('ip')}
              </th>
              <th scope="col" className="px-3 py-2">
                {t('changes')}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {page.rows.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-slate-500">
                  {t('none')}
                </td>
              </tr>
            ) : (
              page.rows.map((r) => (
                <tr key={r.id}>
                  <td className="whitespace-nowrap px-3 py-2">{formatDateTime(r.at, locale)}</td>
                  <td className="px-3 py-2">
                    <code>{r.actorEmail ?? t('system')}</code>
                  </td>
                  <td className="px-3 py-2">
                    <code>{r.action}</code>
                  </td>
                  <td className="px-3 py-2">
                    {r.entity} #{r.entityId}
                  </td>
                  <td className="px-3 py-2">{r.provinceCode ?? ''}</td>
                  <td className="px-3 py-2 text-slate-500">{r.ip ?? ''}</td>
                  <td className="px-3 py-2">
                    {r.before || r.after ? (
                      <details>
                        <summary className="cursor-pointer text-brand-700">{t('changes')}</summary>
                        <div className="mt-1 grid gap-2 md:grid-cols-2">
                          <pre className="max-w-md overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                            <b>{t('before')}</b>
                            {'\n'}
                            {json(r.before)}
                          </pre>
                          <pre className="max-w-md overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">
                            <b>{t('after')}</b>
                            {'\n'}
                            {json(r.after)}
                          </pre>
                        </div>
                      </details>
                    ) : null}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      <nav className="mt-3 flex gap-4 text-sm" aria-label={t('title')}>
        {raw.before ? (
          <Link href={query({})} className="text-brand-700 hover:underline">
            {t('newest')}
          </Link>
        ) : null}
        {page.nextBefore ? (
          <Link
            href={query({ before: page.nextBefore })}
            className="text-brand-700 hover:underline"
          >
            {t('older')} →
          </Link>
        ) : null}
      </nav>
    </>
  );
}
