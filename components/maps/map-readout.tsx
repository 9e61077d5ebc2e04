'use client';

import { useEffect, useState } from 'react';

/**
 * Shows, beside the map, the name and figures of the shape under the pointer or the keyboard
 * focus (its link's label), so sighted keyboard users read what a mouse user sees in the tooltip.
 */
export function MapReadout({ mapId, hint }: { mapId: string; hint: string }) {
  const [text, setText] = useState('');
  useEffect(() => {
    const figure = document.querySelector(`[data-map="${mapId}"]`);
    if (!figure) return;
    const show = (event: Event) => {
      const link = (event.target as Element).closest('a[aria-label]');
      if (link) setText(link.getAttribute('aria-label') ?? '');
    };
    figure.addEventListener('focusin', show);
    figure.addEventListener('mouseover', show);
    return () => {
      figure.removeEventListener('focusin', show);
      figure.removeEventListener('mouseover', show);
    };
  }, [mapId]);
  return (
    <p className="mt-3 min-h-10 rounded bg-slate-50 px-2 py-1 text-sm" data-map-readout>
      {text || <span className="text-slate-500">{hint}</span>}
    </p>
  );
}
