import { z } from 'zod';

/** A database id as a form sends it: a positive whole number that fits PostgreSQL's integer. */
export const recordId = z.coerce
  .number({ error: 'invalid' })
  .int({ error: 'invalid' })
  .positive({ error: 'invalid' })
  .max(2_147_483_647, { error: 'invalid' });
