'use client';

import { SessionProvider } from 'next-auth/react';

// Re-reading the session when the window regains focus slides the idle timeout forward while
// the user works, and lets the password form refresh its token after a change.
export function AuthSessionProvider({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus>{children}</SessionProvider>;
}
