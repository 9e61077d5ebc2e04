import { FIRST_YEAR } from '@/lib/domain/progress';
import { recordId } from './ids';
import { z } from 'zod';
import { resultStates } from '@/lib/domain/attainment';
import { bulkSteps, findTransition, transitionNames } from '@/lib/domain/workflow';
import { UNIT_CODE } from './units';
import { NUMBER_LOCALE_FIELD } from '@/lib/domain/figures';
import { figureInput, numberLocaleSchema, readFigureField } from './figures';
import { addDays, dayOf, RETURN_FIX_MAX_DAYS } from '@/lib/domain/calendar';
import { dayAsDate, plainText } from './text';
import { yearSchema } from './year';

// Messages are keys in the `validation` catalogue.

const id = recordId;

export const saveResultSchema = z
  .object({
    resultId: id,
    version: id,
    state: z.enum(resultStates, { error: 'state' }),
    value: figureInput,
    baseline: figureInput,
    note: plainText(4000, { multiline: true }).default(''),
    [NUMBER_LOCALE_FIELD]: numberLocaleSchema,
  })
  .transform(({ numberLocale, ...v }, ctx) => ({
    ...v,
    value: readFigureField(ctx, 'value', v.value, numberLocale),
    baseline: readFigureField(ctx, 'baseline', v.baseline, numberLocale),
  }));
export type SaveResultInput = z.infer<typeof saveResultSchema>;

export const transitionSchema = z
  .object({
    assessmentId: id,
    name: z.enum(transitionNames, { error: 'invalid' }),
    items: z
      .array(
        z.object({
          resultId: id,
          reason: plainText(2000, { multiline: true }).refine((r) => r.length > 0, {
            message: 'reasonRequired',
          }),
        }),
      )
      .max(200)
      .optional(),
    decision: z
      .object({
        number: plainText(100, { min: 1 }),
        date: dayAsDate.refine(
          (d) => d.getTime() <= Date.now() && d.getUTCFullYear() >= FIRST_YEAR,
          {
            message: 'decisionDate',
          },
        ),
      })
      .optional(),
    reason: plainText(2000, { multiline: true }).optional(),
    /** A return's own date: from today to RETURN_FIX_MAX_DAYS ahead (Vietnam's calendar day). */
    fixBy: dayAsDate
      .refine(
        (d) => {
          const day = d.toISOString().slice(0, 10);
          const today = dayOf(new Date());
          return day >= today && day <= addDays(today, RETURN_FIX_MAX_DAYS);
        },
        { message: 'fixBy' },
      )
      .optional(),
  })
  .superRefine((v, ctx) => {
    // What each step needs is declared once, in the workflow table.
    const needs = findTransition(v.name).needs;
    if (needs === 'returnItems' && !v.fixBy)
      ctx.addIssue({ code: 'custom', path: ['fixBy'], message: 'fixBy' });
    if (needs !== 'returnItems' && v.fixBy)
      ctx.addIssue({ code: 'custom', path: ['fixBy'], message: 'invalid' });
    if ((needs === 'decision' || needs === 'decisionAndReason') && !v.decision)
      ctx.addIssue({ code: 'custom', path: ['decision'], message: 'required' });
    if ((needs === 'reason' || needs === 'decisionAndReason') && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'reasonRequired' });
  });
export type TransitionInput = z.infer<typeof transitionSchema>;

/** One step on several dossiers chosen in the queue (each checked and taken on its own). */
export const bulkTransitionSchema = z.object({
  name: z.enum(bulkSteps, { error: 'invalid' }),
  assessmentIds: z
    .array(id)
    .min(1, { error: 'chooseDossiers' })
    .max(100, { error: 'tooManyDossiers' })
    .transform((ids) => [...new Set(ids)]),
});
export type BulkTransitionInput = z.infer<typeof bulkTransitionSchema>;

export const registerSchema = z.object({
  year: yearSchema,
  unitCodes: z
    .array(z.string().regex(UNIT_CODE, { error: 'unitCode' }))
    .min(1, { error: 'chooseWards' })
    .max(500),
  /** Why wards are registered after the registration date (asked only then). */
  lateReason: plainText(2000, { multiline: true }).optional(),
});

const httpUrl = z
  .string()
  .trim()
  .max(2000, { error: 'tooLong' })
  .refine(
    (u) => {
      try {
        const url = new URL(u);
        // A link carries no credentials: a password in evidence would be shown to every reader.
        return (
          (url.protocol === 'https:' || url.protocol === 'http:') &&
          url.username === '' &&
          url.password === ''
        );
      } catch {
        return false;
      }
    },
    { message: 'url' },
  );

const optionalDate = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  dayAsDate.optional(),
);

export const evidenceSchema = z
  .object({
    resultId: id,
    kind: z.enum(['FILE', 'LINK', 'NOTE'], { error: 'invalid' }),
    title: plainText(200, { min: 1 }),
    periodFrom: optionalDate,
    periodTo: optionalDate,
    url: z.preprocess((v) => (v === '' ? undefined : v), httpUrl.optional()),
    note: plainText(4000, { multiline: true }).default(''),
    /** Why a period outside the assessment's year still applies (asked for only then). */
    periodReason: plainText(1000, { multiline: true }).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.kind === 'LINK' && !v.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: 'url' });
    if (v.kind === 'NOTE' && !v.note)
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'required' });
    if (v.periodFrom && v.periodTo && v.periodFrom > v.periodTo)
      ctx.addIssue({ code: 'custom', path: ['periodTo'], message: 'period' });
  });
export type EvidenceInput = z.infer<typeof evidenceSchema>;

export const evidenceIdSchema = z.object({ evidenceId: id });

/** The ward's written answer to a returned criterion. */
export const returnResponseSchema = z.object({
  commentId: id,
  response: plainText(2000, { min: 1, multiline: true }),
});
export type ReturnResponseInput = z.infer<typeof returnResponseSchema>;

/** A comment on one criterion's result (the thread under it). */
export const commentSchema = z.object({
  resultId: id,
  body: plainText(2000, { min: 1, multiline: true }),
});
export type CommentInput = z.infer<typeof commentSchema>;
