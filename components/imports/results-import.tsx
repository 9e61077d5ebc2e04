'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { inputClass } from '@/components/ui/form-field';
import { ProvinceOptions, YearOptions } from '@/components/ui/options';
import { wardName } from '@/lib/domain/units';

interface Problem {
  row: number | null;
  code: string;
  message: string;
}
interface Change {
  row: number;
  unitCode: string;
  unitName: string;
  criterion: number;
  before: { state: string; value: number | null; note: string };
  after: { state: string; value: number | null; note: string };
}
interface Answer {
  rows: number;
  problems: Problem[];
  conflicts: Problem[];
  changes: Change[];
  applied?: number;
}

/** Uploads with XMLHttpRequest so that a large file shows its progress. */
function upload(url: string, file: File, onProgress: (percent: number) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) =>
      e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.onload = () =>
      xhr.status === 200 ? resolve(xhr.response as Answer) : reject(new Error(String(xhr.status)));
    xhr.onerror = () => reject(new Error('network'));
    const body = new FormData();
    body.set('file', file);
    xhr.send(body);
  });
}

export function ResultsImport({
  provinces,
  defaultYear,
}: {
  provinces: { code: string; name: string }[];
  defaultYear: number;
}) {
  const t = useTranslations('imports');
  const ts = useTranslations('states');
  const [province, setProvince] = useState(provinces[0]!.code);
  const [year, setYear] = useState(defaultYear);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<string | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function send(mode: 'preview' | 'apply') {
    if (!file) return;
    setError(null);
    setProgress(t('uploading', { percent: 0 }));
    try {
      const result = await upload(`/api/imports/results?mode=${mode}`, file, (p) =>
        setProgress(p < 100 ? t('uploading', { percent: p }) : t('checking')),
      );
      setAnswer(result);
    } catch {
      setError(t('notApplied'));
    } finally {
      setProgress(null);
    }
  }

  const canApply =
    answer &&
    answer.problems.length === 0 &&
    answer.conflicts.length === 0 &&
    answer.changes.length > 0 &&
    answer.applied === undefined;
  return (
    <div className="space-y-6">
      <section className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        {provinces.length > 1 ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="import-province" className="text-sm font-medium">
              {t('province')}
            </label>
            <select
              id="import-province"
              value={province}
              onChange={(e) => setProvince(e.target.value)}
              className={inputClass}
            >
              <ProvinceOptions provinces={provinces} />
            </select>
          </div>
        ) : null}
        <div className="flex flex-col gap-1">
          <label htmlFor="import-year" className="text-sm font-medium">
            {t('year')}
          </label>
          <select
            id="import-year"
            value={year}
            onChange={(e) => setYear(Number(e.target.value))}
            className={inputClass}
          >
            <YearOptions />
          </select>
        </div>
        <a
          href={`/api/imports/results/template?province=${province}&year=${year}`}
          download
          className="rounded bg-slate-700 px-4 py-2 text-sm text-white"
        >
          {t('download')}
        </a>
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-col gap-1">
          <label htmlFor="import-file" className="text-sm font-medium">
            {t('file')}
          </label>
          <input
            id="import-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAnswer(null);
            }}
            className="text-sm"
          />
        </div>
        <div className="flex flex-wrap gap-3">
          <button
            type="button"
            onClick={() => void send('preview')}
            disabled={!file || progress !== null}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
          >
            {t('preview')}
          </button>
          <button
            type="button"
            onClick={() => void send('apply')}
            disabled={!canApply || progress !== null}
            className="rounded bg-emerald-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
          >
            {t('apply')}
          </button>
        </div>
        <div aria-live="polite" role="status" className="min-h-5 text-sm">
          {progress ? (
            <span className="flex items-center gap-2">
              <span className="inline-block h-2 w-40 overflow-hidden rounded bg-slate-200">
                <span className="block h-2 animate-pulse bg-brand-600" style={{ width: '100%' }} />
              </span>
              {progress}
            </span>
          ) : null}
          {error ? <span className="text-rose-700">{error}</span> : null}
          {answer ? (
            <span className={answer.applied ? 'font-medium text-emerald-700' : ''}>
              {answer.applied !== undefined
                ? answer.applied > 0
                  ? t('applied', { count: answer.applied })
                  : t('notApplied')
                : t('summary', {
                    rows: answer.rows,
                    changes: answer.changes.length,
                    problems: answer.problems.length,
                    conflicts: answer.conflicts.length,
                  })}
            </span>
          ) : null}
        </div>
      </section>
      {answer?.problems.length ? (
        <section
          aria-labelledby="import-problems"
          className="rounded-lg border border-rose-200 bg-rose-50 p-4"
        >
          <h2 id="import-problems" className="mb-2 font-semibold text-rose-900">
            {t('problemsTitle')}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm text-rose-900">
            {answer.problems.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {answer?.conflicts.length ? (
        <section
          aria-labelledby="import-conflicts"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4"
        >
          <h2 id="import-conflicts" className="mb-2 font-semibold text-amber-900">
            {t('conflictsTitle')}
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm text-amber-900">
            {answer.conflicts.map((p, i) => (
              <li key={i}>{p.message}</li>
            ))}
          </ul>
        </section>
      ) : null}
      {answer && answer.changes.length === 0 && answer.problems.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noChanges')}</p>
      ) : null}
      {answer?.changes.length ? (
        <section
          aria-labelledby="import-changes"
          className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm"
        >
          <h2 id="import-changes" className="px-4 pt-3 font-semibold">
            {t('changesTitle')}
          </h2>
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <thead className="bg-slate-50 text-left text-xs uppercase text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">
                  #
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('ward')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('criterion')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('before')}
                </th>
                <th scope="col" className="px-3 py-2">
                  {t('after')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {answer.changes.map((c) => (
                <tr key={c.row}>
                  <td className="px-3 py-2 text-slate-500">{c.row}</td>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    {wardName(c.unitName)}
                  </th>
                  <td className="px-3 py-2">{c.criterion}</td>
                  <td className="px-3 py-2">
                    {ts(c.before.state)} · {c.before.value ?? '—'} · {c.before.note}
                  </td>
                  <td className="px-3 py-2 font-medium">
                    {ts(c.after.state)} · {c.after.value ?? '—'} · {c.after.note}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
