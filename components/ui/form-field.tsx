/** A labelled input whose errors are announced and linked by aria-describedby. */
export function FormField({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (describedBy: string | undefined, invalid: boolean) => React.ReactNode;
}) {
  const ids = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(ids || undefined, Boolean(errors?.length))}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm text-rose-700">
          {errors.join(' ')}
        </p>
      ) : null}
    </div>
  );
}

export const inputClass =
  'rounded border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-rose-500 disabled:bg-slate-100';

export function FormMessage({
  status,
  message,
}: {
  status: 'idle' | 'error' | 'success';
  message?: string;
}) {
  return (
    <p
      aria-live="polite"
      role={status === 'error' ? 'alert' : 'status'}
      className={`min-h-5 text-sm ${status === 'error' ? 'text-rose-700' : 'text-emerald-700'}`}
    >
      {status === 'idle' ? '' : message}
    </p>
  );
}
