/** A secret shown once (a temporary password, an API token), announced, with what to do next. */
export function ShownOnce({
  title,
  hint,
  children,
}: {
  title: React.ReactNode;
  hint?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <div role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
      <p className="font-medium">{title}</p>
      {children}
      {hint ? <p className="text-amber-900">{hint}</p> : null}
    </div>
  );
}
