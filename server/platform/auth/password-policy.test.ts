import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaProfile, characterClasses, isPasswordExpired, validatePassword } from './password-policy.ts';

describe('password policy (China profile)', () => {
  it.each([
    ['Yanling#2026xy', []],
    ['short1A!', ['password.too_short']],
    ['alllowercaseletters', ['password.classes']],
    ['Password123!', ['password.common']],
    ['Woaini520520!', ['password.common']],
    ['Abcdefghij1!', ['password.sequence']],
    ['1234567890Aa', ['password.sequence']],
  ])('%s → %j', (password, problems) => {
    expect(validatePassword(password, chinaProfile)).toEqual(problems);
  });

  it('refuses a password containing the login id, name, or the last digits of the phone or ID number', () => {
    const personal = { loginId: 'zhangsan', phone: '13812345678', idCard: '430225199001011234', displayName: '张三丰' };
    expect(validatePassword('Zhangsan#2026!', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('Xx#345678abc', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('Ab#011234xyzq', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('我是张三丰Ab1!xyz', chinaProfile, personal)).toContain('password.personal');
    expect(validatePassword('Qing#Shan-29x', chinaProfile, personal)).toEqual([]);
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

  it('never throws on any input, and composition counts at most four classes', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string(), (password, login) => {
        validatePassword(password, chinaProfile, { loginId: login });
        expect(characterClasses(password)).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('expires a password after maxAgeDays, and a never-set one at once', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    expect(isPasswordExpired(new Date('2026-03-01T00:00:00Z'), chinaProfile, now)).toBe(true);
    expect(isPasswordExpired(new Date('2026-03-05T00:00:00Z'), chinaProfile, now)).toBe(false);
    expect(isPasswordExpired(null, chinaProfile, now)).toBe(true);
    expect(isPasswordExpired(null, { ...chinaProfile, maxAgeDays: 0 }, now)).toBe(false);
  });
});
