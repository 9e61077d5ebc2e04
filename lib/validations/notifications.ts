import { z } from 'zod';
import { deadlineKinds } from '@/lib/domain/calendar';
import { notificationKinds, type NotificationParams } from '@/lib/domain/notifications';
import { progressStatuses } from '@/lib/domain/progress';
import { packCadences, packFormats } from '@/lib/domain/subscriptions';
import { PROVINCE_CODE } from './units';

/**
 * An inbox line's stored parameters (JSON), read back: checked, not cast, so a line written by
 * an older version or damaged by hand cannot put a non-text value into a sentence or a link.
 */
export const notificationParamsSchema = z.object({
  ward: z.string().optional(),
  year: z.number().int(),
  by: z.string().optional(),
  reason: z.string().optional(),
  count: z.number().int().optional(),
  deadline: z.enum(deadlineKinds).optional(),
  due: z.string().optional(),
  criterion: z.number().int().optional(),
  excerpt: z.string().optional(),
  province: z.string().optional(),
  status: z.enum(progressStatuses).optional(),
  previous: z.enum(progressStatuses).optional(),
  target: z.number().min(0).max(1).optional(),
  share: z.number().min(0).max(1).optional(),
  // Only the app's own pages: a stored link never leads off the site.
  href: z.string().regex(/^\/(?!\/)/),
}) satisfies z.ZodType<NotificationParams>;

/** A stored line's parameters, or null when they do not read as such (the line is then skipped). */
export function readNotificationParams(json: unknown): NotificationParams | null {
  const parsed = notificationParamsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

const lineSchema = z.object({ kind: z.enum(notificationKinds), params: notificationParamsSchema });

/**
 * What an outbox row holds: the data of the mail, rendered only when it is sent, in the
 * recipient's language of that moment (lib/mail/render.ts). `text` rows were rendered when
 * written: those queued before the outbox kept data (migration 20261208000000) are sent as they are.
 */
export const outboxContentSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('notification'), line: lineSchema }),
  z.object({ type: z.literal('digest'), lines: z.array(lineSchema).min(1) }),
  z.object({ type: z.literal('text'), subject: z.string(), body: z.string() }),
  // A subscribed briefing pack: built when sent (lib/data/notifications/packs.ts).
  z.object({
    type: z.literal('pack'),
    subscription: z.number().int().positive(),
    issue: z.string().min(1).max(40),
    year: z.number().int(),
  }),
]);
export type OutboxContent = z.infer<typeof outboxContentSchema>;

/** A stored outbox row's content, or null when it does not read as one (the row then fails). */
export function readOutboxContent(json: unknown): OutboxContent | null {
  const parsed = outboxContentSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The subscription form: a scope (empty for the nation), a file format and a cadence. */
export const subscriptionSchema = z.object({
  province: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    z.string().regex(PROVINCE_CODE, { error: 'invalid' }).optional(),
  ),
  format: z.enum(packFormats, { error: 'invalid' }),
  cadence: z.enum(packCadences, { error: 'invalid' }),
});

/** The secret in a pack's unsubscribe link (32 random bytes, base64url). */
export const unsubscribeTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
