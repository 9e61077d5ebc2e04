import { useLocale, useTranslations } from 'next-intl';
import type { CriterionRowData } from '@/lib/domain/sheet-items';
import { formatDateTime } from '@/lib/i18n/format';
import { valueLabel, valueText } from '@/lib/i18n/result-text';
import { CriterionEditor } from './criterion-editor';
import { CriterionShell } from './criterion-shell';

/**
 * One criterion of the sheet. A result the signed-in user may change is the editor (a client
 * form that saves on its own and keeps a draft); one they only read (a dossier sent on, a
 * reviewer's or a leader's view) is written out as text on the server: easier to read than
 * locked controls, and nothing for the browser to start.
 */
export function CriterionRow({
  data,
  children,
}: {
  data: CriterionRowData;
  children?: React.ReactNode;
}) {
  if (data.editable) return <CriterionEditor data={data}>{children}</CriterionEditor>;
  return (
    <CriterionShell data={data} state={data.state}>
      <SavedResult data={data} />
      {children}
    </CriterionShell>
  );
}

/** The result as saved, under the same names the form gives its fields (`.saved-result` in app/globals.css). */
function SavedResult({ data }: { data: CriterionRowData }) {
  const t = useTranslations('sheet');
  const tm = useTranslations('measures');
  const ts = useTranslations('states');
  const locale = useLocale();
  const shown = (value: number | null) => valueText(data, value, locale, tm);
  const change = data.measureKind === 'CHANGE';
  return (
    <>
      <dl
        className={`saved-result mt-3 grid grid-cols-2 gap-3 text-sm ${change ? 'md:grid-cols-[1fr_1fr_1fr_2fr]' : 'md:grid-cols-[1fr_1fr_2fr]'}`}
      >
        {/* On a phone: two fields a line, the note under them; a change's two figures side by side. */}
        <Field label={t('state')} wide={change}>
          {ts(data.state)}
        </Field>
        {change ? (
          <>
            <Field label={tm('thisPeriod')}>{shown(data.value)}</Field>
            <Field label={tm('lastYear')}>{shown(data.baseline)}</Field>
          </>
        ) : (
          <Field label={valueLabel(data, tm)}>{shown(data.value)}</Field>
        )}
        <Field label={t('note')} wide>
          {data.note.trim() || '—'}
        </Field>
      </dl>
      {data.updatedBy && data.savedAt ? (
        <p className="mt-2 text-xs text-slate-500">
          {t('lastSaved', { date: formatDateTime(data.savedAt, locale), name: data.updatedBy })}
        </p>
      ) : null}
    </>
  );
}

function Field({
  label,
  wide = false,
  children,
}: {
  label: string;
  /** The whole line on a phone; one column of the row on a wider screen. */
  wide?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div className={wide ? 'col-span-2 md:col-span-1' : undefined}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
