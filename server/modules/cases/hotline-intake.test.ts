import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/http/app-error.ts';
import { assertHotlineFieldsFit, channelsOpenTo, decideChannel, normalizeTicketNo } from './hotline-intake.ts';

const person = (roles: string[], permissions: string[] = []) => ({ roles, permissions: new Set(permissions) });
const fieldsOf = (run: () => unknown): Record<string, unknown> => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
  throw new Error('expected a field error');
};

describe('the 12345 工单号', () => {
  it('is kept in one written form: half-width, no spaces, upper case', () => {
    expect(normalizeTicketNo(' rx260312-001 ')).toEqual({ ok: true, value: 'RX260312-001' });
    expect(normalizeTicketNo('ＲＸ２６０３１２－００１')).toEqual({ ok: true, value: 'RX260312-001' });
    expect(normalizeTicketNo('2026 0312 00123')).toEqual({ ok: true, value: '2026031200123' });
    expect(normalizeTicketNo('GD/2026/7')).toEqual({ ok: true, value: 'GD/2026/7' });
  });

  it('refuses what is no ticket number', () => {
    for (const bad of ['', '  ', 'ab', '-RX1', '工单123', 'RX#1', 'A'.repeat(41)]) {
      expect(normalizeTicketNo(bad), bad).toEqual({ ok: false });
    }
  });

  const ticketChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefz0123456789-_/'.split(''));

  it('property: normalising is idempotent, and what it accepts matches the stored pattern', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (raw) => {
        const once = normalizeTicketNo(raw);
        if (!once.ok) return;
        expect(once.value).toMatch(/^[A-Z0-9][A-Z0-9_/-]{2,39}$/);
        expect(normalizeTicketNo(once.value)).toEqual(once);
      }),
    );
  });

  it('property: the full-width, spaced or lower-case keying of a ticket is the same ticket', () => {
    const ticket = fc
      .tuple(fc.constantFrom(...'ABCXYZ0189'.split('')), fc.array(ticketChar, { minLength: 2, maxLength: 30 }))
      .map(([first, rest]) => first + rest.join(''));
    fc.assert(
      fc.property(ticket, fc.nat(5), (value, gap) => {
        const wide = [...value].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
        const spaced = `${' '.repeat(gap)}${value.slice(0, 2)} ${value.slice(2).toLowerCase()}\u3000`;
        const expected = normalizeTicketNo(value);
        expect(expected.ok).toBe(true);
        expect(normalizeTicketNo(wide)).toEqual(expected);
        expect(normalizeTicketNo(spaced)).toEqual(expected);
      }),
    );
  });

  it('property: text with a Chinese character is never a ticket number', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 0x4e00, max: 0x9fa5 }), (text, cp) => {
        expect(normalizeTicketNo(`${text}${String.fromCharCode(cp)}${text}`).ok).toBe(false);
      }),
    );
  });
});

describe('the channel of a staff report', () => {
  const inspector = person(['inspector'], ['cases.report']);
  const volunteer = person(['volunteer'], ['cases.report']);
  const dispatcher = person(['dispatcher'], ['cases.report', 'cases.hotline']);
  const cadre = person(['village_cadre'], ['cases.report']);

  it('is the person’s own when the form does not say', () => {
    expect(decideChannel(inspector, undefined, [])).toBe('patrol');
    expect(decideChannel(volunteer, undefined, [])).toBe('volunteer');
    expect(decideChannel(cadre, undefined, [])).toBe('other');
    expect(decideChannel(dispatcher, undefined, [])).toBe('other');
    expect(decideChannel(dispatcher, undefined, ['ticketNo'])).toBe('hotline');
    expect(decideChannel(inspector, undefined, ['callerName'])).toBe('patrol');
  });

  it('may be chosen only among the person’s own; citizen is never a staff channel', () => {
    expect(channelsOpenTo(dispatcher)).toEqual(['hotline', 'other']);
    expect(decideChannel(inspector, 'other', [])).toBe('other');
    expect(fieldsOf(() => decideChannel(inspector, 'hotline', []))).toHaveProperty('channel');
    expect(fieldsOf(() => decideChannel(volunteer, 'patrol', []))).toHaveProperty('channel');
    expect(fieldsOf(() => decideChannel(dispatcher, 'citizen', []))).toHaveProperty('channel');
  });

  it('takes the caller’s fields only as a hotline intake, naming each field', () => {
    expect(() => assertHotlineFieldsFit('hotline', ['phone', 'ticketNo'])).not.toThrow();
    expect(() => assertHotlineFieldsFit('patrol', [])).not.toThrow();
    expect(Object.keys(fieldsOf(() => assertHotlineFieldsFit('patrol', ['callerName', 'ticketNo'])))).toEqual([
      'callerName',
      'ticketNo',
    ]);
  });
});
