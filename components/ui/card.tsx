/** A titled white panel; its heading names the region for screen readers. */
export function Card({
  id,
  title,
  intro,
  className = '',
  children,
}: {
  id: string;
  title: React.ReactNode;
  intro?: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}) {
  return (
    <section
      aria-labelledby={id}
      className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}
    >
      <h2 id={id} className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      {intro ? <p className="mb-3 text-sm text-slate-600">{intro}</p> : null}
      {children}
    </section>
  );
}
