/** A draft older than this is not offered back. */
const DRAFT_HOURS = 24;

interface Draft<F> {
  fields: F;
  version: number;
  at: string;
}

/**
 * Unsaved input kept in this browser tab (sessionStorage: gone when the tab closes, never shared
 * with another tab or user) until it is saved, so a reload, a crash or a dropped connection does
 * not lose it.
 */
export const drafts = {
  read<F>(key: string): Draft<F> | null {
    try {
      const draft = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Draft<F> | null;
      if (draft && Date.now() - Date.parse(draft.at) < DRAFT_HOURS * 3_600_000) return draft;
    } catch {
      // unreadable: dropped below
    }
    sessionStorage.removeItem(key);
    return null;
  },
  write<F>(key: string, draft: Draft<F> | null) {
    try {
      if (draft) sessionStorage.setItem(key, JSON.stringify(draft));
      else sessionStorage.removeItem(key);
    } catch {
      // storage full or refused: the page still holds the input
    }
  },
};
