'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { inputClass } from '@/components/ui/form-field';
import { ProvinceOptions, YearOptions } from '@/components/ui/options';

type Format = 'pdf' | 'pptx';

/** Picks scope, year and basis, then fetches the pack with a visible progress state. */
export function BriefingForm({
  provinces,
  nationwide,
  currentYear,
}: {
  provinces: { code: string; name: string }[];
  nationwide: boolean;
  currentYear: number;
}) {
  const t = useTranslations('reports');
  const [busy, setBusy] = useState<Format | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function download(format: Format, form: HTMLFormElement) {
    const data = new FormData(form);
    const query = new URLSearchParams({
      province: String(data.get('province') ?? ''),
      year: String(data.get('year')),
      basis: String(data.get('basis')),
      units: 'today',
      format,
    });
    setBusy(format);
    setMessage(null);
    try {
      const response = await fetch(`/api/reports/briefing?${query}`);
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
      const name =
        /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ??
        `bao-cao.${format}`;
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      setMessage({ kind: 'ok', text: t('ready', { name }) });
    } catch {
      setMessage({ kind: 'error', text: t('failed') });
    } finally {
      setBusy(null);
    }
  }

  return (
    <form
      className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void download((submitter?.value as Format) ?? 'pdf', e.currentTarget);
      }}
    >
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="report-scope" className="text-sm font-medium">
            {t('scope')}
          </label>
          <select
            id="report-scope"
            name="province"
            className={inputClass}
            defaultValue={nationwide ? '' : provinces[0]?.code}
          >
            {nationwide ? <option value="">{t('nationwide')}</option> : null}
            <ProvinceOptions provinces={provinces} />
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-year" className="text-sm font-medium">
            {t('year')}
          </label>
          <select id="report-year" name="year" className={inputClass} defaultValue={currentYear}>
            <YearOptions />
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="report-basis" className="text-sm font-medium">
            {t('basis')}
          </label>
          <select id="report-basis" name="basis" className={inputClass}>
            <option value="official">{t('official')}</option>
            <option value="provisional">{t('provisional')}</option>
          </select>
        </div>
      </div>
      <p className="text-sm text-slate-600">{t('contents')}</p>
      <div className="flex flex-wrap gap-3">
        <button
          type="submit"
          value="pdf"
          disabled={busy !== null}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {busy === 'pdf' ? t('preparing') : t('pdf')}
        </button>
        <button
          type="submit"
          value="pptx"
          disabled={busy !== null}
          className="rounded bg-slate-700 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-60"
        >
          {busy === 'pptx' ? t('preparing') : t('pptx')}
        </button>
      </div>
      <p
        aria-live="polite"
        role="status"
        className={`min-h-5 text-sm ${message?.kind === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
      >
        {busy ? t('preparing') : message?.text}
      </p>
    </form>
  );
}
