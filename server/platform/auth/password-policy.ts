import { estimateStrength } from './password-strength.ts';

/**
 * Password rules. 等保 L3-CES1-01 asks for complexity and periodic change; OWASP ASVS 4.0.3 (2.1.9, 2.1.10)
 * advises against both. So composition and expiry are configurable within 等保 floors (admin/policy-floors.ts),
 * with a "China profile" as the default, and the rules that never hurt are always on: a deny-list, nothing
 * derived from the person's own identifiers, a strength estimate (zxcvbn-ts, password-strength.ts) instead of
 * hand-written pattern rules, long passphrases allowed, no truncation.
 */
export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  /** How many of the four classes (lower, upper, digit, symbol) are required; 0 turns composition off. */
  minClasses: number;
  /** Days until a staff password must be changed; 0 = never. */
  maxAgeDays: number;
  /** How many previous passwords may not be reused. */
  historyCount: number;
  /** Failed sign-ins before the account locks, and for how long. */
  lockoutThreshold: number;
  lockoutMinutes: number;
}

export const chinaProfile: PasswordPolicy = {
  minLength: 10,
  maxLength: 128,
  minClasses: 3,
  maxAgeDays: 90,
  historyCount: 5,
  lockoutThreshold: 5,
  lockoutMinutes: 30,
};

export type PasswordProblem =
  | 'password.too_short'
  | 'password.too_long'
  | 'password.classes'
  | 'password.common'
  | 'password.personal'
  | 'password.weak';

/** Identifiers of the person that must not appear in their password (AUTH-02). */
export interface PersonalWords {
  loginId?: string | undefined;
  phone?: string | undefined;
  idCard?: string | undefined;
  displayName?: string | undefined;
}

// Among the most used passwords in Chinese leak lists and generic lists; compared case-insensitively after
// stripping digits and symbols at the ends, so "Password123!" is caught as "password".
const commonStems = new Set([
  'password',
  'passw0rd',
  'admin',
  'administrator',
  'qwerty',
  'qwertyuiop',
  'asdfgh',
  'asdfghjkl',
  'zxcvbn',
  'zxcvbnm',
  'woaini',
  'iloveyou',
  'aini',
  'abc',
  'abcdef',
  'abcdefg',
  'letmein',
  'welcome',
  'monkey',
  'dragon',
  'master',
  'root',
  'test',
  'guest',
  'user',
  'login',
  'china',
  'zhongguo',
  'beijing',
  'shanghai',
  'hunan',
  'zhuzhou',
  'yanling',
  'wenming',
  'chuangwen',
  'yibao',
  'huawei',
  'xiaomi',
  'qq',
  'weixin',
  'wechat',
  'taobao',
  'baidu',
  'changeme',
  'default',
  'sunshine',
  'princess',
  'football',
  'baseball',
  'superman',
  'trustno',
  'p@ssw0rd',
  'p@ssword',
]);

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export interface PasswordVerdict {
  /** Every rule broken, the first one being what the person is told. */
  problems: PasswordProblem[];
  /** For 'password.weak': a message key saying what makes it guessable (the estimator's feedback). */
  hint: string | null;
}

/**
 * Checks a password. The strength estimate runs last and only when every other rule passed: it is the costly
 * one (tens of milliseconds), and the person is told one problem at a time anyway.
 */
export function judgePassword(password: string, policy: PasswordPolicy, personal: PersonalWords = {}): PasswordVerdict {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push('password.too_short');
  if (length > policy.maxLength) problems.push('password.too_long');
  if (policy.minClasses > 0 && characterClasses(password) < policy.minClasses) problems.push('password.classes');
  if (isCommon(password)) problems.push('password.common');
  if (containsPersonal(password, personal)) problems.push('password.personal');
  if (problems.length > 0) return { problems, hint: null };
  const strength = estimateStrength(password, personalInputs(personal));
  return strength.acceptable ? { problems: [], hint: null } : { problems: ['password.weak'], hint: strength.hint };
}

export function validatePassword(
  password: string,
  policy: PasswordPolicy,
  personal: PersonalWords = {},
): PasswordProblem[] {
  return judgePassword(password, policy, personal).problems;
}

/** The person's identifiers and their parts ("tan.jianjun" → tan, jianjun), for the estimator's own dictionary. */
function personalInputs(personal: PersonalWords): string[] {
  const words = [personal.loginId, personal.displayName, personal.phone, personal.idCard].filter(
    (w): w is string => !!w,
  );
  return [...new Set([...words, ...words.flatMap((w) => w.split(/[^\p{L}\p{N}]+/u))].filter((w) => w.length >= 3))];
}

function isCommon(password: string): boolean {
  const stem = password
    .toLowerCase()
    .replace(/^[^a-z@]+|[^a-z0-9@]+$/g, '')
    .replace(/\d+$/, '');
  return stem.length === 0 || commonStems.has(stem);
}

/** Any identifier of 4+ characters (or its last 6 digits for phones and ID numbers) inside the password. */
function containsPersonal(password: string, personal: PersonalWords): boolean {
  const haystack = password.toLowerCase();
  const needles = [personal.loginId, personal.displayName]
    .filter((w): w is string => !!w && [...w].length >= 3)
    .map((w) => w.toLowerCase());
  for (const digits of [personal.phone, personal.idCard]) {
    const clean = (digits ?? '').replace(/\D/g, '');
    if (clean.length >= 6) needles.push(clean.slice(-6), clean.slice(0, 6));
  }
  return needles.some((needle) => haystack.includes(needle));
}

export function isPasswordExpired(changedAt: Date | null, policy: PasswordPolicy, now: Date): boolean {
  if (policy.maxAgeDays === 0) return false;
  if (!changedAt) return true;
  return now.getTime() - changedAt.getTime() > policy.maxAgeDays * 86_400_000;
}
