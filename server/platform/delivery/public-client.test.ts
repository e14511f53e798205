import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { testKeyring } from '../pii/keyring.ts';
import { publicClientOf } from './public-client.ts';

describe('anonymous clients', () => {
  const keyring = testKeyring();
  const from = (ip: string, header?: string | string[]) => publicClientOf({ keyring, ip }, header);

  it('refuses a malformed device id on its header, accepts 16–64 letters, digits, - and _', () => {
    for (const bad of [
      '',
      'short',
      'x'.repeat(65),
      'has space in it 0123',
      'ümlaut-device-0001',
      '../../etc/passwd-01',
    ]) {
      expect(() => from('203.0.113.7', bad), bad).toThrow(AppError);
    }
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (raw) => {
        if (/^[A-Za-z0-9_-]{16,64}$/.test(raw)) expect(from('203.0.113.7', raw).device).not.toBeNull();
        else expect(() => from('203.0.113.7', raw)).toThrow(AppError);
      }),
    );
  });

  it('tells devices behind one address apart and keeps neither the id nor the address', () => {
    const a = from('203.0.113.7', 'device-aaaaaaaaaaaa');
    const b = from('203.0.113.7', 'device-bbbbbbbbbbbb');
    expect(a.address).toBe(b.address);
    expect(a.own).not.toBe(b.own);
    expect(JSON.stringify(a)).not.toMatch(/203\.0\.113\.7|device-a/);
    expect(from('203.0.113.7', ['device-aaaaaaaaaaaa', 'other'])).toEqual(a);
  });

  it('without a device id, the address is the client', () => {
    const anonymous = from('203.0.113.7');
    expect(anonymous.device).toBeNull();
    expect(anonymous.own).toBe(`a.${anonymous.address}`);
    expect(from('203.0.113.8').own).not.toBe(anonymous.own);
  });
});
