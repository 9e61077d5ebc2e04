'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button, buttonClass } from '@/components/ui/button';
import { columnsOf, DataTable } from '@/components/ui/data-table';
import { FileField } from '@/components/ui/form';
import { ProvinceField, YearField } from '@/components/ui/options';
import { wardName } from '@/lib/domain/units';
import { postForm } from '@/lib/forms/post-form';
import type { ResultState } from '@/lib/domain/attainment';

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
  before: { state: ResultState; value: number | null; note: string };
  after: { state: ResultState; value: number | null; note: string };
}
interface Answer {
  rows: number;
  problems: Problem[];
  conflicts: Problem[];
  changes: Change[];
  applied?: number;
}

/** Sends the file, showing its progress; an answer other than 200 is a failure. */
async function upload(url: string, file: File, onProgress: (percent: number) => void) {
  const body = new FormData();
  body.set('file', file);
  const answer = await postForm<Answer>(url, body, onProgress);
  if (answer.status !== 200 || !answer.body) throw new Error(String(answer.status));
  return answer.body;
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

  const side = (v: Change['before']) => `${ts(v.state)} · ${v.value ?? '—'} · ${v.note}`;
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
          <ProvinceField
            id="import-province"
            label={t('province')}
            value={province}
            onChange={(e) => setProvince(e.target.value)}
            provinces={provinces}
          />
        ) : null}
        <YearField
          id="import-year"
          label={t('year')}
          value={String(year)}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        <a
          href={`/api/imports/results/template?province=${province}&year=${year}`}
          download
          className={buttonClass('secondary')}
        >
          {t('download')}
        </a>
      </section>
      <section className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
        <FileField
          id="import-file"
          name="file"
          label={t('file')}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setAnswer(null);
          }}
        />
        <div className="flex flex-wrap gap-3">
          <Button onClick={() => void send('preview')} disabled={!file || progress !== null}>
            {t('preview')}
          </Button>
          <Button
            variant="secondary"
            onClick={() => void send('apply')}
            disabled={!canApply || progress !== null}
          >
            {t('apply')}
          </Button>
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
      <MessageList
        id="import-problems"
        tone="danger"
        title={t('problemsTitle')}
        items={answer?.problems}
      />
      <MessageList
        id="import-conflicts"
        tone="warning"
        title={t('conflictsTitle')}
        items={answer?.conflicts}
      />
      {answer && answer.changes.length === 0 && answer.problems.length === 0 ? (
        <p className="text-sm text-slate-600">{t('noChanges')}</p>
      ) : null}
      {answer?.changes.length ? (
        <DataTable
          caption={t('changesTitle')}
          captionVisible
          rows={answer.changes}
          rowKey={(c) => c.row}
          empty={t('noChanges')}
          columns={columnsOf<Change>()((k) => (k === 'row' ? '#' : t(k)), {
            row: { className: 'text-slate-500', cell: (c) => c.row },
            ward: { rowHeader: true, className: 'font-normal', cell: (c) => wardName(c.unitName) },
            criterion: (c) => c.criterion,
            before: (c) => side(c.before),
            after: { className: 'font-medium', cell: (c) => side(c.after) },
          })}
        />
      ) : null}
    </div>
  );
}

const tones = {
  danger: 'border-rose-200 bg-rose-50 text-rose-900',
  warning: 'border-amber-300 bg-amber-50 text-amber-900',
} as const;

/** A titled list of the file's problems or conflicts, each with its row. */
function MessageList({
  id,
  tone,
  title,
  items,
}: {
  id: string;
  tone: keyof typeof tones;
  title: string;
  items?: { message: string }[];
}) {
  if (!items?.length) return null;
  return (
    <section aria-labelledby={id} className={`rounded-lg border p-4 ${tones[tone]}`}>
      <h2 id={id} className="mb-2 font-semibold">
        {title}
      </h2>
      <ul className="list-disc space-y-1 pl-5 text-sm">
        {items.map((p, i) => (
          <li key={i}>{p.message}</li>
        ))}
      </ul>
    </section>
  );
}
