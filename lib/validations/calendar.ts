import { z } from 'zod';
import {
  calendarOrderProblem,
  closableKinds,
  deadlineKinds,
  type DeadlineKind,
} from '@/lib/domain/calendar';
import { yearSchema } from './year';
import { dayAsDate } from './text';

const day = z.preprocess((v) => (v === '' || v === null ? undefined : v), dayAsDate.optional());

/**
 * A year's four dates, each optional (not yet set); they must come in the programme's order.
 * `closes`: the dates after which the Ministry refuses the step (registration, submission).
 */
export const calendarSchema = z
  .object({
    year: yearSchema,
    closes: z
      .array(z.enum(closableKinds, { error: 'invalid' }))
      .max(deadlineKinds.length)
      .default([]),
    REGISTRATION: day,
    SUBMISSION: day,
    PROVINCIAL_REVIEW: day,
    INSPECTION: day,
  })
  .superRefine((v, ctx) => {
    const dates = Object.fromEntries(
      deadlineKinds.map((k) => [k, v[k]?.toISOString().slice(0, 10)]),
    );
    const out = calendarOrderProblem(dates);
    if (out) ctx.addIssue({ code: 'custom', path: [out], message: 'deadlineOrder' });
  })
  .transform((v) => ({
    year: v.year,
    closes: v.closes,
    dates: Object.fromEntries(deadlineKinds.map((k) => [k, v[k]])) as Record<
      DeadlineKind,
      Date | undefined
    >,
  }));
export type CalendarInput = z.infer<typeof calendarSchema>;
