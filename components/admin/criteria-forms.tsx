'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import {
  importCriteriaSetAction,
  setYearsAction,
  updateCriterionAction,
} from '@/lib/actions/criteria-sets';
import { numberLocaleOf, writeFigure } from '@/lib/domain/figures';
import { programmeYears } from '@/lib/domain/progress';
import { comparators, measureKinds } from '@/lib/validations/criteria-set';
import {
  ActionForm,
  ChoiceField,
  Field,
  FileField,
  FormFooter,
  TextAreaField,
} from '@/components/ui/form';
import { CheckboxGroup } from '@/components/ui/choice-groups';
import type { CriterionDefinition } from '@/lib/domain/measures';

const yearOptions = programmeYears.map((y) => ({ value: y, label: y }));

export interface EditableCriterion extends CriterionDefinition {
  id: number;
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
  const [state, action] = useActionState(updateCriterionAction, { status: 'idle' });
  const id = (name: string) => `c${c.id}-${name}`;
  // Written the way the form reads it back (lib/domain/figures.ts).
  const threshold = writeFigure(c.threshold, numberLocaleOf(useLocale()));
  return (
    <ActionForm state={state} action={action} className="grid gap-3 md:grid-cols-2">
      <input type="hidden" name="id" value={c.id} />
      <h2 className="font-semibold md:col-span-2">{t('criterion', { number: c.number })}</h2>
      <Field id={id('title')} name="title" label={t('titleVi')} defaultValue={c.title} />
      <Field id={id('titleEn')} name="titleEn" label={t('titleEn')} defaultValue={c.titleEn} />
      {(['description', 'descriptionEn'] as const).map((k) => (
        <TextAreaField key={k} id={id(k)} name={k} label={t(k)} defaultValue={c[k]} rows={2} />
      ))}
      <Field
        id={id('guidance')}
        name="evidenceGuidance"
        label={t('guidance')}
        defaultValue={c.evidenceGuidance}
      />
      <Field
        id={id('guidanceEn')}
        name="evidenceGuidanceEn"
        label={t('guidanceEn')}
        defaultValue={c.evidenceGuidanceEn}
      />
      <div className="flex items-center gap-2 md:col-span-2">
        <input
          id={id('evidenceRequired')}
          name="evidenceRequired"
          type="checkbox"
          defaultChecked={c.evidenceRequired}
          aria-describedby={id('evidenceRequired-hint')}
          className="h-4 w-4"
        />
        <label htmlFor={id('evidenceRequired')} className="text-sm">
          {t('evidenceRequired')}
        </label>
        <span id={id('evidenceRequired-hint')} className="text-xs text-slate-500">
          {t('evidenceRequiredHint')}
        </span>
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
            <input type="hidden" name="threshold" value={threshold} />
          </>
        ) : null}
        <ChoiceField
          id={id('kind')}
          name="measureKind"
          label={t('measure')}
          defaultValue={c.measureKind}
          choices={measureKinds.map((k) => ({ value: k, label: tm(k) }))}
        />
        <ChoiceField
          id={id('comparator')}
          name="comparator"
          label={t('comparator')}
          defaultValue={c.comparator ?? ''}
          empty={t('none')}
          choices={comparators.map((k) => ({ value: k, label: tm(`comparator.${k}`) }))}
        />
        <Field
          id={id('threshold')}
          name="threshold"
          label={t('threshold')}
          defaultValue={threshold}
          inputMode="decimal"
        />
      </fieldset>
      {c.measureKind === 'RATING'
        ? (['ratingScale', 'ratingScaleEn'] as const).map((k) => (
            <TextAreaField
              key={k}
              id={id(k)}
              name={k}
              label={t(k)}
              defaultValue={c[k].join('\n')}
              rows={4}
            />
          ))
        : null}
      <FormFooter label={t('save')} className="md:col-span-2" />
    </ActionForm>
  );
}

export function YearsForm({ id, years: selected }: { id: number; years: number[] }) {
  const t = useTranslations('criteria');
  const [state, action] = useActionState(setYearsAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="id" value={id} />
      <CheckboxGroup
        name="year"
        legend={t('yearsTitle')}
        legendHidden
        options={yearOptions}
        checked={selected}
      />
      <FormFooter label={t('saveYears')} variant="secondary" />
    </ActionForm>
  );
}

export function ImportCriteriaSetForm() {
  const t = useTranslations('criteria');
  const [state, action] = useActionState(importCriteriaSetAction, { status: 'idle' });
  return (
    <ActionForm state={state} action={action} className="grid gap-3 sm:grid-cols-2">
      <Field id="set-code" name="code" label={t('codeField')} required />
      <Field id="set-document" name="issuingDocument" label={t('documentField')} required />
      <Field id="set-title" name="title" label={t('titleField')} required />
      <Field id="set-title-en" name="titleEn" label={t('titleEnField')} required />
      <CheckboxGroup
        name="year"
        legend={t('yearsTitle')}
        options={yearOptions}
        className="sm:col-span-2"
      />
      <FileField
        id="set-file"
        name="file"
        label={t('file')}
        accept=".json,.csv"
        required
        className="sm:col-span-2"
      />
      <FormFooter label={t('import')} className="sm:col-span-2" />
    </ActionForm>
  );
}
