import type { Metadata } from 'next';
import Link from '@/components/ui/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireUser } from '@/lib/auth/current-user';
import { getSheet } from '@/lib/data/assessments/sheet';
import { dayOf } from '@/lib/domain/calendar';
import { unitPath } from '@/lib/domain/units';
import { formatDate } from '@/lib/i18n/format';
import { thresholdText } from '@/lib/i18n/threshold-text';
import { can } from '@/lib/domain/permissions';
import { firstParam, wardAddressSchema } from '@/lib/validations/units';
import { yearSchema } from '@/lib/validations/year';
import { measureIn, resultText } from '@/lib/i18n/result-text';
import { PrintButton } from '@/components/ui/print-button';
import { type SearchParams } from '@/lib/i18n/page';

type Params = Promise<{ code: string; year: string }>;

const sheetAddress = wardAddressSchema.extend({ year: yearSchema });

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const p = sheetAddress.safeParse(await params);
  return { title: p.success ? `${p.data.code} · ${p.data.year}` : undefined };
}

/**
 * "In phiếu": the dossier on A4 paper in the form of an administrative document (Nghị định
 * 30/2020/NĐ-CP): the header block, each criterion with its requirement, result and the numbers of
 * its evidence, the evidence index, and blank signature lines. No form controls.
 */
export default async function DossierPrintPage({
  params,
  searchParams,
}: {
  params: Params;
  searchParams: SearchParams;
}) {
  const user = await requireUser();
  const p = sheetAddress.safeParse({
    ...(await params),
    on: firstParam((await searchParams).on),
  });
  if (!p.success) notFound();
  const sheet = await getSheet(user, p.data.code, p.data.year, p.data.on);
  if (!sheet || !can(user, 'assessment.view', sheet.record)) notFound();
  const [t, ts, tm, tStatus, locale] = await Promise.all([
    getTranslations('dossierPrint'),
    getTranslations('states'),
    getTranslations('measures'),
    getTranslations('statuses'),
    getLocale(),
  ]);
  const en = locale === 'en';
  const texts = { states: ts, measures: tm };
  const rule = tm as unknown as Parameters<typeof thresholdText>[0];
  // The evidence index numbers every item in criterion order; each criterion lists its numbers.
  const firstOf = sheet.results.map((_, i) =>
    sheet.results.slice(0, i).reduce((sum, r) => sum + r.evidence.length, 0),
  );
  const n = sheet.results.reduce((sum, r) => sum + r.evidence.length, 0);
  const rows = sheet.results.map((r, i) => {
    const measure = measureIn(r.criterion, locale);
    const evidence = r.evidence.map((e, j) => ({ ...e, n: firstOf[i]! + j + 1 }));
    return {
      r,
      measure,
      evidence,
      requirement: thresholdText(rule, measure, locale),
      result: resultText(measure, r, locale, texts),
    };
  });
  const unit = sheet.unit;
  const today = dayOf(new Date());
  const [y, m, d] = today.split('-');
  const cell = 'border border-black px-1.5 py-1 align-top';
  return (
    <article className="dossier-print mx-auto max-w-[210mm] bg-white p-6 font-serif text-[13pt] leading-snug text-black shadow print:p-0 print:shadow-none">
      <div className="mb-6 flex flex-wrap items-center gap-3 font-sans text-sm print:hidden">
        <PrintButton label={t('print')} />
        <Link href={unitPath(unit, sheet.year)} className="text-brand-700 underline">
          ← {t('back')}
        </Link>
        <span className="text-slate-600">{t('hint')}</span>
      </div>

      <header className="grid grid-cols-[2fr_3fr] gap-4 text-center text-[12.5pt]">
        <div>
          <p className="uppercase">
            {t('superior', {
              province: unit.province.name,
              city: unit.province.isCity ? 'yes' : 'no',
            })}
          </p>
          <p className="font-bold uppercase">{t('issuer', { ward: unit.fullName })}</p>
          <hr className="mx-auto mt-0.5 w-1/3 border-black" />
        </div>
        <div>
          <p className="font-bold uppercase">{t('nation')}</p>
          <p className="text-[13pt] font-bold">{t('motto')}</p>
          <hr className="mx-auto mt-0.5 w-3/4 border-black" />
          <p className="mt-2 text-[13pt] italic">
            {t('placeDate', { place: unit.province.name, day: d!, month: m!, year: y! })}
          </p>
        </div>
      </header>

      <h1 className="mt-8 text-center text-[14pt] font-bold uppercase">{t('title')}</h1>
      <p className="text-center font-bold">
        {t('subtitle', { ward: unit.fullName, year: sheet.year })}
      </p>
      <hr className="mx-auto mt-1 w-1/4 border-black" />

      <p className="mt-4 indent-[1cm]">
        {t('standing', {
          status: tStatus(sheet.status),
          met: sheet.metCount,
          total: sheet.totalCriteria,
          notMet: sheet.notMetCount,
          notDue: sheet.notDueCount,
          evidence: n,
        })}
      </p>

      <h2 className="mt-4 font-bold">{t('criteriaTitle')}</h2>
      <table className="mt-2 w-full border-collapse text-[11.5pt]" data-testid="dossier-criteria">
        <thead>
          <tr>
            <th className={`${cell} w-10`}>{t('number')}</th>
            <th className={cell}>{t('criterion')}</th>
            <th className={cell}>{t('requirement')}</th>
            <th className={cell}>{t('result')}</th>
            <th className={`${cell} w-20`}>{t('evidence')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ r, evidence, requirement, result }) => (
            <tr key={r.id}>
              <td className={`${cell} text-center`}>{r.criterion.number}</td>
              <td className={cell}>
                {en ? r.criterion.titleEn : r.criterion.title}
                {r.note ? <span className="block text-[10.5pt] italic">{r.note}</span> : null}
              </td>
              <td className={cell}>{requirement}</td>
              <td className={cell}>{result}</td>
              <td className={`${cell} text-center`}>
                {evidence.length ? evidence.map((e) => e.n).join(', ') : t('none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2 className="mt-6 font-bold">{t('indexTitle')}</h2>
      {n === 0 ? (
        <p className="mt-1 italic">{t('noEvidence')}</p>
      ) : (
        <table className="mt-2 w-full border-collapse text-[11.5pt]" data-testid="dossier-index">
          <thead>
            <tr>
              <th className={`${cell} w-10`}>{t('number')}</th>
              <th className={`${cell} w-16`}>{t('ofCriterion')}</th>
              <th className={cell}>{t('evidenceTitle')}</th>
              <th className={cell}>{t('source')}</th>
              <th className={`${cell} w-24`}>{t('added')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap(({ r, evidence }) =>
              evidence.map((e) => (
                <tr key={e.id}>
                  <td className={`${cell} text-center`}>{e.n}</td>
                  <td className={`${cell} text-center`}>{r.criterion.number}</td>
                  <td className={cell}>{e.title}</td>
                  <td className={`${cell} break-all`}>
                    {e.kind === 'FILE' ? e.fileName : e.kind === 'LINK' ? e.url : t('note')}
                  </td>
                  <td className={cell}>{formatDate(e.createdAt, locale)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      )}

      {/* The space for signatures and the seal belongs to the block: it never spills onto a
          page of its own. */}
      <div className="mt-10 grid grid-cols-2 gap-4 pb-24 text-center break-inside-avoid">
        <div>
          <p className="font-bold uppercase">{t('preparer')}</p>
          <p className="italic">{t('signHint')}</p>
        </div>
        <div>
          <p className="font-bold uppercase">{t('head')}</p>
          <p className="italic">{t('signSealHint')}</p>
        </div>
      </div>
    </article>
  );
}
