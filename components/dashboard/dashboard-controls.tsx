'use client';

import { YearOptions } from '@/components/ui/options';
import { useTranslations } from 'next-intl';

/** A GET form, so every view has its own address; with JavaScript it applies on change. */
export function DashboardControls({
  year,
  official,
  lineage,
}: {
  year: number;
  official: boolean;
  lineage: boolean;
}) {
  const t = useTranslations('dashboard');
  const submit = (e: React.ChangeEvent<HTMLSelectElement | HTMLInputElement>) =>
    e.currentTarget.form?.requestSubmit();
  return (
    <form
      method="get"
      className="mb-6 flex flex-wrap items-end gap-4 rounded-lg border border-slate-200 bg-white p-3 shadow-sm print:hidden"
    >
      <div className="flex flex-col gap-1">
        <label htmlFor="dash-year" className="text-xs font-medium text-slate-600">
          {t('year')}
        </label>
        <select
          id="dash-year"
          name="year"
          defaultValue={year}
          onChange={submit}
          className="rounded border border-slate-300 px-2 py-1.5 text-sm"
        >
          <YearOptions />
        </select>
      </div>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-slate-600">{t('basis')}</legend>
        <div className="flex gap-3 text-sm">
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="basis"
              value="official"
              defaultChecked={official}
              onChange={submit}
            />{' '}
            {t('official')}
          </label>
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="basis"
              value="provisional"
              defaultChecked={!official}
              onChange={submit}
            />{' '}
            {t('provisional')}
          </label>
        </div>
      </fieldset>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-xs font-medium text-slate-600">{t('units')}</legend>
        <div className="flex gap-3 text-sm">
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="units"
              value="today"
              defaultChecked={lineage}
              onChange={submit}
            />{' '}
            {t('unitsToday')}
          </label>
          <label className="flex items-center gap-1">
            <input
              type="radio"
              name="units"
              value="recorded"
              defaultChecked={!lineage}
              onChange={submit}
            />{' '}
            {t('unitsRecorded')}
          </label>
        </div>
      </fieldset>
      <noscript>
        <button type="submit" className="rounded bg-slate-700 px-3 py-1.5 text-sm text-white">
          {t('apply')}
        </button>
      </noscript>
    </form>
  );
}
