import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';

/** Lowest zxcvbn score accepted (0–4): 2 refuses the common passwords, keyboard walks and words with digits. */
export const MIN_PASSWORD_SCORE = 2;
export const MIN_PASSWORD_LENGTH = 10;

let zxcvbn: ZxcvbnFactory | null = null;
const estimator = (): ZxcvbnFactory =>
  (zxcvbn ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs }));

export type PasswordProblem = {
  reason: 'PASSWORD_TOO_SHORT' | 'PASSWORD_CONTAINS_USERNAME' | 'PASSWORD_TOO_COMMON';
  message: string;
};

/**
 * Why a password is refused, or null: shorter than 10 characters, containing the username (or the username
 * containing it), or guessable (zxcvbn with the common-password lists, score below 2; the username and display
 * name count as known words).
 */
export const passwordProblem = (password: string, username?: string, displayName?: string): PasswordProblem | null => {
  if (password.length < MIN_PASSWORD_LENGTH)
    return {
      reason: 'PASSWORD_TOO_SHORT',
      message: `The password must have at least ${MIN_PASSWORD_LENGTH} characters`,
    };
  const p = password.toLowerCase();
  const u = username?.trim().toLowerCase();
  if (u && u.length >= 3 && (p.includes(u) || u.includes(p)))
    return { reason: 'PASSWORD_CONTAINS_USERNAME', message: 'The password must not contain the username' };
  const known = [username, displayName].filter((x): x is string => Boolean(x));
  if (estimator().check(password.slice(0, 100), known).score < MIN_PASSWORD_SCORE) {
    return {
      reason: 'PASSWORD_TOO_COMMON',
      message: 'The password is too easy to guess (a common password or pattern); choose a longer or less usual one',
    };
  }
  return null;
};
