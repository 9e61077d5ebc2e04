import 'server-only';
import { db } from '@/lib/server/db';
import type { OutgoingMail, SendMail } from '@/lib/mail/transport';
import { renderOutboxMail } from '@/lib/mail/render';
import { recordAudit, type AuditEntry } from '@/lib/data/audit';
import { packActor, packMail } from './packs';
import { isLocale } from '@/lib/i18n/config';
import { readOutboxContent } from '@/lib/validations/notifications';

/** How long a claimed message is left to its sender before another may try it. */
const CLAIM_SECONDS = 300;
/** After this many failed tries a message stays in the table for the administrator. */
export const MAX_ATTEMPTS = 8;

interface Claimed {
  id: number;
  messageId: string;
  recipient: string;
  content: unknown;
  /** The recipient's language now, not when the event happened. */
  locale: string | null;
  attempts: number;
}

/**
 * Claims a batch of unsent messages for this sender: each row is taken by one sender at a time
 * (SKIP LOCKED between instances) and for a limited time (a sender that dies lets go of it).
 */
async function claim(now: Date, batch: number): Promise<Claimed[]> {
  const until = new Date(now.getTime() + CLAIM_SECONDS * 1000);
  return db().$queryRaw<Claimed[]>`
    WITH claimed AS (
      UPDATE "email_outbox" SET "claimed_until" = ${until}, "attempts" = "attempts" + 1
      WHERE "id" IN (
        SELECT "id" FROM "email_outbox"
        WHERE "sent_at" IS NULL AND "dropped_at" IS NULL AND "attempts" < ${MAX_ATTEMPTS}
          AND ("claimed_until" IS NULL OR "claimed_until" < ${now})
        ORDER BY "id" LIMIT ${batch}
        FOR UPDATE SKIP LOCKED
      )
      RETURNING "id", "message_id", "user_id", "recipient", "content", "attempts"
    )
    SELECT c."id", c."message_id" AS "messageId", c."recipient", c."content", c."attempts",
      u."locale"
    FROM claimed c LEFT JOIN "users" u ON u."id" = c."user_id"
    ORDER BY c."id"`;
}

/**
 * Sends what the outbox holds. A message is written in the transaction of the event it reports,
 * so a crash before that commit loses the event and the message together, and a crash after it
 * leaves the message here to be sent on the next run. Once the server accepted it, the row is
 * marked sent; only a crash in the instant between those two could send it twice, and then with
 * the same Message-ID, which mail systems treat as one message. The row holds the mail's data:
 * it is worded here, in the recipient's language of the moment it is sent. A subscribed pack is
 * built here too, and dropped (kept, marked, audited) when its subscription or scope is gone.
 */
export async function deliverOutbox(
  send: SendMail,
  { now = new Date(), batch = 50 }: { now?: Date; batch?: number } = {},
): Promise<{ sent: number; failed: number; dropped: number }> {
  const claimed = await claim(now, batch);
  let sent = 0;
  let failed = 0;
  let dropped = 0;
  for (const mail of claimed) {
    const content = readOutboxContent(mail.content);
    if (!content) {
      // Damaged by hand or written by a version that no longer reads: kept for the administrator.
      await db().emailOutbox.update({
        where: { id: mail.id },
        data: { attempts: MAX_ATTEMPTS, claimedUntil: null, lastError: 'unreadable content' },
      });
      failed += 1;
      continue;
    }
    try {
      const locale = isLocale(mail.locale) ? mail.locale : null;
      let text: Omit<OutgoingMail, 'messageId' | 'recipient'>;
      let audit: AuditEntry | null = null;
      if (content.type === 'pack') {
        const pack = await packMail(content, locale);
        if ('drop' in pack) {
          await db().$transaction(async (tx) => {
            await tx.emailOutbox.update({
              where: { id: mail.id },
              data: { droppedAt: new Date(), claimedUntil: null, lastError: pack.drop },
            });
            await recordAudit(tx, packActor, pack.audit);
          });
          dropped += 1;
          continue;
        }
        ({ send: text, audit } = pack);
      } else text = renderOutboxMail(content, locale);
      await send({ messageId: mail.messageId, recipient: mail.recipient, ...text });
      await db().$transaction(async (tx) => {
        await tx.emailOutbox.update({
          where: { id: mail.id },
          data: { sentAt: new Date(), claimedUntil: null, lastError: null },
        });
        if (audit) await recordAudit(tx, packActor, audit);
      });
      sent += 1;
    } catch (error) {
      // Back off: 1, 2, 4 … minutes, at most an hour.
      const wait = Math.min(60, 2 ** (mail.attempts - 1)) * 60_000;
      await db().emailOutbox.update({
        where: { id: mail.id },
        data: {
          claimedUntil: new Date(Date.now() + wait),
          lastError: error instanceof Error ? error.message.slice(0, 500) : String(error),
        },
      });
      failed += 1;
    }
  }
  return { sent, failed, dropped };
}

/** What waits and what failed, for the administrator's health page and the metrics. */
export async function outboxHealth() {
  const waiting = { sentAt: null, droppedAt: null, attempts: { lt: MAX_ATTEMPTS } };
  const [pending, failing, oldest] = await Promise.all([
    db().emailOutbox.count({ where: waiting }),
    db().emailOutbox.count({
      where: { sentAt: null, droppedAt: null, attempts: { gte: MAX_ATTEMPTS } },
    }),
    db().emailOutbox.findFirst({
      where: waiting,
      orderBy: { createdAt: 'asc' },
      select: { createdAt: true },
    }),
  ]);
  return { pending, failing, oldestPendingAt: oldest?.createdAt ?? null };
}
