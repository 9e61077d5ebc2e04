import { readEnv } from '@/lib/server/env';

/** Whether e-mail goes out at all: only when an SMTP server is configured. */
export function mailConfigured(): boolean {
  return Boolean(readEnv().SMTP_URL);
}

/** Where a link in a mail points: the app's public address when known. */
export function appAddress(): string {
  return (readEnv().NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '');
}
