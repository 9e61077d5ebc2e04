'use client';

import { useTranslations } from 'next-intl';
import type { MeasureRule } from '@/lib/i18n/threshold-text';
import { valueLabel } from '@/lib/i18n/result-text';

export type MeasureData = MeasureRule;

export interface MeasureFields {
  value: string;
  baseline: string;
}

/** The look of every control in a criterion's row. */
export const control =
  'rounded border border-slate-300 px-2 py-1.5 text-sm aria-[invalid=true]:border-rose-500';

/** A control of a criterion's row with its small label above it. */
export function RowField({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: React.ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

/**
 * The value of one criterion, shaped by its measure: yes/no, a level of the rating scale, this
 * period and last year's, or a figure (with % for a percentage). Its error, whatever the kind,
 * is shown under it and linked to the control.
 */
export function MeasureInput({
  data,
  fields,
  disabled,
  onChange,
  fieldId,
  error,
}: {
  data: MeasureData;
  fields: MeasureFields;
  disabled: boolean;
  onChange: (patch: Partial<MeasureFields>) => void;
  fieldId: (name: string) => string;
  error?: string;
}) {
  const tm = useTranslations('measures');
  const wired = (name: keyof MeasureFields) => ({
    id: fieldId(name),
    name,
    value: fields[name],
    disabled,
    className: control,
    'aria-invalid': name === 'value' && Boolean(error),
    'aria-describedby': name === 'value' && error ? fieldId('value-error') : undefined,
  });
  const errorText = error ? (
    <p id={fieldId('value-error')} className="text-xs text-rose-700 sm:col-span-2">
      {error}
    </p>
  ) : null;
  const choice = (options: React.ReactNode) => (
    <RowField id={fieldId('value')} label={valueLabel(data, tm)}>
      <select {...wired('value')} onChange={(e) => onChange({ value: e.target.value })}>
        {options}
      </select>
      {errorText}
    </RowField>
  );
  if (data.measureKind === 'BOOLEAN')
    return choice(
      <>
        <option value="">—</option>
        <option value="1">{tm('yes')}</option>
        <option value="0">{tm('no')}</option>
      </>,
    );
  if (data.measureKind === 'RATING')
    return choice(
      <>
        <option value="">{tm('chooseLevel')}</option>
        {data.ratingScale.map((level, i) => (
          <option key={level} value={i}>
            {level}
          </option>
        ))}
      </>,
    );
  const figure = (name: keyof MeasureFields, text: string, decimal: boolean) => (
    <RowField id={fieldId(name)} label={text}>
      <div className="flex items-center gap-1">
        <input
          {...wired(name)}
          inputMode={decimal ? 'decimal' : 'numeric'}
          onChange={(e) => onChange({ [name]: e.target.value })}
          className={`${control} w-full`}
        />
        {data.measureKind === 'PERCENT' ? <span aria-hidden="true">%</span> : null}
      </div>
    </RowField>
  );
  if (data.measureKind === 'CHANGE')
    return (
      <div className="grid grid-cols-2 gap-2">
        {figure('value', tm('thisPeriod'), false)}
        {figure('baseline', tm('lastYear'), false)}
        {errorText}
      </div>
    );
  return (
    <div className="flex flex-col gap-1">
      {figure('value', tm('value'), data.measureKind === 'PERCENT')}
      {errorText}
    </div>
  );
}
