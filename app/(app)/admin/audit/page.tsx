import Link from '@/components/ui/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { listAuditEntities, listAuditEvents } from '@/lib/data/audit';
import { formatDateTime } from '@/lib/i18n/format';
import { auditFilterSchema } from '@/lib/validations/audit';
import { QueryNotice } from '@/components/ui/query-notice';
import { PageHeader } from '@/components/ui/page-header';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FilterBar } from '@/components/ui/filter-bar';
import { ChoiceField, Field } from '@/components/ui/form';
import { titled, type SearchParams } from '@/lib/i18n/page';
import type { KeysOf } from '@/lib/i18n/message-keys';

/** The audit actions the catalogue names (`assessment.register` …). */
type ActionKey = KeysOf<'audit.actions'>;

export const generateMetadata = titled('audit');

export default async function AuditPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission('audit.view');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
  // A malformed filter falls back to no filter rather than failing the page.
  const parsed = auditFilterSchema.safeParse(raw);
  const filter = parsed.success ? parsed.data : {};
  const [t, tActions, locale, page, entities] = await Promise.all([
    getTranslations('audit'),
    getTranslations('audit.actions'),
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
      <QueryNotice invalid={parsed.success ? [] : ['filter']} />
      <FilterBar values={raw} label={t('title')} submitLabel={t('filter')}>
        <Field name="actor" label={t('actor')} />
        <ChoiceField
          name="entity"
          label={t('entity')}
          empty={t('allEntities')}
          choices={entities.map((e) => ({ value: e, label: e }))}
        />
        <Field name="province" label={t('province')} inputMode="numeric" />
        <Field name="from" type="date" label={t('from')} />
        <Field name="to" type="date" label={t('to')} />
      </FilterBar>
      <DataTable
        caption={t('title')}
        rows={page.rows}
        empty={t('none')}
        columns={columnsOf<(typeof page.rows)[number]>()(t, {
          at: { className: 'whitespace-nowrap', cell: (r) => formatDateTime(r.at, locale) },
          actor: (r) => <code>{r.actorEmail ?? t('system')}</code>,
          action: (r) => (
            <span title={r.action}>
              {
                // A stored action is free text (older versions wrote others): has() checks it first.
                tActions.has(r.action as ActionKey) ? (
                  tActions(r.action as ActionKey)
                ) : (
                  <code>{r.action}</code>
                )
              }
            </span>
          ),
          record: (r) => `${r.entity} #${r.entityId}`,
          province: (r) => r.provinceCode ?? '',
          ip: { className: 'text-slate-500', cell: (r) => r.ip ?? '' },
          changes: (r) =>
            r.before || r.after ? (
              <details>
                <summary className="cursor-pointer text-brand-700">{t('changes')}</summary>
                <div className="mt-1 grid gap-2 md:grid-cols-2">
                  {(['before', 'after'] as const).map((side) => (
                    <pre
                      key={side}
                      className="max-w-md overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs"
                    >
                      <b>{t(side)}</b>
                      {'\n'}
                      {json(r[side])}
                    </pre>
                  ))}
                </div>
              </details>
            ) : null,
        })}
      />
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
