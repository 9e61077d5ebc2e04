'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import {
  importCriteriaSetAction,
  setYearsAction,
  updateCriterionAction,
} from '@/lib/actions/criteria-sets';
import type { ActionResult } from '@/lib/actions/result';
import { programmeYears } from '@/lib/domain/progress';
import { comparators, measureKinds } from '@/lib/validations/criteria-set';
import { FormField, FormMessage, inputClass } from '@/components/ui/form-field';

const initial: ActionResult = { status: 'idle' };
const years = programmeYears;

export interface EditableCriterion {
  id: number;
  number: number;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  evidenceGuidance: string;
  measureKind: string;
  comparator: string | null;
  threshold: number | null;
  ratingScale: string[];
  ratingScaleEn: string[];
}

export function CriterionEditForm({
  criterion: c,
  measureLocked,
}: {
  criterion: EditableCriterion;
  measureLocked: boolean;
}) {
  const t = useTranslations('criteria');
  const tm = useTranslations('measures');
  const [state, action, pending] = useActionState(updateCriterionAction, initial);
  const e = state.fieldErrors ?? {};
  const id = (name: string) => `c${c.id}-${name}`;
  return (
    <form action={action} className="grid gap-3 md:grid-cols-2">
      <input type="hidden" name="id" value={c.id} />
      <h2 className="font-semibold md:col-span-2">{t('criterion', { number: c.number })}</h2>
      <FormField id={id('title')} label={t('titleVi')} errors={e.title}>
        {(d, invalid) => (
          <input
            id={id('title')}
            name="title"
            defaultValue={c.title}
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id={id('titleEn')} label={t('titleEn')} errors={e.titleEn}>
        {(d, invalid) => (
          <input
            id={id('titleEn')}
            name="titleEn"
            defaultValue={c.titleEn}
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id={id('description')} label={t('description')} errors={e.description}>
        {(d) => (
          <textarea
            id={id('description')}
            name="description"
            defaultValue={c.description}
            rows={2}
            className={inputClass}
            aria-describedby={d}
          />
        )}
      </FormField>
      <FormField id={id('descriptionEn')} label={t('descriptionEn')} errors={e.descriptionEn}>
        {(d) => (
          <textarea
            id={id('descriptionEn')}
            name="descriptionEn"
            defaultValue={c.descriptionEn}
            rows={2}
            className={inputClass}
            aria-describedby={d}
          />
        )}
      </FormField>
      <div className="md:col-span-2">
        <FormField id={id('guidance')} label={t('guidance')} errors={e.evidenceGuidance}>
          {(d) => (
            <input
              id={id('guidance')}
              name="evidenceGuidance"
              defaultValue={c.evidenceGuidance}
              className={inputClass}
              aria-describedby={d}
            />
          )}
        </FormField>
      </div>
      <fieldset
        className="grid gap-3 rounded border border-slate-200 p-3 md:col-span-2 md:grid-cols-3"
        disabled={measureLocked}
      >
        <legend className="px-1 text-sm font-medium">
          {t('measure')}
          {measureLocked ? ` — ${t('measureLocked')}` : ''}
        </legend>
        {measureLocked ? (
          <>
            {/* A disabled fieldset sends nothing: keep the measure as it is. */}
            <input type="hidden" name="measureKind" value={c.measureKind} />
            <input type="hidden" name="comparator" value={c.comparator ?? ''} />
            <input type="hidden" name="threshold" value={c.threshold ?? ''} />
          </>
        ) : null}
        <FormField id={id('kind')} label={t('measure')} errors={e.measureKind}>
          {(d) => (
            <select
              id={id('kind')}
              name="measureKind"
              defaultValue={c.measureKind}
              className={inputClass}
              aria-describedby={d}
            >
              {measureKinds.map((k) => (
                <option key={k} value={k}>
                  {tm(k)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={id('comparator')} label={t('comparator')} errors={e.comparator}>
          {(d) => (
            <select
              id={id('comparator')}
              name="comparator"
              defaultValue={c.comparator ?? ''}
              className={inputClass}
              aria-describedby={d}
            >
              <option value="">{t('none')}</option>
              {comparators.map((k) => (
                <option key={k} value={k}>
                  {tm(`comparator.${k}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField id={id('threshold')} label={t('threshold')} errors={e.threshold}>
          {(d, invalid) => (
            <input
              id={id('threshold')}
              name="threshold"
              defaultValue={c.threshold ?? ''}
              inputMode="decimal"
              className={inputClass}
              aria-describedby={d}
              aria-invalid={invalid}
            />
          )}
        </FormField>
      </fieldset>
      {c.measureKind === 'RATING' ? (
        <>
          <FormField id={id('scale')} label={t('scale')} errors={e.ratingScale}>
            {(d, invalid) => (
              <textarea
                id={id('scale')}
                name="ratingScale"
                defaultValue={c.ratingScale.join('\n')}
                rows={4}
                className={inputClass}
                aria-describedby={d}
                aria-invalid={invalid}
              />
            )}
          </FormField>
          <FormField id={id('scaleEn')} label={t('scaleEn')} errors={e.ratingScaleEn}>
            {(d, invalid) => (
              <textarea
                id={id('scaleEn')}
                name="ratingScaleEn"
                defaultValue={c.ratingScaleEn.join('\n')}
                rows={4}
                className={inputClass}
                aria-describedby={d}
                aria-invalid={invalid}
              />
            )}
          </FormField>
        </>
      ) : null}
      <div className="flex items-center gap-3 md:col-span-2">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-1.5 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t('save')}
        </button>
        <FormMessage status={state.status} message={state.message} />
      </div>
    </form>
  );
}

export function YearsForm({ id, years: selected }: { id: number; years: number[] }) {
  const t = useTranslations('criteria');
  const [state, action, pending] = useActionState(setYearsAction, initial);
  return (
    <form action={action} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="id" value={id} />
      <fieldset className="flex flex-wrap gap-3">
        <legend className="sr-only">{t('yearsTitle')}</legend>
        {years.map((y) => (
          <label key={y} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="year" value={y} defaultChecked={selected.includes(y)} />{' '}
            {y}
          </label>
        ))}
      </fieldset>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-slate-700 px-3 py-1.5 text-sm text-white disabled:opacity-60"
      >
        {t('saveYears')}
      </button>
      <FormMessage status={state.status} message={state.message} />
    </form>
  );
}

export function ImportCriteriaSetForm() {
  const t = useTranslations('criteria');
  const [state, action, pending] = useActionState(importCriteriaSetAction, initial);
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} className="grid gap-3 sm:grid-cols-2">
      <FormField id="set-code" label={t('codeField')} errors={e.code}>
        {(d, invalid) => (
          <input
            id="set-code"
            name="code"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="set-document" label={t('documentField')} errors={e.issuingDocument}>
        {(d, invalid) => (
          <input
            id="set-document"
            name="issuingDocument"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="set-title" label={t('titleField')} errors={e.title}>
        {(d, invalid) => (
          <input
            id="set-title"
            name="title"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <FormField id="set-title-en" label={t('titleEnField')} errors={e.titleEn}>
        {(d, invalid) => (
          <input
            id="set-title-en"
            name="titleEn"
            required
            className={inputClass}
            aria-describedby={d}
            aria-invalid={invalid}
          />
        )}
      </FormField>
      <fieldset className="flex flex-wrap gap-3 sm:col-span-2">
        <legend className="text-sm font-medium">{t('yearsTitle')}</legend>
        {years.map((y) => (
          <label key={y} className="flex items-center gap-1 text-sm">
            <input type="checkbox" name="year" value={y} /> {y}
          </label>
        ))}
      </fieldset>
      <div className="sm:col-span-2">
        <FormField id="set-file" label={t('file')}>
          {(d) => (
            <input
              id="set-file"
              name="file"
              type="file"
              accept=".json,.csv"
              required
              className="text-sm"
              aria-describedby={d}
            />
          )}
        </FormField>
      </div>
      <div className="sm:col-span-2">
        <FormMessage status={state.status} message={state.message} />
        {e.file?.length ? (
          <ul className="mt-1 list-disc pl-5 text-sm text-rose-700">
            {e.file.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <button
          type="submit"
          disabled={pending}
          className="mt-2 rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {t('import')}
        </button>
      </div>
    </form>
  );
}
