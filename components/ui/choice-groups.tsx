'use client';

import { useFieldState } from './form';

/** A group of checkboxes under one name; after a refusal the boxes the user ticked stay ticked. */
export function CheckboxGroup({
  name,
  legend,
  legendHidden = false,
  options,
  checked = [],
  className = '',
}: {
  name: string;
  legend: React.ReactNode;
  legendHidden?: boolean;
  options: readonly { value: string | number; label: React.ReactNode }[];
  checked?: readonly (string | number)[];
  className?: string;
}) {
  const field = useFieldState(name, checked.map(String));
  const ticked = new Set([field.value ?? []].flat().map(String));
  return (
    <fieldset className={`flex flex-wrap gap-3 ${className}`}>
      <legend className={legendHidden ? 'sr-only' : 'text-sm font-medium'}>{legend}</legend>
      {options.map((o) => (
        <label key={`${field.key}-${o.value}`} className="flex items-center gap-1 text-sm">
          <input
            type="checkbox"
            name={name}
            value={o.value}
            defaultChecked={ticked.has(String(o.value))}
          />{' '}
          {o.label}
        </label>
      ))}
      {field.errors?.length ? (
        <p className="w-full text-sm text-rose-700">{field.errors.join(' ')}</p>
      ) : null}
    </fieldset>
  );
}

/** A set of radio buttons under one legend. */
export function RadioGroup({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: React.ReactNode;
  options: readonly { value: string; label: React.ReactNode }[];
  value: string;
  onChange?: (e: React.ChangeEvent<HTMLInputElement>) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className="flex flex-wrap gap-3 text-sm">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-1">
            <input
              type="radio"
              name={name}
              value={o.value}
              defaultChecked={o.value === value}
              onChange={onChange}
            />{' '}
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
