import { DemoBanner } from '@/components/layout/demo-banner';

/** The sign-in pages' frame: the demo banner, and one card on the brand background. */
export function SignInFrame({
  title,
  intro,
  corner,
  below,
  children,
}: {
  title: React.ReactNode;
  intro: React.ReactNode;
  /** Beside the title (the language switch). */
  corner?: React.ReactNode;
  /** Under the card (the demo accounts). */
  below?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    <>
      <DemoBanner />
      <main
        id="main"
        className="flex min-h-screen flex-col items-center justify-center gap-6 bg-brand-900 px-4 py-10"
      >
        <div className="w-full max-w-md rounded-lg bg-white p-8 shadow-xl">
          <div className="mb-6 flex items-start justify-between gap-4">
            <div>
              <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
              <p className="mt-1 text-sm text-slate-600">{intro}</p>
            </div>
            {corner}
          </div>
          {children}
        </div>
        {below}
      </main>
    </>
  );
}
