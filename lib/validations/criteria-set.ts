import { recordId } from './ids';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { NUMBER_LOCALE_FIELD, readFigure, type NumberLocale } from '@/lib/domain/figures';
import { figureInput, numberLocaleSchema, readFigureField } from './figures';
import { plainText } from './text';

export const measureKinds = ['BOOLEAN', 'PERCENT', 'COUNT', 'CHANGE', 'RATING'] as const;
export const comparators = ['EQ', 'GTE', 'GT', 'LTE', 'LT'] as const;

const measureFields = {
  measureKind: z.enum(measureKinds, { error: 'invalid' }),
  comparator: z.enum(comparators, { error: 'invalid' }).optional(),
  threshold: z.number({ error: 'number' }).finite({ error: 'number' }).optional(),
  ratingScale: z
    .array(plainText(200, { min: 1 }))
    .max(10)
    .default([]),
  ratingScaleEn: z
    .array(plainText(200, { min: 1 }))
    .max(10)
    .default([]),
};

/** A checkbox ("on"), a CSV cell ("true", "1", "x") or JSON true; anything else is false. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform(
    (v) =>
      v === true ||
      (typeof v === 'string' && ['on', 'true', '1', 'x'].includes(v.trim().toLowerCase())),
  );

type MeasureFields = {
  measureKind: (typeof measureKinds)[number];
  comparator?: (typeof comparators)[number];
  threshold?: number;
  ratingScale: string[];
  ratingScaleEn: string[];
};

/** A measure must be coherent: a scale for ratings, a threshold with its comparator, percents within 0–100. */
function checkMeasure(c: MeasureFields, ctx: z.RefinementCtx) {
  if (c.measureKind === 'RATING') {
    if (c.ratingScale.length < 2)
      ctx.addIssue({ code: 'custom', path: ['ratingScale'], message: 'ratingScale' });
    if (c.ratingScaleEn.length !== c.ratingScale.length)
      ctx.addIssue({ code: 'custom', path: ['ratingScaleEn'], message: 'ratingScaleEn' });
    if (
      c.threshold !== undefined &&
      (!Number.isInteger(c.threshold) || c.threshold < 0 || c.threshold >= c.ratingScale.length)
    )
      ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'ratingThreshold' });
  }
  if ((c.threshold === undefined) !== (c.comparator === undefined) && c.measureKind !== 'BOOLEAN')
    ctx.addIssue({ code: 'custom', path: ['comparator'], message: 'comparatorWithThreshold' });
  if (
    c.measureKind === 'PERCENT' &&
    c.threshold !== undefined &&
    (c.threshold < 0 || c.threshold > 100)
  )
    ctx.addIssue({ code: 'custom', path: ['threshold'], message: 'percentRange' });
}

/** A criterion's wording in both languages and whether it needs evidence: added or edited alike. */
const wordingFields = {
  title: plainText(500, { min: 1 }),
  titleEn: plainText(500, { min: 1 }),
  description: plainText(4000, { multiline: true }).default(''),
  descriptionEn: plainText(4000, { multiline: true }).default(''),
  evidenceGuidance: plainText(4000, { multiline: true }).default(''),
  evidenceGuidanceEn: plainText(4000, { multiline: true }).default(''),
  evidenceRequired: checkbox,
};

export const criterionInputSchema = z
  .object({
    number: z.number().int().min(1).max(200),
    pillar: z.number().int().min(1),
    ...wordingFields,
    ...measureFields,
  })
  .superRefine(checkMeasure);

/** The edit form of one criterion (numbers and pillars do not move). */
export const criterionEditSchema = z
  .object({
    id: recordId,
    ...wordingFields,
    ...measureFields,
    threshold: figureInput,
    [NUMBER_LOCALE_FIELD]: numberLocaleSchema,
  })
  .transform(({ numberLocale, ...c }, ctx) => ({
    ...c,
    threshold: readFigureField(ctx, 'threshold', c.threshold, numberLocale) ?? undefined,
  }))
  .superRefine(checkMeasure);
export type CriterionEditInput = z.infer<typeof criterionEditSchema>;

export const criteriaSetSchema = z
  .object({
    code: plainText(50, { min: 1 }),
    title: plainText(300, { min: 1 }),
    titleEn: plainText(300, { min: 1 }),
    issuingDocument: plainText(300, { min: 1 }),
    isProvisional: z.boolean().default(true),
    years: z.array(z.number().int().min(2000).max(2100)).default([]),
    pillars: z
      .array(
        z.object({
          position: z.number().int().min(1),
          name: plainText(200, { min: 1 }),
          nameEn: plainText(200, { min: 1 }),
        }),
      )
      .min(1),
    criteria: z.array(criterionInputSchema).min(1).max(200),
  })
  .superRefine((set, ctx) => {
    const pillars = new Set(set.pillars.map((p) => p.position));
    const numbers = new Set<number>();
    set.criteria.forEach((c, i) => {
      if (numbers.has(c.number))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'number'],
          message: `Criterion ${c.number} appears twice.`,
        });
      numbers.add(c.number);
      if (!pillars.has(c.pillar))
        ctx.addIssue({
          code: 'custom',
          path: ['criteria', i, 'pillar'],
          message: `Pillar ${c.pillar} is not defined.`,
        });
    });
  });

export type CriteriaSetInput = z.input<typeof criteriaSetSchema>;
export type CriteriaSet = z.output<typeof criteriaSetSchema>;

const lines = (v: unknown) =>
  String(v ?? '')
    .split(/\r?\n|\|/)
    .map((s) => s.trim())
    .filter(Boolean);
/** A threshold of a CSV file, read like every typed figure in the uploader's language. */
const optionalNumber = (v: unknown, locale: NumberLocale) => {
  const reading = readFigure(String(v ?? ''), locale);
  return reading.ok ? (reading.value ?? undefined) : Number.NaN;
};
const optionalText = (v: unknown) => {
  const t = String(v ?? '').trim();
  return t === '' ? undefined : t;
};

/** The criterion edit form's fields as the schema's input (scale levels one per line). */
export function criterionEditFromForm(values: Record<string, string>) {
  return {
    ...values,
    comparator: optionalText(values.comparator),
    ratingScale: lines(values.ratingScale),
    ratingScaleEn: lines(values.ratingScaleEn),
  };
}

export const criteriaSetMetaSchema = z.object({
  code: plainText(50, { min: 1 }),
  title: plainText(300, { min: 1 }),
  titleEn: plainText(300, { min: 1 }),
  issuingDocument: plainText(300, { min: 1 }),
  years: z.array(z.coerce.number().int().min(2021).max(2030)).default([]),
  [NUMBER_LOCALE_FIELD]: numberLocaleSchema,
});

const csvColumns = [
  'pillar',
  'pillar_name',
  'pillar_name_en',
  'number',
  'title',
  'title_en',
  'measure_kind',
] as const;

/**
 * Reads a criteria set from JSON (the shape of prisma/seed-data/criteria-22.ts) or from CSV with
 * the columns pillar,pillar_name,pillar_name_en,number,title,title_en,measure_kind[,comparator,
 * threshold,rating_scale,rating_scale_en,description,description_en,evidence_guidance,
 * evidence_guidance_en,evidence_required], where scale
 * levels are separated by "|". `meta` (code, titles, document, years) completes a CSV.
 */
export function parseCriteriaSetFile(
  text: string,
  fileName: string,
  meta: z.infer<typeof criteriaSetMetaSchema>,
): { ok: true; set: CriteriaSet } | { ok: false; problems: string[] } {
  let candidate: unknown;
  if (fileName.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{')) {
    try {
      candidate = { ...JSON.parse(text), ...(meta.years.length ? { years: meta.years } : {}) };
    } catch (error) {
      return { ok: false, problems: [`JSON: ${(error as Error).message}`] };
    }
  } else {
    let records: Record<string, string>[];
    try {
      records = parseCsv(text, {
        bom: true,
        columns: (h: string[]) => h.map((x) => x.trim().toLowerCase()),
        skip_empty_lines: true,
        trim: true,
        relax_column_count: true,
      });
    } catch (error) {
      return { ok: false, problems: [`CSV: ${(error as Error).message}`] };
    }
    const header = Object.keys(records[0] ?? {});
    const missing = csvColumns.filter((c) => !header.includes(c));
    if (missing.length) return { ok: false, problems: [`line 1: missing ${missing.join(', ')}`] };
    const pillars = new Map<number, { position: number; name: string; nameEn: string }>();
    for (const r of records)
      pillars.set(Number(r.pillar), {
        position: Number(r.pillar),
        name: r.pillar_name ?? '',
        nameEn: r.pillar_name_en ?? '',
      });
    candidate = {
      ...meta,
      isProvisional: true,
      pillars: [...pillars.values()],
      criteria: records.map((r) => ({
        number: Number(r.number),
        pillar: Number(r.pillar),
        title: r.title,
        titleEn: r.title_en,
        measureKind: r.measure_kind?.toUpperCase(),
        comparator: optionalText(r.comparator)?.toUpperCase(),
        threshold: optionalNumber(r.threshold, meta.numberLocale),
        ratingScale: lines(r.rating_scale),
        ratingScaleEn: lines(r.rating_scale_en),
        description: r.description ?? '',
        descriptionEn: r.description_en ?? '',
        evidenceGuidance: r.evidence_guidance ?? '',
        evidenceGuidanceEn: r.evidence_guidance_en ?? '',
        evidenceRequired: r.evidence_required ?? '',
      })),
    };
  }
  const parsed = criteriaSetSchema.safeParse(candidate);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => {
        const [first, index, ...rest] = i.path;
        const where =
          first === 'criteria' && typeof index === 'number'
            ? `criterion ${index + 1}${rest.length ? ` [${rest.join('.')}]` : ''}`
            : i.path.join('.');
        return `${where}: ${i.message}`;
      }),
    };
  return { ok: true, set: parsed.data };
}
