import 'server-only';
import { readEnv } from '@/lib/server/env';
import { runNotificationSweep } from '@/lib/data/notifications/notifications';
import { deliverOutbox } from '@/lib/data/notifications/outbox';
import { announceProvinceAlerts } from '@/lib/data/notifications/alerts';
import { issueScheduledPacks } from '@/lib/data/notifications/subscriptions';
import { removeOrphanBlobs } from '@/lib/data/evidence/blob-store';
import { mailConfigured } from '@/lib/mail/config';
import { smtpSender } from '@/lib/mail/transport';
import { errorField, log } from './log';
import { onShutdown } from './lifecycle';
import { metrics } from './metrics';

/**
 * The server's background work, every NOTIFY_INTERVAL_SECONDS: coming deadlines into inboxes,
 * alerts on provinces (a verdict changed, a milestone missed), daily digests into the outbox,
 * subscribed briefing packs that are due into the outbox (only when mail is configured: a pack
 * is nothing but a mail), the outbox to the SMTP server, and the bytes of uploads that were refused or cut off
 * (lib/data/evidence/blob-store.ts). Each run is safe alongside the
 * same run on another instance; a failed run is logged and tried again next time.
 */
export function startBackgroundWork(): () => Promise<void> {
  const env = readEnv();
  const send = mailConfigured() ? smtpSender() : null;
  let running: Promise<void> | null = null;
  const work = async () => {
    try {
      await runNotificationSweep();
      await announceProvinceAlerts();
      if (send) {
        await issueScheduledPacks();
        await deliverOutbox(send);
      }
      await removeOrphanBlobs();
      metrics().background.inc({ outcome: 'done' });
      metrics().lastBackground.set(Date.now() / 1000);
    } catch (error) {
      metrics().background.inc({ outcome: 'failed' });
      log.error({ err: errorField(error) }, 'background work failed');
    }
  };
  // One run at a time; stopping waits for the one under way.
  const run = () => (running ??= work().finally(() => (running = null)));
  const first = setTimeout(run, 5_000);
  const timer = setInterval(run, env.NOTIFY_INTERVAL_SECONDS * 1000);
  timer.unref();
  first.unref();
  // On a graceful stop: no new run, and the one under way ends first.
  const stop = async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
  onShutdown(stop);
  return stop;
}
