'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/form';
import { saveBlob } from '@/components/ui/save-blob';
import { ProvinceField, YearField } from '@/components/ui/options';

type Format = 'pdf' | 'pptx' | 'docx';

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
      saveBlob(blob, name);
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
        <ProvinceField
          id="report-scope"
          label={t('scope')}
          defaultValue={nationwide ? '' : provinces[0]?.code}
          empty={nationwide ? t('nationwide') : undefined}
          provinces={provinces}
        />
        <YearField id="report-year" label={t('year')} defaultValue={String(currentYear)} />
        <SelectField id="report-basis" name="basis" label={t('basis')}>
          <option value="official">{t('official')}</option>
          <option value="provisional">{t('provisional')}</option>
        </SelectField>
      </div>
      <p className="text-sm text-slate-600">{t('contents')}</p>
      <p className="text-sm text-slate-600">{t('docxNote')}</p>
      <div className="flex flex-wrap gap-3">
        {(['pdf', 'pptx', 'docx'] as const).map((format) => (
          <Button
            key={format}
            type="submit"
            value={format}
            variant={format === 'pdf' ? 'primary' : 'secondary'}
            disabled={busy !== null}
          >
            {busy === format ? t('preparing') : t(format)}
          </Button>
        ))}
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
