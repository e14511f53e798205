import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatUploadId,
  newCitizenUploadToken,
  newStaffUploadToken,
  parseUploadId,
  uploadSecretHash,
} from './upload-token.ts';

describe('upload ids', () => {
  it('a staff id is a bare UUID; a citizen id carries a 22-character secret; both read back as made', () => {
    const staff = newStaffUploadToken();
    const citizen = newCitizenUploadToken();
    expect(formatUploadId(staff)).toMatch(/^[0-9a-f-]{36}$/);
    expect(formatUploadId(citizen)).toMatch(/^[0-9a-f-]{36}\.[A-Za-z0-9_-]{22}$/);
    expect(parseUploadId(formatUploadId(staff))).toEqual(staff);
    expect(parseUploadId(formatUploadId(citizen))).toEqual(citizen);
    expect(newCitizenUploadToken().secret).not.toBe(citizen.secret);
  });

  it.each([
    '',
    'not-an-id',
    '00000000-0000-4000-8000-00000000000',
    '00000000-0000-4000-8000-000000000000.',
    '00000000-0000-4000-8000-000000000000.short',
    '00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAA.x',
  ])('refuses %j', (value) => {
    expect(parseUploadId(value)).toBeNull();
  });

  it('parses only what it could have made, and every token it makes round-trips (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (value) => {
        const token = parseUploadId(value);
        if (token !== null) expect(formatUploadId(token)).toBe(value);
      }),
    );
    fc.assert(
      fc.property(fc.uuid(), fc.uint8Array({ minLength: 16, maxLength: 16 }), (id, secret) => {
        const token = { id, secret: Buffer.from(secret).toString('base64url') };
        expect(parseUploadId(formatUploadId(token))).toEqual(token);
      }),
    );
  });

  it('the stored hash is not the secret and differs per secret', () => {
    const { secret } = newCitizenUploadToken();
    expect(uploadSecretHash(secret!)).toMatch(/^[0-9a-f]{64}$/);
    expect(uploadSecretHash(secret!)).not.toContain(secret);
    expect(uploadSecretHash(`${secret}x`)).not.toBe(uploadSecretHash(secret!));
  });
});
