import { z } from 'zod';

export const measureKinds = ['BOOLEAN', 'PERCENT', 'COUNT', 'CHANGE', 'RATING'] as const;
export const comparators = ['EQ', 'GTE', 'GT', 'LTE', 'LT'] as const;

export const criterionInputSchema = z
  .object({
    number: z.number().int().min(1).max(200),
    pillar: z.number().int().min(1),
    title: z.string().trim().min(1).max(500),
    titleEn: z.string().trim().min(1).max(500),
    description: z.string().trim().max(4000).default(''),
    descriptionEn: z.string().trim().max(4000).default(''),
    evidenceGuidance: z.string().trim().max(4000).default(''),
    measureKind: z.enum(measureKinds),
    comparator: z.enum(comparators).optional(),
    threshold: z.number().finite().optional(),
    ratingScale: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
    ratingScaleEn: z.array(z.string().trim().min(1).max(200)).max(10).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.measureKind === 'RATING') {
      if (c.ratingScale.length < 2)
        ctx.addIssue({
          code: 'custom',
          path: ['ratingScale'],
          message: 'A rating needs a scale of at least two levels.',
        });
      if (c.ratingScaleEn.length !== c.ratingScale.length)
        ctx.addIssue({
          code: 'custom',
          path: ['ratingScaleEn'],
          message: 'The English scale must have as many levels as the Vietnamese one.',
        });
      if (
        c.threshold !== undefined &&
        (!Number.isInteger(c.threshold) || c.threshold < 0 || c.threshold >= c.ratingScale.length)
      )
        ctx.addIssue({
          code: 'custom',
          path: ['threshold'],
          message: 'A rating threshold is a level of the scale.',
        });
    }
    if ((c.threshold === undefined) !== (c.comparator === undefined) && c.measureKind !== 'BOOLEAN')
      ctx.addIssue({
        code: 'custom',
        path: ['comparator'],
        message: 'Give both a comparator and a threshold, or neither.',
      });
    if (
      c.measureKind === 'PERCENT' &&
      c.threshold !== undefined &&
      (c.threshold < 0 || c.threshold > 100)
    )
      ctx.addIssue({
        code: 'custom',
        path: ['threshold'],
        message: 'A percent threshold is between 0 and 100.',
      });
  });

export const criteriaSetSchema = z
  .object({
    code: z.string().trim().min(1).max(50),
    title: z.string().trim().min(1).max(300),
    titleEn: z.string().trim().min(1).max(300),
    issuingDocument: z.string().trim().min(1).max(300),
    isProvisional: z.boolean().default(true),
    years: z.array(z.number().int().min(2000).max(2100)).default([]),
    pillars: z
      .array(
        z.object({
          position: z.number().int().min(1),
          name: z.string().trim().min(1).max(200),
          nameEn: z.string().trim().min(1).max(200),
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
