'use client';

import Link from '@/components/ui/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { createContext, useContext, useId } from 'react';
import { useFormStatus } from 'react-dom';
import type { ActionResult } from '@/lib/actions/result';
import { NUMBER_LOCALE_FIELD } from '@/lib/domain/figures';
import { Button, type ButtonVariant } from './button';

export const inputClass =
  'rounded border border-slate-300 bg-white px-3 py-2 text-sm aria-[invalid=true]:border-rose-500 disabled:bg-slate-100';

const FormState = createContext<ActionResult<unknown>>({ status: 'idle' });
/** Values a list's filters show (its URL's query), read by name like a refused form's. */
const ShownValues = createContext<Record<string, string | number | undefined>>({});

/** Gives the fields inside the values they show, by name: a filter bar's current query. */
export function FieldValues({
  values,
  children,
}: {
  values: Record<string, string | number | undefined>;
  children: React.ReactNode;
}) {
  return <ShownValues.Provider value={values}>{children}</ShownValues.Provider>;
}

/**
 * A form posting to a server action. Its fields read the action's last answer from here: after
 * a refusal each shows again what the user typed and marks its own error, in the user's language.
 * It tells the server the language its figures are written in. React itself renders it as a
 * multipart POST (so a form sent before the page's scripts run never puts a password in the
 * address): a `method` or `encType` here would only be overridden, with a warning.
 */
export function ActionForm({
  state,
  action,
  className,
  children,
  ...rest
}: Omit<React.ComponentProps<'form'>, 'action' | 'method' | 'encType'> & {
  state: ActionResult<unknown>;
  action: (formData: FormData) => void;
}) {
  return (
    <form action={action} className={className} {...rest}>
      <NumberLocaleField />
      <FormState.Provider value={state}>{children}</FormState.Provider>
    </form>
  );
}

/** The language the form's figures are written in (lib/validations/figures.ts). */
export function NumberLocaleField() {
  return <input type="hidden" name={NUMBER_LOCALE_FIELD} value={useLocale()} />;
}

/** The value a field shows: what the user sent before a refusal, else its starting value. */
export function useFieldState(
  name: string,
  fallback?: string | number | readonly string[],
  errorKey = name,
) {
  const state = useContext(FormState);
  const shown = useContext(ShownValues)[name];
  const sent = state.status === 'error' ? state.values?.[name] : undefined;
  return {
    errors: state.fieldErrors?.[errorKey],
    value: sent ?? fallback ?? (shown === undefined ? undefined : String(shown)),
    // A new key after each refusal makes the browser take the value the server sent back.
    key: state.status === 'error' ? JSON.stringify(sent ?? '') : 'initial',
  };
}

/** A label, the control, its hint and its errors, linked for screen readers. */
export function FieldShell({
  id,
  label,
  hint,
  errors,
  className = '',
  children,
}: {
  id: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  errors?: string[];
  className?: string;
  children: (describedBy: string | undefined, invalid: boolean) => React.ReactNode;
}) {
  // One line per distinct message: two rules can refuse a value with the same words.
  const shown = [...new Set(errors ?? [])];
  const ids = [hint ? `${id}-hint` : null, shown.length ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(ids || undefined, shown.length > 0)}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {shown.length === 1 ? (
        <p id={`${id}-error`} className="text-sm text-rose-700">
          {shown[0]}
        </p>
      ) : shown.length ? (
        <ul id={`${id}-error`} className="list-disc pl-5 text-sm text-rose-700">
          {shown.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

type Common = {
  name: string;
  label: React.ReactNode;
  hint?: React.ReactNode;
  id?: string;
  /** Where the action reports this field's errors, when not under its own name. */
  errorKey?: string;
  className?: string;
};

type Wired = {
  key: string;
  id: string;
  name: string;
  defaultValue?: string;
  className: string;
  'aria-describedby'?: string;
  'aria-invalid': boolean;
};

/**
 * The one wiring of every field: its id, label, hint and errors, and the value it shows (what the
 * user sent before a refusal, else `initial`; none for a password or a controlled control).
 */
function Control({
  name,
  label,
  hint,
  id,
  errorKey,
  className,
  initial,
  keep = true,
  render,
}: Common & {
  initial?: unknown;
  keep?: boolean;
  render: (wired: Wired) => React.ReactNode;
}) {
  const auto = useId();
  const field = useFieldState(name, initial as string | undefined, errorKey);
  const fieldId = id ?? `${auto}-${name}`;
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={field.errors} className={className}>
      {(describedBy, invalid) =>
        render({
          key: keep ? field.key : 'controlled',
          id: fieldId,
          name,
          defaultValue: keep ? (field.value as string | undefined) : undefined,
          className: inputClass,
          'aria-describedby': describedBy,
          'aria-invalid': invalid,
        })
      }
    </FieldShell>
  );
}

type Own<T> = Omit<T, 'name' | 'id' | 'className' | 'defaultValue'> & { defaultValue?: unknown };

/** Splits a field's props into the shared wiring and what goes on the control itself. */
function split<T extends Common & { defaultValue?: unknown }>(props: T) {
  const { name, label, hint, id, errorKey, className, defaultValue, ...own } = props;
  return [{ name, label, hint, id, errorKey, className, initial: defaultValue }, own] as const;
}

/** A text input (any type but checkbox and file) that keeps its value after a refusal. */
export function Field(props: Common & Own<React.InputHTMLAttributes<HTMLInputElement>>) {
  const [common, input] = split(props);
  return (
    <Control
      {...common}
      keep={input.type !== 'password' && input.value === undefined}
      render={({ key, ...wired }) => <input key={key} {...wired} {...input} />}
    />
  );
}

/**
 * A file input, labelled, with its hint and errors. Never refilled after a refusal: browsers let
 * no page set a file input's value.
 */
export function FileField(props: Common & Own<React.InputHTMLAttributes<HTMLInputElement>>) {
  const [common, input] = split(props);
  return (
    <Control
      {...common}
      keep={false}
      render={({ key, className: _input, ...wired }) => (
        <input key={key} {...wired} type="file" className="text-sm" {...input} />
      )}
    />
  );
}

/** A select that keeps its choice after a refusal (or is controlled by its owner). */
export function SelectField(props: Common & Own<React.SelectHTMLAttributes<HTMLSelectElement>>) {
  const [common, { children, ...select }] = split(props);
  return (
    <Control
      {...common}
      keep={select.value === undefined}
      render={({ key, ...wired }) => (
        <select key={key} {...wired} {...select}>
          {children}
        </select>
      )}
    />
  );
}

/**
 * A select of plain choices: an optional first "none / all" option (value ""), then `choices`
 * (value and label), then any other options given as children.
 */
export function ChoiceField({
  empty,
  choices = [],
  children,
  ...props
}: Common &
  Own<React.SelectHTMLAttributes<HTMLSelectElement>> & {
    empty?: React.ReactNode;
    choices?: readonly { value: string | number; label: React.ReactNode }[];
  }) {
  return (
    <SelectField {...props}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {choices.map((c) => (
        <option key={c.value} value={c.value}>
          {c.label}
        </option>
      ))}
      {children}
    </SelectField>
  );
}

/** A multi-line text that keeps its value after a refusal. */
export function TextAreaField(
  props: Common & Own<React.TextareaHTMLAttributes<HTMLTextAreaElement>>,
) {
  const [common, area] = split(props);
  return (
    <Control
      {...common}
      render={({ key, ...wired }) => <textarea key={key} {...wired} {...area} />}
    />
  );
}

/** The action's answer, announced; errors as alerts. */
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

/** The form's message and its submit button, disabled while the action runs. */
export function FormFooter({
  label,
  variant = 'primary',
  className = '',
  children,
}: {
  label: React.ReactNode;
  variant?: ButtonVariant;
  className?: string;
  children?: React.ReactNode;
}) {
  const state = useContext(FormState);
  return (
    <div className={className}>
      <FormMessage status={state.status} message={state.message} />
      {state.status === 'error' && state.reauth ? <ReauthLink /> : null}
      {children}
      <SubmitButton variant={variant} className="mt-2">
        {label}
      </SubmitButton>
    </div>
  );
}

/** After a sensitive action was refused for want of a recent sign-in: where to prove it again. */
function ReauthLink() {
  const t = useTranslations('reauth');
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const returnTo = `${pathname}${search ? `?${search}` : ''}`;
  return (
    <Link
      href={`/account/confirm?returnTo=${encodeURIComponent(returnTo)}`}
      className="text-sm font-medium text-brand-700 underline"
    >
      {t('link')}
    </Link>
  );
}

export function SubmitButton({
  variant = 'primary',
  className,
  children,
  ...props
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  const { pending } = useFormStatus();
  return (
    <Button type="submit" variant={variant} disabled={pending} className={className} {...props}>
      {children}
    </Button>
  );
}
