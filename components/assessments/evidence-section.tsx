import { useLocale, useTranslations } from 'next-intl';
import { formatDate, formatFileSize } from '@/lib/i18n/format';
import type { EvidenceItem } from '@/lib/domain/sheet-items';
import { EvidenceView } from './evidence-view';

/**
 * A criterion's evidence, as everyone who opens the sheet sees it: the heading, the items (a
 * file to download or view, a link, a note) and, for the one who may change them, what
 * `children` adds. `actions` gives an item its own controls (the editor's "Xóa").
 */
export function EvidenceSection({
  resultId,
  items,
  actions,
  onSubmitCapture,
  children,
}: {
  resultId: number;
  items: EvidenceItem[];
  actions?: (item: EvidenceItem) => React.ReactNode;
  onSubmitCapture?: () => void;
  children?: React.ReactNode;
}) {
  const t = useTranslations('sheet');
  return (
    <section
      className="mt-3 border-t border-slate-100 pt-3"
      aria-labelledby={`r${resultId}-evidence r${resultId}-title`}
      onSubmitCapture={onSubmitCapture}
    >
      <h4 id={`r${resultId}-evidence`} className="text-sm font-medium text-slate-700">
        {t('evidence')}
      </h4>
      {items.length === 0 ? <p className="text-xs text-slate-500">{t('noEvidence')}</p> : null}
      <ul className="mt-1 space-y-1 text-sm">
        {items.map((item) => (
          <EvidenceLine key={item.id} resultId={resultId} item={item}>
            {actions?.(item)}
          </EvidenceLine>
        ))}
      </ul>
      {children}
    </section>
  );
}

function EvidenceLine({
  resultId,
  item,
  children,
}: {
  resultId: number;
  item: EvidenceItem;
  children?: React.ReactNode;
}) {
  const t = useTranslations('sheet');
  const locale = useLocale();
  return (
    <li className="flex flex-wrap items-baseline gap-x-2">
      <span className="text-xs uppercase text-slate-500">{t(`kind.${item.kind}`)}</span>
      {item.kind === 'FILE' ? (
        <a href={`/api/evidence/${item.id}`} download className="text-brand-700 hover:underline">
          {item.title}
        </a>
      ) : item.kind === 'LINK' && item.url ? (
        <a
          href={item.url}
          target="_blank"
          rel="noopener noreferrer nofollow"
          className="text-brand-700 hover:underline"
        >
          {item.title}
        </a>
      ) : (
        <span className="font-medium">{item.title}</span>
      )}
      {item.fileName ? (
        <span className="text-xs text-slate-500">
          {item.fileName} · {formatFileSize(item.size ?? 0, locale)}
        </span>
      ) : null}
      {item.periodFrom || item.periodTo ? (
        <span className="text-xs text-slate-500">
          {item.periodFrom ? formatDate(item.periodFrom, locale) : '…'} –{' '}
          {item.periodTo ? formatDate(item.periodTo, locale) : '…'}
        </span>
      ) : null}
      {item.periodReason ? (
        <span className="w-full text-xs text-amber-800">
          {t('periodKept', { reason: item.periodReason })}
        </span>
      ) : null}
      {item.kind === 'NOTE' && item.note ? (
        <span className="w-full whitespace-pre-wrap text-slate-700">{item.note}</span>
      ) : null}
      {item.viewable ? (
        <EvidenceView item={item} controlsId={`e${resultId}-view-${item.id}`} />
      ) : null}
      {children}
    </li>
  );
}
