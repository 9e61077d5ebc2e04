/**
 * Password rules, shared by every form that sets one. Long passphrases beat symbol rules, so we
 * ask for length and a mix of letters and digits, and refuse the account's own email.
 */
export const PASSWORD_MIN_LENGTH = 10;

export type PasswordProblem =
  'too_short' | 'too_long' | 'needs_letter_and_digit' | 'contains_email';

export function passwordProblems(password: string, email?: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > 200) problems.push('too_long');
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) problems.push('needs_letter_and_digit');
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && password.toLowerCase().includes(local))
    problems.push('contains_email');
  return problems;
}

/** A temporary password for an administrator to hand over; the user must change it at first sign-in. */
export function temporaryPassword(random: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = random(14);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  // Guarantee a letter and a digit whatever the draw.
  return `${out.slice(0, 12)}${alphabet[bytes[12]! % 24]}${(bytes[13]! % 8) + 2}`;
}
