import { z } from 'zod';
import { secretText, textProblem } from './text';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .max(320, { error: 'tooLong' })
    .pipe(z.email({ error: 'email' })),
  password: secretText(200, { min: 1 }),
  returnTo: z.string().max(2000).optional(),
});

/** A six-digit code from the app, or a recovery code like "7kqm-3xw9-d2fh-8npa". */
const code = z
  .string()
  .trim()
  .min(6, { error: 'twoFactor.code' })
  .max(24, { error: 'twoFactor.code' })
  .refine((c) => textProblem(c, false) === null, { message: 'twoFactor.code' });

export const secondFactorCodeSchema = z.object({
  code,
  returnTo: z.string().max(2000).optional(),
});

/** Proving it is you again before a sensitive action: the password, or a code. */
export const reauthSchema = z.union([
  z.object({ password: secretText(200, { min: 1 }), returnTo: z.string().max(2000).optional() }),
  z.object({ code, returnTo: z.string().max(2000).optional() }),
]);
