import { buttonClass } from './button';
import { FieldValues } from './form';

/**
 * A list's filters: a GET form, so the filters live in the URL (bookmarkable, shareable, kept on
 * reload), with its fields and one submit button.
 */
export function FilterBar({
  label,
  submitLabel,
  values = {},
  className = '',
  children,
}: {
  label: string;
  submitLabel: string;
  /** The query as it stands: each field shows its own value, by name. */
  values?: Record<string, string | number | undefined>;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <form
      method="get"
      role="search"
      aria-label={label}
      className={`mb-4 flex flex-wrap items-end gap-3 ${className}`}
    >
      <FieldValues values={values}>{children}</FieldValues>
      <button type="submit" className={buttonClass('secondary')}>
        {submitLabel}
      </button>
    </form>
  );
}
