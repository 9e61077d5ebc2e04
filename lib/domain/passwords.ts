import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/**
 * Password rules, shared by every form and command that sets one (OWASP ASVS 2.1): length first
 * (12 characters at least, passphrases welcome, no rule about which kinds of characters), and not
 * one that guessing would find soon — checked with zxcvbn-ts against its lists of the most common
 * and breached passwords (about 49,000) and keyboard patterns, plus the account's own words and
 * this app's (an estimate under 10^8 guesses is refused). Nothing leaves the server: the lists
 * ship with the library.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** zxcvbn's score 3: "safely unguessable", about 10^8 guesses or more. */
const MIN_SCORE = 3;

/** Words anyone guessing a password for this app would try first. */
const appWords = ['kieumau', 'kieu mau', 'congan', 'cong an', 'phuong', 'matkhau', 'bocongan'];

export type PasswordProblem = 'too_short' | 'too_long' | 'contains_email' | 'too_common';

let checker: ZxcvbnFactory | undefined;
const guessChecker = () =>
  (checker ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary },
    graphs: common.adjacencyGraphs,
  }));

export function passwordProblems(
  password: string,
  account: { email?: string; name?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) return [...problems, 'too_long'];
  const local = account.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 3 && password.toLowerCase().includes(local))
    problems.push('contains_email');
  if (problems.length === 0) {
    const own = [local, ...(account.name?.toLowerCase().split(/\s+/) ?? [])].filter(
      (w): w is string => Boolean(w && w.length >= 3),
    );
    if (guessChecker().check(password, [...appWords, ...own]).score < MIN_SCORE)
      problems.push('too_common');
  }
  return problems;
}
