import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { temporaryPassword } from './admin/temporary-password.ts';
import {
  characterClasses,
  chinaProfile,
  isPasswordExpired,
  judgePassword,
  validatePassword,
} from './password-policy.ts';

describe('password policy (China profile)', () => {
  it.each([
    ['short1A!', ['password.too_short']],
    ['alllowercaseletters', ['password.classes']],
    ['Password123!', ['password.common']],
    ['Woaini520520!', ['password.common']],
    // Composition satisfied, yet guessable: the strength estimator refuses them (issue #9 item 11).
    ['Aa1!Aa1!Aa1!', ['password.weak']],
    ['Abcdefghij1!', ['password.weak']],
    ['1234567890Aa', ['password.weak']],
    ['P@ssw0rd!2026', ['password.weak']],
    ['Qwer!1234asdf', ['password.weak']],
    // Chinese habits: pinyin names and words, birthdays (yyyymmdd, yymmdd), 520/1314, phone numbers.
    ['Wang@19900101', ['password.weak']],
    ['Chen#880808', ['password.weak']],
    ['Liu19880808!', ['password.weak']],
    ['Zhangwei@1988', ['password.weak']],
    ['Woaini@5201314', ['password.weak']],
    ['Baobao@1314520', ['password.weak']],
    ['Aa!13812345678', ['password.weak']],
    ['Yanling#2026xy', ['password.weak']],
    // Strong enough.
    ['Qing#Shan-29xk', []],
    ['Lu#Shui-River7', []],
    ['Mian#Du-Town17', []],
    ['Xk7#pQ2mZr9w', []],
  ])('%s → %j', (password, problems) => {
    expect(validatePassword(password, chinaProfile)).toEqual(problems);
  });

  it('says what makes a weak password guessable, in words the message catalogue has', () => {
    expect(judgePassword('Aa1!Aa1!Aa1!', chinaProfile).hint).toBe('password.hint.extendedRepeat');
    expect(judgePassword('Zhangwei@1988', chinaProfile).hint).toBe('password.hint.chinese');
    expect(judgePassword('Qing#Shan-29xk', chinaProfile).hint).toBeNull();
  });

  it('refuses a password containing the login id, name, or the last digits of the phone or ID number', () => {
    const personal = { loginId: 'zhangsan', phone: '13812345678', idCard: '430225199001011234', displayName: '张三丰' };
    expect(validatePassword('Zhangsan#2026!', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('Xx#345678abc', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('Ab#011234xyzq', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('我是张三丰Ab1!xyz', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('Qing#Shan-29x', chinaProfile, personal)).toEqual([]);
  });

  it('the estimator knows the parts of the login too ("tan.kexiong" → kexiong)', () => {
    expect(validatePassword('Kexiong#Tq-2026', chinaProfile)).toEqual([]);
    expect(validatePassword('Kexiong#Tq-2026', chinaProfile, { loginId: 'tan.kexiong' })).toEqual(['password.weak']);
  });

  it('allows long passphrases and never truncates (ASVS 2.1.2–2.1.4)', () => {
    const phrase = '炎陵县 red azaleas bloom on 神农谷 ridge in May! 2026';
    expect(validatePassword(phrase, chinaProfile)).toEqual([]);
    expect(validatePassword(`${phrase}x`.repeat(3), chinaProfile)).toEqual(['password.too_long']);
  });

  it('a password shorter than the minimum is always refused, whatever its characters', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: chinaProfile.minLength - 1 }), (password) => {
        expect(validatePassword(password, chinaProfile)).toContain('password.too_short');
      }),
    );
  });

  it('a short chunk repeated is always refused, whatever the chunk', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 2, maxLength: 4, unit: 'grapheme-ascii' }),
        fc.integer({ min: 3, max: 8 }),
        (chunk, times) => {
          const password = chunk.repeat(Math.max(times, Math.ceil(chinaProfile.minLength / chunk.length)));
          expect(validatePassword(password, chinaProfile).length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the one-time passwords administrators hand out always pass', () => {
    for (let i = 0; i < 30; i++) {
      const password = temporaryPassword();
      expect(validatePassword(password, chinaProfile), password).toEqual([]);
    }
  });

  it('never throws on any input, and composition counts at most four classes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string(), (password, login) => {
        validatePassword(password, chinaProfile, { loginId: login });
        expect(characterClasses(password)).toBeLessThanOrEqual(4);
      }),
      { numRuns: 60 },
    );
  });

  it('expires a password after maxAgeDays, and a never-set one at once', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isPasswordExpired(new Date('2026-03-01T00:00:00Z'), chinaProfile, now)).toBe(true);
    expect(isPasswordExpired(new Date('2026-03-05T00:00:00Z'), chinaProfile, now)).toBe(false);
    expect(isPasswordExpired(null, chinaProfile, now)).toBe(true);
  });
});
