import { getTranslations } from 'next-intl/server';
import { isDemoMode } from '@/lib/data/settings';

/** On every page of a demo installation: its accounts and password are public. */
export async function DemoBanner() {
  if (!(await isDemoMode())) return null;
  const t = await getTranslations('demoMode');
  return (
    <div
      role="region"
      aria-label={t('label')}
      className="bg-amber-300 px-4 py-1.5 text-center text-sm font-medium text-amber-950"
    >
      <p role="note">{t('banner')}</p>
    </div>
  );
}
