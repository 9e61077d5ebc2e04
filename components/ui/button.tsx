const variants = {
  primary: 'rounded bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800',
  secondary:
    'rounded border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50',
  danger: 'rounded bg-rose-700 px-4 py-2 text-sm font-medium text-white hover:bg-rose-800',
  /** A small outlined button in a toolbar (a chart's or a table's downloads). */
  compact: 'rounded border border-slate-300 px-2 py-1 hover:bg-slate-50',
  link: 'text-sm text-brand-700 hover:underline',
  dangerLink: 'text-sm text-rose-700 hover:underline',
} as const;

export type ButtonVariant = keyof typeof variants;

/** The classes of a button, for links and labels that look like one. */
export function buttonClass(variant: ButtonVariant = 'primary', extra = ''): string {
  return `${variants[variant]} disabled:cursor-not-allowed disabled:opacity-60 ${extra}`.trim();
}

/** The app's one button. */
export function Button({
  variant = 'primary',
  className = '',
  type = 'button',
  ...props
}: React.ComponentProps<'button'> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClass(variant, className)} {...props} />;
}
