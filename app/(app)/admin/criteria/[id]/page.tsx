import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { recordId } from '@/lib/validations/ids';
import { getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/current-user';
import { getCriteriaSet } from '@/lib/data/programme/criteria-sets';
import { PageHeader } from '@/components/ui/page-header';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { CriterionEditForm, YearsForm } from '@/components/admin/criteria-forms';
import { withClientMessages } from '@/components/layout/client-messages';

async function CriteriaSetPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePermission('criteria.manage');
  const parsed = recordId.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  const set = await getCriteriaSet(id);
  if (!set) notFound();
  const t = await getTranslations('criteria');
  return (
    <>
      <PageHeader title={`${set.code} · ${set.title}`} intro={set.issuingDocument} />
      <p className="mb-4 flex gap-2 text-sm">
        <Link href="/admin/criteria" className="text-brand-700 hover:underline">
          ← {t('title')}
        </Link>
        <Badge tone={set.inUse ? 'info' : 'neutral'}>{set.inUse ? t('inUse') : t('unused')}</Badge>
      </p>
      <Card id="years" title={t('yearsTitle')} intro={t('yearsHint')} className="mb-6">
        <YearsForm id={set.id} years={set.years} />
      </Card>
      <ol className="space-y-4">
        {set.criteria.map((c) => (
          <li key={c.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <CriterionEditForm
              criterion={{
                id: c.id,
                number: c.number,
                title: c.title,
                titleEn: c.titleEn,
                description: c.description,
                descriptionEn: c.descriptionEn,
                evidenceGuidance: c.evidenceGuidance,
                evidenceGuidanceEn: c.evidenceGuidanceEn,
                evidenceRequired: c.evidenceRequired,
                measureKind: c.measureKind,
                comparator: c.comparator,
                threshold: c.threshold,
                ratingScale: c.ratingScale,
                ratingScaleEn: c.ratingScaleEn,
              }}
              measureLocked={set.inUse}
            />
          </li>
        ))}
      </ol>
    </>
  );
}

export default withClientMessages(CriteriaSetPage, ['criteria', 'measures']);
