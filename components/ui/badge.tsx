/** Colours in app/globals.css (.badge-<tone>). */
export type BadgeTone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

export function Badge({
  tone = 'neutral',
  title,
  children,
}: {
  tone?: BadgeTone;
  title?: string;
  children: React.ReactNode;
}) {
  return (
    <span title={title} className={`badge badge-${tone}`}>
      {children}
    </span>
  );
}
