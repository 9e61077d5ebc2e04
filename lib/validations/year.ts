import { z } from 'zod';
import { FIRST_YEAR, LAST_YEAR } from '@/lib/domain/progress';

/**
 * A programme year (2021–2030), from a form, a query string or the API: the one schema every
 * route and form reads a year with. Its message is the `validation.year` key.
 */
export const yearSchema = z.coerce
  .number({ error: 'year' })
  .int({ error: 'year' })
  .min(FIRST_YEAR, { error: 'year' })
  .max(LAST_YEAR, { error: 'year' });
