import { beforeEach, describe, expect, it, vi } from 'vitest';
import { citizenDeviceId, deviceIdStorageKey } from './deviceId.ts';

beforeEach(() => window.localStorage.clear());

describe('the citizen device id', () => {
  it('replaces a stored value the server would refuse', () => {
    window.localStorage.setItem(deviceIdStorageKey, 'bad id');
    const id = citizenDeviceId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(window.localStorage.getItem(deviceIdStorageKey)).toBe(id);
  });

  it('is made once and kept', () => {
    const first = citizenDeviceId();
    expect(citizenDeviceId()).toBe(first);
  });

  it('still gives one id per page when storage is blocked', () => {
    const blocked = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    try {
      const id = citizenDeviceId();
      expect(id).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(citizenDeviceId()).toBe(id);
    } finally {
      blocked.mockRestore();
    }
  });
});
