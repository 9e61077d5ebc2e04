'use client';

import { useCallback, useEffect, useRef, useState, useTransition } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { saveResultAction, type SaveResultData } from '@/lib/actions/assessments';
import type { ActionResult } from '@/lib/actions/result';
import { resultStates, type ResultState } from '@/lib/domain/attainment';
import { memberOf } from '@/lib/domain/vocabulary';
import { deriveOutcome, isDerivable } from '@/lib/domain/measures';
import {
  NUMBER_LOCALE_FIELD,
  numberLocaleOf,
  readFigure,
  writeFigure,
  type NumberLocale,
} from '@/lib/domain/figures';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { control, MeasureInput, RowField } from './measure-input';
import { CriterionShell } from './criterion-shell';
import { drafts } from './drafts';
import { useUnsavedMark } from './unsaved-changes';
import type { CriterionRowData } from '@/lib/domain/sheet-items';

interface Fields {
  state: ResultState;
  value: string;
  baseline: string;
  note: string;
}

const initial: ActionResult<SaveResultData> = { status: 'idle' };
/** A typed figure for the live preview: what the server would read, or none. */
function toNumber(text: string, locale: NumberLocale): number | null {
  const reading = readFigure(text, locale);
  return reading.ok ? reading.value : null;
}

/** A criterion the signed-in user may change: the result form, saved on its own, kept as a draft. */
export function CriterionEditor({
  data,
  children,
}: {
  data: CriterionRowData;
  children?: React.ReactNode;
}) {
  const t = useTranslations('sheet');
  const tm = useTranslations('measures');
  const ts = useTranslations('states');
  const locale = numberLocaleOf(useLocale());
  const mark = useUnsavedMark();
  const [saved, setSaved] = useState<Fields>({
    state: data.state,
    value: writeFigure(data.value, locale),
    baseline: writeFigure(data.baseline, locale),
    note: data.note,
  });
  const [fields, setFields] = useState<Fields>(saved);
  const [version, setVersion] = useState(data.version);
  const [state, setState] = useState<ActionResult<SaveResultData>>(initial);
  const [pending, startTransition] = useTransition();
  const dirty = JSON.stringify(fields) !== JSON.stringify(saved);
  const key = `criterion-${data.resultId}`;
  const draftKey = `kieumau:draft:${data.draftOwner}:${data.resultId}`;
  const [restoredAt, setRestoredAt] = useState<string | null>(null);

  // After hydration (storage is the browser's): offer back what was typed and not saved, over
  // the version it started from, so saving it over a newer save meets the conflict check.
  useEffect(() => {
    const draft = drafts.read<Fields>(draftKey);
    if (!draft || JSON.stringify(draft.fields) === JSON.stringify(saved)) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- storage exists only after hydration
    setFields(draft.fields);
    setVersion(draft.version);
    setRestoredAt(draft.at);
    // Once, on arrival; later drafts are this page's own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  // "Lưu tất cả" submits this form as its own "Lưu" would.
  const formRef = useRef<HTMLFormElement>(null);
  const save = useCallback(() => formRef.current?.requestSubmit(), []);
  useEffect(() => {
    mark(key, dirty, save);
    drafts.write(draftKey, dirty ? { fields, version, at: new Date().toISOString() } : null);
  }, [mark, key, dirty, draftKey, fields, version, save]);

  function discardDraft() {
    setFields(saved);
    setVersion(data.version);
    setRestoredAt(null);
  }

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const submitted = fields;
    startTransition(async () => {
      let answer: ActionResult<SaveResultData>;
      try {
        answer = await saveResultAction(initial, formData);
      } catch {
        // The request never came back (a dropped connection, a restarting server): keep what was
        // typed, say so beside the form, and let "Lưu" try again.
        setState({ status: 'error', message: t('saveUnreached') });
        return;
      }
      setState(answer);
      if (answer.status === 'success' && answer.data?.version) {
        setVersion(answer.data.version);
        // Shown back as stored, written the language's way ("1000" comes back as "1.000").
        const stored = {
          ...submitted,
          state: memberOf(resultStates, answer.data.state) ? answer.data.state : submitted.state,
          value: writeFigure(answer.data.value ?? null, locale),
          baseline: writeFigure(answer.data.baseline ?? null, locale),
        };
        setSaved(stored);
        setFields((current) =>
          JSON.stringify(current) === JSON.stringify(submitted) ? stored : current,
        );
      }
      // A newer version exists: adopt its number so the user's kept input can be saved over it.
      if (answer.data?.conflict) setVersion(answer.data.conflict.version);
    });
  }

  const measure = {
    measureKind: data.measureKind,
    comparator: data.comparator,
    threshold: data.threshold,
  };
  const derivable = isDerivable(measure);
  const derived = deriveOutcome(measure, {
    value: toNumber(fields.value, locale),
    baseline: toNumber(fields.baseline, locale),
  });

  const setValue = (patch: Partial<Fields>) => {
    setFields((f) => {
      const next = { ...f, ...patch };
      // When the figure decides the result, follow it, unless the assessor chose "not yet due".
      if (derivable && next.state !== 'NOT_DUE') {
        const outcome = deriveOutcome(measure, {
          value: toNumber(next.value, locale),
          baseline: toNumber(next.baseline, locale),
        });
        if (outcome) next.state = outcome;
      }
      return next;
    });
  };

  // A change is judged against the same period last year: last year's figure, one tap away
  // while the field is empty (never filled in silently: the user sees it and saves it).
  const lastYearBaseline =
    data.measureKind === 'CHANGE' && fields.baseline.trim() === '' && data.lastYear?.value != null
      ? writeFigure(data.lastYear.value, locale)
      : null;

  const fieldId = (name: string) => `r${data.resultId}-${name}`;
  const valueError = state.fieldErrors?.value?.[0] ?? state.fieldErrors?.baseline?.[0];
  const conflict = state.data?.conflict;

  return (
    <CriterionShell data={data} state={saved.state}>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        className="mt-3 grid gap-3 md:grid-cols-[1fr_1fr_2fr_auto] md:items-end"
      >
        <input type="hidden" name="resultId" value={data.resultId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name={NUMBER_LOCALE_FIELD} value={locale} />
        <RowField id={fieldId('state')} label={t('state')}>
          <select
            id={fieldId('state')}
            name="state"
            value={fields.state}
            disabled={pending}
            onChange={(e) => {
              const state = e.target.value;
              if (memberOf(resultStates, state)) setFields((f) => ({ ...f, state }));
            }}
            className={control}
          >
            {resultStates.map((s) => (
              <option key={s} value={s}>
                {ts(s)}
              </option>
            ))}
          </select>
        </RowField>
        <MeasureInput
          data={data}
          fields={fields}
          disabled={pending}
          onChange={setValue}
          fieldId={fieldId}
          error={valueError}
        />
        <RowField id={fieldId('note')} label={t('note')}>
          <textarea
            id={fieldId('note')}
            name="note"
            rows={1}
            value={fields.note}
            disabled={pending}
            maxLength={4000}
            onChange={(e) => setFields((f) => ({ ...f, note: e.target.value }))}
            className={control}
          />
        </RowField>
        <button
          type="submit"
          disabled={pending || !dirty}
          className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-50"
        >
          {pending ? t('saving') : t('save')}
        </button>
        {lastYearBaseline !== null ? (
          <p className="text-xs md:col-span-4">
            <button
              type="button"
              onClick={() => setValue({ baseline: lastYearBaseline })}
              className="text-brand-700 underline"
            >
              {t('useLastYear', { year: data.lastYear!.year, value: lastYearBaseline })}
            </button>
          </p>
        ) : null}
        {derivable && derived ? (
          <p className="text-xs text-slate-600 md:col-span-4">
            {tm('derived', { state: ts(derived) })}
          </p>
        ) : null}
        {restoredAt && dirty ? (
          <p className="text-sm text-amber-900 md:col-span-4" role="status">
            {t('draftRestored', { time: formatDateTime(restoredAt, locale) })}{' '}
            <button type="button" onClick={discardDraft} className="underline">
              {t('draftDiscard')}
            </button>
          </p>
        ) : null}
        <div aria-live="polite" className="text-sm md:col-span-4">
          {dirty ? <span className="mr-2 font-medium text-amber-700">{t('unsaved')}</span> : null}
          {state.status === 'success' && !dirty ? (
            <span className="text-emerald-700">{state.message}</span>
          ) : null}
          {/* The field's own error shows beside it; here, what the whole save met. */}
          {state.status === 'error' && !conflict ? (
            <span role="alert" className="text-rose-700">
              {state.message === valueError ? t('fixField') : state.message}
            </span>
          ) : null}
          {state.status === 'idle' && data.updatedBy && data.savedAt ? (
            <span className="text-xs text-slate-500">
              {t('lastSaved', {
                date: formatDateTime(data.savedAt, locale),
                name: data.updatedBy,
              })}
            </span>
          ) : null}
        </div>
        {conflict ? (
          <div
            role="alert"
            className="rounded border border-rose-300 bg-rose-50 p-3 text-sm md:col-span-4"
          >
            <p className="font-semibold text-rose-800">{t('conflictTitle')}</p>
            <p>{state.message}</p>
            <p className="mt-1">
              {t('conflictBody', {
                name: conflict.updatedBy ?? '—',
                date: conflict.savedAt ? formatDateTime(conflict.savedAt, locale) : '—',
                state: ts(conflict.state),
                value: conflict.value === null ? '—' : formatNumber(conflict.value, locale, 2),
                note: conflict.note,
              })}
            </p>
            <p className="mt-1 text-slate-700">{t('conflictKeep')}</p>
          </div>
        ) : null}
      </form>
      {children}
    </CriterionShell>
  );
}
