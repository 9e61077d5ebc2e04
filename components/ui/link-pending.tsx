'use client';

import { useLinkStatus } from 'next/link';
import { useEffect } from 'react';

/**
 * While the page a link leads to is on its way, the whole page says so: a thin bar across the top
 * and a progress cursor (`html[data-navigating]` in app/globals.css). Pages settle their status
 * before they stream (a real redirect or 404), so they have no `loading.js` and, without
 * prefetching, a click would otherwise show nothing until the next page arrives: on a phone on a
 * weak link, seconds in which people click again. Next.js knows when a link's navigation is
 * pending and when it ends or gives way to another (`useLinkStatus`); this renders nothing and
 * only mirrors that onto the document. A link whose navigation is cancelled (a warning about
 * unsaved work) never becomes pending.
 */
export function LinkPending() {
  const { pending } = useLinkStatus();
  useEffect(() => {
    if (!pending) return;
    const root = document.documentElement;
    root.dataset.navigating = '';
    return () => {
      delete root.dataset.navigating;
    };
  }, [pending]);
  return null;
}
