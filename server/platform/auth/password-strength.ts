import {
  type MatchExtended,
  type Matcher,
  MatcherBaseClass,
  type MatchOptions,
  ZxcvbnFactory,
  type ZxcvbnResult,
} from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary } from '@zxcvbn-ts/language-en';
import { chineseDictionaries } from './chinese-password-words.ts';

/**
 * Password strength by a maintained estimator, zxcvbn-ts (ASVS 2.1.7/2.1.8), instead of more hand-written rules:
 * it finds repeats ("Aa1!Aa1!Aa1!"), keyboard walks, sequences, dates and dictionary words with their l33t and
 * capitalised forms, and estimates the guesses an attacker needs. Our additions: Chinese habits
 * (chinese-password-words.ts) and phone-like numbers.
 */

/**
 * zxcvbn score 4: at least 10^10 guesses. Score 3 (10^8) is not enough here: zxcvbn grants every extra part of a
 * password a factor of 10^4, so any three-part pattern that the composition rule forces ("Wang@19900101",
 * "Woaini@5201314": name or word, symbol, date or love number) reaches 10^8 by construction.
 */
export const minimumStrengthScore = 4;

/**
 * Only the first 64 characters are analysed, and l33t substitutions are capped: a 256-character password
 * would otherwise cost seconds of CPU (a denial of service through the password form). Longer passphrases
 * are judged by their start, which is strong for any real passphrase.
 */
const analysedLength = 64;

/** A mainland mobile number (1[3-9] and 9 digits): people use their own or family numbers as passwords. */
const mobileNumber = /1[3-9]\d{9}/g;
/** Guesses for a phone-like run: an attacker tries the numbers of the county's own phone segments first. */
const mobileNumberGuesses = 1e5;

class MobileNumberMatching extends MatcherBaseClass {
  match({ password }: MatchOptions): MatchExtended[] {
    return [...password.matchAll(mobileNumber)].map((found) => ({
      pattern: 'mobileNumber',
      token: found[0],
      i: found.index,
      j: found.index + found[0].length - 1,
    }));
  }
}

const mobileNumberMatcher: Matcher = {
  Matching: MobileNumberMatching,
  scoring: () => mobileNumberGuesses,
  feedback: () => ({ warning: null, suggestions: [] }),
};

let factory: ZxcvbnFactory | undefined;

/** Built on first use: ranking the dictionaries takes about half a second, which a CLI command need not pay. */
function estimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory(
    {
      graphs: adjacencyGraphs,
      dictionary: { ...commonDictionary, ...englishDictionary, ...chineseDictionaries },
      maxLength: analysedLength,
      l33tMaxSubstitutions: 8,
    },
    { mobileNumber: mobileNumberMatcher },
  );
  return factory;
}

export interface Strength {
  score: number;
  acceptable: boolean;
  /** A message key saying what makes the password guessable (shown with the refusal), or null. */
  hint: string | null;
}

/** `personal`: the person's own words (login, name, phone), which an attacker who targets them tries first. */
export function estimateStrength(password: string, personal: readonly string[] = []): Strength {
  const result = estimator().check(
    password,
    personal.filter((word) => word.length > 0),
  );
  const acceptable = result.score >= minimumStrengthScore;
  return { score: result.score, acceptable, hint: acceptable ? null : hintOf(result) };
}

/** zxcvbn's own warnings name most patterns; ours come first, since zxcvbn has no words for them. */
function hintOf(result: ZxcvbnResult): string {
  const patterns = result.sequence.map((match) =>
    match.pattern === 'dictionary' ? String(match.dictionaryName) : match.pattern,
  );
  if (patterns.includes('mobileNumber')) return 'password.hint.phone';
  if (patterns.some((name) => name.endsWith('-cn'))) return 'password.hint.chinese';
  const warning = result.feedback.warning;
  return warning && knownWarnings.has(warning) ? `password.hint.${warning}` : 'password.hint.guessable';
}

const knownWarnings = new Set([
  'straightRow',
  'keyPattern',
  'simpleRepeat',
  'extendedRepeat',
  'sequences',
  'recentYears',
  'dates',
  'topTen',
  'topHundred',
  'common',
  'similarToCommon',
  'wordByItself',
  'namesByThemselves',
  'commonNames',
  'userInputs',
]);
