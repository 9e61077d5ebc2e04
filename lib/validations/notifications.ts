import { z } from 'zod';
import { deadlineKinds } from '@/lib/domain/calendar';
import type { NotificationParams } from '@/lib/domain/notifications';

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
  // Only the app's own pages: a stored link never leads off the site.
  href: z.string().regex(/^\/(?!\/)/),
}) satisfies z.ZodType<NotificationParams>;

/** A stored line's parameters, or null when they do not read as such (the line is then skipped). */
export function readNotificationParams(json: unknown): NotificationParams | null {
  const parsed = notificationParamsSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
