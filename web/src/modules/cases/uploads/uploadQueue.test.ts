import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../app/api.ts';
import type { UploadedPhoto } from './photoUpload.ts';
import {
  isRetryable,
  nextToUpload,
  summarise,
  type UploadAction,
  type UploadItem,
  uploadIdsInOrder,
  uploadsReducer,
} from './uploadQueue.ts';

const blob = new Blob(['jpeg']);
const answer = (uploadId: string): UploadedPhoto => ({
  uploadId,
  width: 1,
  height: 1,
  takenAt: null,
  location: null,
  expiresAt: '2026-11-30T00:00:00.000Z',
});
const run = (actions: UploadAction[], from: UploadItem[] = []) => actions.reduce(uploadsReducer, from);
const two = run([
  {
    type: 'add',
    items: [
      { id: 'a', source: blob, key: 'k-a' },
      { id: 'b', source: blob, key: 'k-b' },
    ],
  },
]);

describe('the upload queue', () => {
  it('sends one photo at a time, in the order picked', () => {
    expect(nextToUpload(two)?.id).toBe('a');
    const sending = run([{ type: 'started', id: 'a' }], two);
    expect(nextToUpload(sending)).toBeUndefined();
    const done = run([{ type: 'uploaded', id: 'a', uploaded: answer('u-a') }], sending);
    expect(nextToUpload(done)?.id).toBe('b');
  });

  it('moves progress forward only, within 0–1', () => {
    const sending = run(
      [
        { type: 'started', id: 'a' },
        { type: 'progress', id: 'a', fraction: 0.6 },
        { type: 'progress', id: 'a', fraction: 0.2 },
      ],
      two,
    );
    expect(sending[0]?.state).toEqual({ status: 'uploading', fraction: 0.6 });
    expect(run([{ type: 'progress', id: 'a', fraction: 7 }], sending)[0]?.state).toEqual({
      status: 'uploading',
      fraction: 1,
    });
  });

  it('a lost connection may be retried with the same key; a refused photo may not be retried', () => {
    const lost = run(
      [
        { type: 'started', id: 'a' },
        { type: 'failed', id: 'a', problem: ApiError.network() },
      ],
      two,
    );
    expect(lost[0]?.state).toMatchObject({ status: 'failed', retryable: true });
    expect(run([{ type: 'retry', id: 'a' }], lost)[0]).toMatchObject({ key: 'k-a', state: { status: 'waiting' } });
    const refused = run(
      [
        { type: 'started', id: 'a' },
        { type: 'failed', id: 'a', problem: new ApiError(400, 'validation_failed', '不是图片') },
      ],
      two,
    );
    expect(refused[0]?.state).toMatchObject({ status: 'failed', retryable: false });
    expect(run([{ type: 'retry', id: 'a' }], refused)[0]?.state.status).toBe('failed');
  });

  it('a photo the server no longer has is sent again under a new key', () => {
    const done = run(
      [
        { type: 'started', id: 'a' },
        { type: 'uploaded', id: 'a', uploaded: answer('u-a') },
      ],
      two,
    );
    const gone = run(
      [
        { type: 'gone', id: 'a', problem: '已过期', key: 'k-new' },
        { type: 'retry', id: 'a' },
      ],
      done,
    );
    expect(gone[0]).toMatchObject({ key: 'k-new', state: { status: 'waiting' } });
  });

  it('news about a removed photo changes nothing', () => {
    const removed = run(
      [
        { type: 'started', id: 'a' },
        { type: 'remove', id: 'a' },
      ],
      two,
    );
    expect(run([{ type: 'uploaded', id: 'a', uploaded: answer('u-a') }], removed)).toEqual(removed);
    expect(removed.map((i) => i.id)).toEqual(['b']);
  });

  it('gives the ids in the form’s order only once all are up', () => {
    let items = run(
      [
        { type: 'started', id: 'a' },
        { type: 'uploaded', id: 'a', uploaded: answer('u-a') },
      ],
      two,
    );
    expect(uploadIdsInOrder(items, ['b', 'a'])).toBeUndefined();
    expect(summarise(items)).toEqual({ pending: 1, failed: 0, uploaded: 1 });
    items = run(
      [
        { type: 'started', id: 'b' },
        { type: 'uploaded', id: 'b', uploaded: answer('u-b') },
      ],
      items,
    );
    expect(uploadIdsInOrder(items, ['b', 'a'])).toEqual(['u-b', 'u-a']);
  });

  it('whatever happens, at most one photo is on its way and every photo keeps one state (property)', () => {
    const ids = ['a', 'b', 'c'];
    const action = fc.oneof(
      fc.constantFrom(...ids).map((id): UploadAction => ({ type: 'started', id })),
      fc.constantFrom(...ids).map((id): UploadAction => ({ type: 'uploaded', id, uploaded: answer(`u-${id}`) })),
      fc.constantFrom(...ids).map((id): UploadAction => ({ type: 'failed', id, problem: ApiError.network() })),
      fc.constantFrom(...ids).map((id): UploadAction => ({ type: 'retry', id })),
      fc.constantFrom(...ids).map((id): UploadAction => ({ type: 'remove', id })),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let items = run([{ type: 'add', items: ids.map((id) => ({ id, source: blob, key: `k-${id}` })) }]);
        for (const a of actions) {
          // The hook only ever starts what nextToUpload names.
          if (a.type === 'started' && nextToUpload(items)?.id !== a.id) continue;
          items = uploadsReducer(items, a);
          expect(items.filter((i) => i.state.status === 'uploading').length).toBeLessThanOrEqual(1);
          const { pending, failed, uploaded } = summarise(items);
          expect(pending + failed + uploaded).toBe(items.length);
        }
      }),
    );
  });

  it('counts network failures, timeouts, the rate limit and server errors as worth retrying', () => {
    expect(
      [ApiError.network(), new ApiError(429, 'rate_limited', ''), new ApiError(503, 'x', ''), new TypeError('x')].map(
        isRetryable,
      ),
    ).toEqual([true, true, true, true]);
    expect(
      [new ApiError(400, 'x', ''), new ApiError(413, 'x', ''), new ApiError(403, 'x', '')].map(isRetryable),
    ).toEqual([false, false, false]);
  });
});
