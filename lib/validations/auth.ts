import { z } from 'zod';

export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .max(320, { error: 'tooLong' })
    .pipe(z.email({ error: 'email' })),
  password: z.string().min(1, { error: 'required' }).max(200, { error: 'tooLong' }),
  returnTo: z.string().max(2000).optional(),
});

/** A six-digit code from the app, or a recovery code like "k7f3-9qx2". */
export const secondFactorCodeSchema = z.object({
  code: z.string().trim().min(6, { error: 'twoFactor.code' }).max(20, { error: 'twoFactor.code' }),
  returnTo: z.string().max(2000).optional(),
});
