import { buttonClass } from './button';

/**
 * A list's filters: a GET form, so the filters live in the URL (bookmarkable, shareable, kept on
 * reload), with its fields and one submit button.
 */
export function FilterBar({
  label,
  submitLabel,
  className = '',
  children,
}: {
  label: string;
  submitLabel: string;
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
      {children}
      <button type="submit" className={buttonClass('secondary')}>
        {submitLabel}
      </button>
    </form>
  );
}
