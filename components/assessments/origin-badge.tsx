import { getTranslations } from 'next-intl/server';
import { Badge } from '@/components/ui/badge';

/** Marks data the demo invented, and data seeded from public reports; nothing for data entered in the app. */
export async function OriginBadge({
  origin,
}: {
  origin: 'RECORDED' | 'REPORTED' | 'DEMO' | string;
}) {
  if (origin !== 'DEMO' && origin !== 'REPORTED') return null;
  const t = await getTranslations('origin');
  return (
    <Badge tone={origin === 'DEMO' ? 'warning' : 'info'} title={t(`${origin}.title`)}>
      {t(`${origin}.label`)}
    </Badge>
  );
}
