import { DemoBanner } from '@/components/layout/demo-banner';
import { LanguageSwitch } from '@/components/layout/language-switch';

/**
 * The sign-in pages' frame (sign-in, the second factor, a handover link): the demo banner, and one
 * card on the brand background with the language switch beside its title.
 */
export function SignInFrame({
  title,
  intro,
  below,
  children,
}: {
  title: React.ReactNode;
  intro: React.ReactNode;
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
            <div className="rounded bg-brand-900 p-1">
              <LanguageSwitch />
            </div>
          </div>
          {children}
        </div>
        {below}
      </main>
    </>
  );
}
