import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../http/app-error.ts';
import { renderError } from '../http/error-handler.ts';
import { defaultPhotoConcurrency, defaultPhotoQueue, inspectImage, photoSlots, setPhotoConcurrency } from './image.ts';
import { photo } from './image.fixtures.ts';
import { photoWorkerEnvironment, photoWorkerPid, photoWorkerSettings, stopPhotoWorker } from './photo-worker.ts';

async function rejection(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

/** Resolves once process `pid` has gone (signal 0 probes without signalling). */
async function exited(pid: number): Promise<true> {
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the photo worker process', () => {
  const settings = { ...photoWorkerSettings };
  afterEach(() => {
    setPhotoConcurrency(defaultPhotoConcurrency, defaultPhotoQueue);
    Object.assign(photoWorkerSettings, settings);
  });

  it('is replaced when its memory passes the bound after a photo, and the old one exits', async () => {
    photoWorkerSettings.recycleBytes = 1; // every worker is past it after its first photo
    const bytes = await photo({ width: 320, height: 240 });
    const first = inspectImage(bytes);
    const firstPid = photoWorkerPid();
    await first;
    expect(photoWorkerPid()).toBeUndefined(); // retired: the next photo starts a new worker
    const second = inspectImage(bytes);
    const secondPid = photoWorkerPid();
    expect(secondPid).toBeDefined();
    expect(secondPid).not.toBe(firstPid);
    expect((await second).width).toBe(320);
    expect(await exited(firstPid ?? 0)).toBe(true);
  });

  it('stops after it has been idle, and starts again for the next photo', async () => {
    photoWorkerSettings.idleMs = 50;
    await inspectImage(await photo());
    const pid = photoWorkerPid() ?? 0;
    expect(await exited(pid)).toBe(true);
    expect(photoWorkerPid()).toBeUndefined();
    expect((await inspectImage(await photo())).contentType).toBe('image/jpeg');
  });

  it('answers 503 photos_busy with Retry-After when it stops under a photo, and a new one cleans the next', async () => {
    const bytes = await photo({ width: 640, height: 480 });
    const inFlight = inspectImage(bytes); // sent to the worker before this line ends
    stopPhotoWorker('SIGKILL');
    const busy = await rejection(inFlight);
    expect([busy.status, busy.code, busy.vars.retryAfterSeconds]).toEqual([503, 'photos_busy', 5]);
    expect(renderError(busy, 'zh', 'r').error.message).toBe('照片处理繁忙，请稍后重试');
    const again = await inspectImage(bytes);
    expect([again.width, again.height, again.contentType]).toEqual([640, 480, 'image/jpeg']);
  });

  it('refuses a photo with 503 photos_busy when every slot is busy and the queue is full', async () => {
    setPhotoConcurrency(1, 0);
    let release = () => {};
    const held = photoSlots().run(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );
    const busy = await rejection(inspectImage(await photo()));
    expect([busy.status, busy.code]).toEqual([503, 'photos_busy']);
    expect(busy.fields).toEqual({}); // not the photo's fault: no field to correct
    release();
    await held;
    expect((await inspectImage(await photo())).contentType).toBe('image/jpeg');
  });

  it('runs with glibc limited to two malloc arenas, unless the operator chose a setting', () => {
    expect(photoWorkerEnvironment({ PATH: '/usr/bin' })).toEqual({ PATH: '/usr/bin', MALLOC_ARENA_MAX: '2' });
    expect(photoWorkerEnvironment({ MALLOC_ARENA_MAX: '4' }).MALLOC_ARENA_MAX).toBe('4');
  });
});
