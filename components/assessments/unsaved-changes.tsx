'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * Tracks which forms of the sheet (criteria, evidence) hold unsaved input and warns before the
 * page is left: on reload or close (beforeunload) and on in-app links, which Next.js follows
 * without unloading the page (a link within the page, "#criterion-3", leaves nothing).
 */
const UnsavedContext = createContext<(id: string, dirty: boolean) => void>(() => undefined);

export function UnsavedChangesProvider({
  message,
  children,
}: {
  message: string;
  children: React.ReactNode;
}) {
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const mark = useCallback((id: string, isDirty: boolean) => {
    setDirty((current) => {
      if (current.has(id) === isDirty) return current;
      const next = new Set(current);
      if (isDirty) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const hasUnsaved = dirty.size > 0;

  useEffect(() => {
    if (!hasUnsaved) return;
    const beforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    const onClick = (event: MouseEvent) => {
      const link = (event.target as Element | null)?.closest?.('a[href]');
      if (
        !link ||
        link.getAttribute('target') === '_blank' ||
        link.hasAttribute('download') ||
        link.getAttribute('href')?.startsWith('#')
      )
        return;
      if (!window.confirm(message)) {
        event.preventDefault();
        event.stopPropagation();
      }
    };
    window.addEventListener('beforeunload', beforeUnload);
    document.addEventListener('click', onClick, true);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      document.removeEventListener('click', onClick, true);
    };
  }, [hasUnsaved, message]);

  const value = useMemo(() => mark, [mark]);
  return <UnsavedContext.Provider value={value}>{children}</UnsavedContext.Provider>;
}

export function useUnsavedMark(): (id: string, dirty: boolean) => void {
  return useContext(UnsavedContext);
}
