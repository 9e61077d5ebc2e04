import { getTranslations } from 'next-intl/server';
import { ControlsForm } from './controls-form';

/**
 * The view's year, basis and units. Its words are translated here, so the dashboard's catalogue
 * stays on the server and the browser gets only the form.
 */
export async function DashboardControls({
  year,
  official,
  lineage,
  keep = {},
}: {
  year: number;
  official: boolean;
  lineage: boolean;
  /** The page's other state (a list's filters and order), kept when the view changes. */
  keep?: Record<string, string | number | undefined>;
}) {
  const t = await getTranslations('dashboard');
  const labels = {
    year: t('year'),
    basis: t('basis'),
    official: t('official'),
    provisional: t('provisional'),
    units: t('units'),
    unitsToday: t('unitsToday'),
    unitsRecorded: t('unitsRecorded'),
    apply: t('apply'),
  };
  return (
    <ControlsForm year={year} official={official} lineage={lineage} keep={keep} labels={labels} />
  );
}
