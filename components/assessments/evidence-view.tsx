'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { EvidenceItem } from '@/lib/domain/sheet-items';

/**
 * The button that shows a PDF or an image inside the criterion (an image's button carries its
 * small preview, made once by the server), and the viewer it opens under the item.
 */
export function EvidenceView({ item, controlsId }: { item: EvidenceItem; controlsId: string }) {
  const t = useTranslations('sheet');
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={controlsId}
        onClick={() => setOpen(!open)}
        className="text-xs font-medium text-brand-700 underline print:hidden"
      >
        {item.viewable === 'image' ? (
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={`/api/evidence/${item.id}/thumbnail`}
            alt=""
            width={48}
            height={48}
            loading="lazy"
            onError={(event) => {
              event.currentTarget.hidden = true;
            }}
            className="mr-1 inline-block h-12 w-12 rounded border border-slate-200 bg-slate-50 object-cover align-middle"
          />
        ) : null}
        {open ? t('closeViewer') : t('view')}
      </button>
      {open ? <EvidenceViewer id={controlsId} item={item} /> : null}
    </>
  );
}

/**
 * A PDF or an image shown inside the criterion, from the file's inline address (served only for
 * those types, under a policy that lets nothing run). The browser's own PDF viewer draws the PDF;
 * a phone browser without one gets the link to open it in a tab.
 */
function EvidenceViewer({ id, item }: { id: string; item: EvidenceItem }) {
  const t = useTranslations('sheet');
  const src = `/api/evidence/${item.id}?view=1`;
  return (
    <div
      id={id}
      className="mt-2 w-full rounded border border-slate-200 bg-slate-50 p-2 print:hidden"
    >
      {item.viewable === 'image' ? (
        // A stored evidence image, served by the app itself: next/image has nothing to add.
        // eslint-disable-next-line @next/next/no-img-element
        <img src={src} alt={item.title} className="mx-auto max-h-[75vh] max-w-full" />
      ) : (
        <iframe src={src} title={item.title} className="h-[75vh] w-full rounded bg-white" />
      )}
      <a
        href={src}
        target="_blank"
        rel="noopener"
        className="mt-1 inline-block text-xs text-brand-700 underline"
      >
        {t('openInTab')}
      </a>
    </div>
  );
}
