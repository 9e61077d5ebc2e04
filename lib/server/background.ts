import 'server-only';
import { readEnv } from '@/lib/server/env';
import { runNotificationSweep } from '@/lib/data/notifications/notifications';
import { deliverOutbox } from '@/lib/data/notifications/outbox';
import { removeOrphanBlobs } from '@/lib/data/evidence/blob-store';
import { mailConfigured } from '@/lib/mail/config';
import { smtpSender } from '@/lib/mail/transport';
import { errorField, log } from './log';

/**
 * The server's background work, every NOTIFY_INTERVAL_SECONDS: coming deadlines into inboxes,
 * daily digests into the outbox, the outbox to the SMTP server, and the bytes of uploads that were
 * refused or cut off (lib/data/evidence/blob-store.ts). Each run is safe alongside the
 * same run on another instance; a failed run is logged and tried again next time.
 */
export function startBackgroundWork(): () => void {
  const env = readEnv();
  const send = mailConfigured() ? smtpSender() : null;
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      await runNotificationSweep();
      if (send) await deliverOutbox(send);
      await removeOrphanBlobs();
    } catch (error) {
      log.error({ err: errorField(error) }, 'background work failed');
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, env.NOTIFY_INTERVAL_SECONDS * 1000);
  timer.unref();
  first.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
