import { db, getDatabase } from '@/lib/server/db';
import { notify } from '@/lib/data/notifications/notifications';
import { deliverOutbox } from '@/lib/data/notifications/outbox';
import { issueScheduledPacks } from '@/lib/data/notifications/subscriptions';
import { smtpSender } from '@/lib/mail/transport';
import { applyMigrations } from '@/lib/server/migrations';

/**
 * One server process's part in tests/integration/notifications/outbox.test.ts, by the first argument:
 *   write  — writes an event (inbox line and outbox message, one transaction), then dies at once
 *            with SIGKILL, before any sender ran: the crash between outbox write and send.
 *   pack   — subscribes an account to the national weekly PDF pack, runs the sweep at PACK_AT
 *            (which writes the issue to the outbox), then dies at once with SIGKILL.
 *   claim  — claims the message and dies while "sending" it (the SMTP call never returns).
 *   deliver — the restarted server: runs the pack sweep (at PACK_AT) and the sender twice, as its
 *            timer would, then exits.
 * Prints what it did as one JSON line.
 */
const mode = process.argv[2];
/** A Wednesday: the sweeps of the dead and the restarted server see the same weekly issue. */
const PACK_AT = new Date('2026-12-09T03:00:00Z');
await applyMigrations(getDatabase().sql);

if (mode === 'write') {
  const email = process.argv[3]!;
  const user = await db().user.upsert({
    where: { email },
    create: { email, name: 'Outbox', role: 'MINISTRY', passwordHash: 'x', emailMode: 'IMMEDIATE' },
    update: {},
  });
  await db().$transaction((tx) =>
    notify(tx, {
      kind: 'DEADLINE',
      key: `crash-test:${email}`,
      where: { id: user.id },
      params: {
        year: 2026,
        deadline: 'SUBMISSION',
        due: '2026-12-15',
        count: 22,
        href: '/calendar',
      },
    }),
  );
  console.log(JSON.stringify({ written: true }));
  process.kill(process.pid, 'SIGKILL');
} else if (mode === 'pack') {
  const email = process.argv[3]!;
  const user = await db().user.create({
    data: { email, name: 'Packs', role: 'MINISTRY', passwordHash: 'x' },
  });
  await db().packSubscription.create({
    data: {
      userId: user.id,
      format: 'PDF',
      cadence: 'WEEKLY',
      token: 'crash-test-token-crash-test-token-crash-tes',
      createdAt: new Date(PACK_AT.getTime() - 30 * 86_400_000),
    },
  });
  console.log(JSON.stringify({ issued: await issueScheduledPacks(PACK_AT) }));
  process.kill(process.pid, 'SIGKILL');
} else if (mode === 'claim') {
  await deliverOutbox(async () => {
    console.log(JSON.stringify({ sending: true }));
    await new Promise(() => undefined);
  });
} else if (mode === 'deliver') {
  // The restarted server runs later than the dead one's claim lasted.
  const later = new Date(Date.now() + Number(process.argv[3] ?? 0) * 1000);
  const send = smtpSender();
  const issued = await issueScheduledPacks(PACK_AT);
  const first = await deliverOutbox(send, { now: later });
  const second = await deliverOutbox(send, { now: later });
  console.log(JSON.stringify({ issued, first, second }));
  process.exit(0);
}
