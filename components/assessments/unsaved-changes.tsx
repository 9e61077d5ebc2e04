'use client';

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslations } from 'next-intl';

/** Marks a form dirty or clean; a form that can save itself on its own passes how. */
type Mark = (id: string, dirty: boolean, save?: () => void) => void;

/**
 * Tracks which forms of the sheet (criteria, evidence) hold unsaved input and warns before the
 * page is left: on reload or close (beforeunload) and on in-app links, which Next.js follows
 * without unloading the page (a link within the page, "#criterion-3", leaves nothing). While
 * criteria hold unsaved results, a bar offers "Lưu tất cả": each saves as its own "Lưu" would.
 */
const UnsavedContext = createContext<Mark>(() => undefined);

const toggled = (set: ReadonlySet<string>, id: string, on: boolean): ReadonlySet<string> => {
  if (set.has(id) === on) return set;
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
};

export function UnsavedChangesProvider({
  message,
  children,
}: {
  message: string;
  children: React.ReactNode;
}) {
  const t = useTranslations('sheet');
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [saveable, setSaveable] = useState<ReadonlySet<string>>(new Set());
  const savers = useRef(new Map<string, () => void>());
  const mark = useCallback<Mark>((id, isDirty, save) => {
    if (isDirty && save) savers.current.set(id, save);
    else savers.current.delete(id);
    setDirty((current) => toggled(current, id, isDirty));
    setSaveable((current) => toggled(current, id, isDirty && Boolean(save)));
  }, []);
  const hasUnsaved = dirty.size > 0;
  const saveAll = () => {
    for (const save of savers.current.values()) save();
  };

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
  return (
    <UnsavedContext.Provider value={value}>
      {children}
      {saveable.size > 0 ? (
        <div
          role="region"
          aria-label={t('saveAllLabel')}
          className="sticky bottom-3 z-10 mx-auto mt-4 flex w-fit items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-2 text-sm shadow-lg print:hidden"
        >
          <span className="text-amber-900">{t('unsavedCount', { count: saveable.size })}</span>
          <button
            type="button"
            onClick={saveAll}
            className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-800"
          >
            {t('saveAll')}
          </button>
        </div>
      ) : null}
    </UnsavedContext.Provider>
  );
}

export function useUnsavedMark(): Mark {
  return useContext(UnsavedContext);
}
