'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { addEvidenceAction, removeEvidenceAction } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import { formatDate, formatNumber } from '@/lib/format';

export interface EvidenceItem {
  id: number;
  kind: 'FILE' | 'LINK' | 'NOTE';
  title: string;
  periodFrom: string | null;
  periodTo: string | null;
  url: string | null;
  note: string;
  fileName: string | null;
  size: number | null;
  createdAt: string;
  createdBy: string | null;
}

const initial: ActionResult = { status: 'idle' };

function RemoveButton({ id, label }: { id: number; label: string }) {
  const [state, action, pending] = useActionState(removeEvidenceAction, initial);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="evidenceId" value={id} />
      <button
        type="submit"
        disabled={pending}
        className="text-xs text-rose-700 hover:underline disabled:opacity-50"
      >
        {label}
      </button>
      {state.status === 'error' ? (
        <span role="alert" className="ml-2 text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function EvidenceList({
  resultId,
  items,
  editable,
  maxMb,
}: {
  resultId: number;
  items: EvidenceItem[];
  editable: boolean;
  maxMb: number;
}) {
  const t = useTranslations('sheet');
  const locale = useLocale();
  const [kind, setKind] = useState<'FILE' | 'LINK' | 'NOTE'>('FILE');
  const tEvidence = useTranslations('evidence');
  const tooLarge = tEvidence('tooLarge', { mb: maxMb });
  // A refused upload (the server cuts bodies over the limit before reading them) answers an
  // error, not the crash page: the form and what was typed stay.
  const [state, action, pending] = useActionState(
    async (prev: typeof initial, formData: FormData) => {
      const file = formData.get('file');
      if (file instanceof File && file.size > maxMb * 1024 * 1024)
        return { status: 'error' as const, message: tooLarge };
      try {
        return await addEvidenceAction(prev, formData);
      } catch {
        return { status: 'error' as const, message: tooLarge };
      }
    },
    initial,
  );
  const [tooBig, setTooBig] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const id = (name: string) => `e${resultId}-${name}`;
  useEffect(() => {
    if (state.status === 'success') formRef.current?.reset();
  }, [state]);
  const e = state.fieldErrors ?? {};

  return (
    <section
      className="mt-3 border-t border-slate-100 pt-3"
      aria-labelledby={`r${resultId}-evidence r${resultId}-title`}
    >
      <h4 id={`r${resultId}-evidence`} className="text-sm font-medium text-slate-700">
        {t('evidence')}
      </h4>
      {items.length === 0 ? <p className="text-xs text-slate-500">{t('noEvidence')}</p> : null}
      <ul className="mt-1 space-y-1 text-sm">
        {items.map((item) => (
          <li key={item.id} className="flex flex-wrap items-baseline gap-x-2">
            <span className="text-xs uppercase text-slate-500">{t(`kind.${item.kind}`)}</span>
            {item.kind === 'FILE' ? (
              <a
                href={`/api/evidence/${item.id}`}
                download
                className="text-brand-700 hover:underline"
              >
                {item.title}
              </a>
            ) : item.kind === 'LINK' && item.url ? (
              <a
                href={item.url}
                target="_blank"
                rel="noopener noreferrer nofollow"
                className="text-brand-700 hover:underline"
              >
                {item.title}
              </a>
            ) : (
              <span className="font-medium">{item.title}</span>
            )}
            {item.fileName ? (
              <span className="text-xs text-slate-500">
                {item.fileName} · {formatNumber((item.size ?? 0) / 1024, locale, 0)} KB
              </span>
            ) : null}
            {item.periodFrom || item.periodTo ? (
              <span className="text-xs text-slate-500">
                {item.periodFrom ? formatDate(item.periodFrom, locale) : '…'} –{' '}
                {item.periodTo ? formatDate(item.periodTo, locale) : '…'}
              </span>
            ) : null}
            {item.kind === 'NOTE' && item.note ? (
              <span className="w-full whitespace-pre-wrap text-slate-700">{item.note}</span>
            ) : null}
            {editable ? <RemoveButton id={item.id} label={t('remove')} /> : null}
          </li>
        ))}
      </ul>
      {editable ? (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-brand-700">{t('addEvidence')}</summary>
          <form
            ref={formRef}
            action={action}
            onSubmit={(event) => {
              // Checked before sending, so nothing is lost and no 20 MB upload is wasted.
              const file = new FormData(event.currentTarget).get('file');
              if (file instanceof File && file.size > maxMb * 1024 * 1024) {
                event.preventDefault();
                setTooBig(true);
              } else setTooBig(false);
            }}
            className="mt-2 grid gap-2 rounded bg-slate-50 p-3 sm:grid-cols-2"
          >
            <input type="hidden" name="resultId" value={resultId} />
            <div className="flex flex-col gap-1">
              <label htmlFor={id('kind')} className="text-xs font-medium">
                {t('evidenceKind')}
              </label>
              <select
                id={id('kind')}
                name="kind"
                value={kind}
                onChange={(ev) => setKind(ev.target.value as typeof kind)}
                className="rounded border border-slate-300 px-2 py-1 text-sm"
              >
                <option value="FILE">{t('kind.FILE')}</option>
                <option value="LINK">{t('kind.LINK')}</option>
                <option value="NOTE">{t('kind.NOTE')}</option>
              </select>
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={id('title')} className="text-xs font-medium">
                {t('evidenceTitle')}
              </label>
              <input
                id={id('title')}
                name="title"
                required
                maxLength={200}
                className="rounded border border-slate-300 px-2 py-1 text-sm"
                aria-invalid={Boolean(e.title)}
                aria-describedby={e.title ? id('title-error') : undefined}
              />
              {e.title ? (
                <p id={id('title-error')} className="text-xs text-rose-700">
                  {e.title.join(' ')}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={id('from')} className="text-xs font-medium">
                {t('periodFrom')}
              </label>
              <input
                id={id('from')}
                name="periodFrom"
                type="date"
                className="rounded border border-slate-300 px-2 py-1 text-sm"
              />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={id('to')} className="text-xs font-medium">
                {t('periodTo')}
              </label>
              <input
                id={id('to')}
                name="periodTo"
                type="date"
                className="rounded border border-slate-300 px-2 py-1 text-sm"
                aria-invalid={Boolean(e.periodTo)}
              />
              {e.periodTo ? <p className="text-xs text-rose-700">{e.periodTo.join(' ')}</p> : null}
            </div>
            {kind === 'FILE' ? (
              <div className="flex flex-col gap-1 sm:col-span-2">
                <label htmlFor={id('file')} className="text-xs font-medium">
                  {t('file', { max: maxMb })}
                </label>
                <input
                  id={id('file')}
                  name="file"
                  type="file"
                  required
                  accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.xls,.xlsx"
                  className="text-sm"
                />
              </div>
            ) : kind === 'LINK' ? (
              <div className="flex flex-col gap-1 sm:col-span-2">
                <label htmlFor={id('url')} className="text-xs font-medium">
                  {t('url')}
                </label>
                <input
                  id={id('url')}
                  name="url"
                  type="url"
                  required
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                  aria-invalid={Boolean(e.url)}
                />
                {e.url ? <p className="text-xs text-rose-700">{e.url.join(' ')}</p> : null}
              </div>
            ) : (
              <div className="flex flex-col gap-1 sm:col-span-2">
                <label htmlFor={id('note')} className="text-xs font-medium">
                  {t('evidenceNote')}
                </label>
                <textarea
                  id={id('note')}
                  name="note"
                  required
                  maxLength={4000}
                  rows={3}
                  className="rounded border border-slate-300 px-2 py-1 text-sm"
                />
              </div>
            )}
            <div className="flex items-center gap-3 sm:col-span-2">
              <button
                type="submit"
                disabled={pending}
                className="rounded bg-slate-700 px-3 py-1 text-sm text-white disabled:opacity-50"
              >
                {pending ? t('uploading') : t('add')}
              </button>
              <span
                aria-live="polite"
                className={`text-sm ${tooBig || state.status === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
              >
                {tooBig ? tooLarge : state.status === 'idle' ? '' : state.message}
              </span>
            </div>
          </form>
        </details>
      ) : null}
    </section>
  );
}
