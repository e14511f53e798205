import { type ChildProcess, fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { AppError, type FieldProblems } from '../http/app-error.ts';
import type { MessageVars } from '../i18n/translate.ts';
import { photosBusy } from './image-errors.ts';
import type { AcceptedImageType } from './image-type.ts';

/**
 * The photo worker: one child process that decodes and re-encodes photos (photo-worker.child.ts), so libvips's
 * memory is not the server's. Under glibc a process that decodes large photos keeps what it freed (see
 * `photoWorkerEnvironment`); the server's RSS then climbed with each burst of uploads (476 → 716 MB over four
 * rounds of eight 9.5 MB photos) and stayed there. The worker runs with the allocator capped, so its memory levels
 * off, and stops when idle, returning everything it holds. It starts on the first photo (a fresh start is not yet timed apart from its first photos), and again after
 * an idle stop or a crash; a crash or a wedged decode costs the photos in it a 503 `photos_busy`, never the server.
 */

export interface PhotoJob {
  bytes: Buffer;
  type: AcceptedImageType;
  field: string;
  maxPixels: number;
}

export interface PhotoRequest extends PhotoJob {
  id: number;
}

/** An AppError as it crosses the process boundary (a class does not survive serialisation). */
export interface RefusedPhoto {
  status: number;
  code: string;
  messageKey: string;
  vars: MessageVars;
  fields: FieldProblems;
}

/** What came of a photo: cleaned, refused (an AppError), or failed (a bug: 500 in the server). */
export type PhotoOutcome<Image> =
  | { id: number; image: Image }
  | { id: number; refused: RefusedPhoto }
  | { id: number; failed: string };

/** The worker's answer: the outcome, and its resident memory after it (bytes), which decides when it is replaced. */
export type PhotoAnswer<Image> = PhotoOutcome<Image> & { rss: number };

/**
 * `idleMs`: with nothing to do for this long the worker stops, and everything it holds goes back to the OS.
 * `recycleBytes`: a worker whose RSS passes this after a photo is replaced (as PHP-FPM's max_requests or Celery's
 * max_tasks_per_child replace theirs): new photos go to a new worker, and the old one exits once its photos are
 * answered. At rest a worker holds about 80 MB; cleaning two maximum-size photos at once takes it to about 280 MB,
 * and what glibc keeps in its arenas then adds a few MB a photo. This caps that drift, not the working set.
 * Tests lower them; nothing else changes them.
 */
export const photoWorkerSettings = { idleMs: 30_000, recycleBytes: 320 * 1_048_576 };
/** Backstop for a wedged worker: sharp's own timeout bounds each step at 30 s, so no photo needs this long. */
const answerDeadlineMs = 120_000;

/**
 * glibc's malloc gives each thread that allocates its own arena (up to 8 per core) and keeps what is freed in it;
 * once it has freed one large block it also raises its mmap threshold (up to 32 MB), so libvips's decode buffers
 * come from those arenas too. A process decoding photos on several threads therefore climbs towards the sum of its
 * arenas' peaks. Two arenas cap that: cleaning 40 maximum-size photos two at a time, RSS levelled at 274 MB
 * instead of climbing to 405 MB, for the same CPU (a fixed MALLOC_MMAP_THRESHOLD_ kept it lower but cost 80 % more
 * CPU per photo; jemalloc 45 %). Other allocators ignore it; an operator's own setting wins.
 */
export function photoWorkerEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: '2', ...env };
}

const childEntry = fileURLToPath(new URL('./photo-worker.child.ts', import.meta.url));
/** The server runs TypeScript through tsx (bin/wenming.js); the worker loads it the same way, from its own path. */
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function reviveRefusal(refused: RefusedPhoto): AppError {
  return new AppError(refused.status, refused.code, refused.messageKey, refused.vars, refused.fields);
}

interface Waiting {
  resolve: (image: unknown) => void;
  reject: (error: Error) => void;
  deadline: NodeJS.Timeout;
}

class PhotoWorker {
  private readonly child: ChildProcess;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private retired = false;

  constructor(private readonly onRetired: (worker: PhotoWorker) => void) {
    this.child = fork(childEntry, [], {
      execArgv: ['--import', tsxLoader],
      env: photoWorkerEnvironment(process.env),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    this.child.on('message', (answer: PhotoAnswer<unknown>) => this.settle(answer));
    this.child.on('exit', () => this.failWaiting());
    this.child.on('error', () => this.stop('SIGKILL'));
    this.holdServer(false);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  clean(job: PhotoJob): Promise<unknown> {
    clearTimeout(this.idleTimer);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => this.stop('SIGKILL'), answerDeadlineMs);
      this.waiting.set(id, { resolve, reject, deadline });
      this.holdServer(true);
      const request: PhotoRequest = { id, ...job };
      this.child.send(request, (error) => {
        if (error) this.stop('SIGKILL');
      });
    });
  }

  /** Takes no new photos (the next one starts a new worker); exits once the photos in it are answered. */
  retire(): void {
    clearTimeout(this.idleTimer);
    if (!this.retired) {
      this.retired = true;
      this.onRetired(this);
    }
    if (this.waiting.size === 0) this.child.kill('SIGTERM');
  }

  /** Stops the worker now; photos still in it get 503 when it has exited. */
  stop(signal: NodeJS.Signals): void {
    this.retire();
    this.child.kill(signal);
  }

  private settle(answer: PhotoAnswer<unknown>): void {
    const waiting = this.waiting.get(answer.id);
    if (!waiting) return;
    this.waiting.delete(answer.id);
    clearTimeout(waiting.deadline);
    if ('image' in answer) waiting.resolve(answer.image);
    else if ('refused' in answer) waiting.reject(reviveRefusal(answer.refused));
    else waiting.reject(new Error(`photo worker: ${answer.failed}`));
    if (answer.rss > photoWorkerSettings.recycleBytes || this.retired) this.retire();
    if (this.waiting.size > 0 || this.retired) return;
    this.holdServer(false);
    this.idleTimer = setTimeout(() => this.retire(), photoWorkerSettings.idleMs).unref();
  }

  private failWaiting(): void {
    this.stop('SIGKILL');
    for (const waiting of this.waiting.values()) {
      clearTimeout(waiting.deadline);
      waiting.reject(photosBusy());
    }
    this.waiting.clear();
  }

  /**
   * While photos are in the worker it keeps this process alive (a `wenming seed` waits for its photos); idle, it
   * must not hold a stopping server open. When this process ends, the worker sees its channel close and exits.
   */
  private holdServer(hold: boolean): void {
    const handles = [this.child, this.child.channel];
    for (const handle of handles) {
      if (hold) handle?.ref();
      else handle?.unref();
    }
  }
}

let worker: PhotoWorker | undefined;

/**
 * Cleans one photo in the worker (started on demand). `Image` is what the worker's pipeline returns
 * (image.ts's InspectedImage); the caller bounds how many are in the worker at once (photo slots).
 */
export function cleanInPhotoWorker<Image>(job: PhotoJob): Promise<Image> {
  worker ??= new PhotoWorker((retired) => {
    if (worker === retired) worker = undefined;
  });
  return worker.clean(job) as Promise<Image>;
}

/** The process id of the worker taking photos now, if one runs. */
export function photoWorkerPid(): number | undefined {
  return worker?.pid;
}

/** Stops the worker now (tests: a crash under a photo); the next photo starts a new one. */
export function stopPhotoWorker(signal: NodeJS.Signals = 'SIGTERM'): void {
  worker?.stop(signal);
}
