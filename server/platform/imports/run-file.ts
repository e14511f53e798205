import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ctx } from '../context.ts';
import { decryptColumnValue, encryptColumnValue } from '../pii/column-crypto.ts';
import { insertFileChunk, readFileChunk, type RunRow } from './imports.store.ts';

/**
 * The uploaded file: received to a temporary file (never whole in memory, its size counted and its digest taken
 * as it arrives), checked there, then kept in the database in encrypted 1 MiB chunks so that whichever server
 * process takes the run can read it, backups carry it, and it is gone when the run is committed or discarded.
 */

export const chunkBytes = 1024 * 1024;

export interface ReceivedFile {
  path: string;
  bytes: number;
  sha256: string;
  /** The first bytes, for the format check. */
  head: Buffer;
  /** Removes the temporary file (and its folder). */
  remove(): Promise<void>;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`upload over ${limit} bytes`);
    this.name = 'UploadTooLargeError';
  }
}

/** Streams the body to a temporary file, stopping once it passes `maxBytes` (nothing more is read). */
export async function receiveUpload(body: Readable, maxBytes: number): Promise<ReceivedFile> {
  const dir = await mkdtemp(path.join(tmpdir(), 'wenming-import-'));
  const file = path.join(dir, 'upload');
  const remove = () => rm(dir, { recursive: true, force: true });
  const hash = createHash('sha256');
  let bytes = 0;
  const head: Buffer[] = [];
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      if (bytes > maxBytes) return done(new UploadTooLargeError(maxBytes));
      if (bytes - chunk.length < 64 * 1024) head.push(chunk);
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
  } catch (error) {
    await remove();
    throw error;
  }
  return { path: file, bytes, sha256: hash.digest('hex'), head: Buffer.concat(head).subarray(0, 64 * 1024), remove };
}

/** A fresh read of the received file (it is read several times: format, headers, merged ranges). */
export function receivedStream(file: ReceivedFile): Readable {
  return createReadStream(file.path);
}

/** Copies the received file into the run's encrypted chunks (inside the transaction that creates the run). */
export async function storeRunFile(t: Ctx, runId: string, file: ReceivedFile): Promise<void> {
  const handle = await open(file.path, 'r');
  try {
    const buffer = Buffer.alloc(chunkBytes);
    for (let seq = 0; ; seq += 1) {
      const { bytesRead } = await handle.read(buffer, 0, chunkBytes, seq * chunkBytes);
      if (bytesRead === 0) break;
      const sealed = encryptColumnValue(
        t.keyring,
        'imports_file_chunk',
        'content_enc',
        buffer.subarray(0, bytesRead).toString('base64'),
      );
      await insertFileChunk(t.db, t.countyCode, runId, seq, sealed);
    }
  } finally {
    await handle.close();
  }
}

/** The run's file as a stream, one chunk fetched and decrypted at a time. */
export function runFileStream(ctx: Ctx, run: RunRow): Readable {
  async function* chunks() {
    for (let seq = 0; ; seq += 1) {
      const sealed = await readFileChunk(ctx.db, ctx.countyCode, run, seq);
      if (sealed === undefined) return;
      yield Buffer.from(decryptColumnValue(ctx.keyring, 'imports_file_chunk', 'content_enc', sealed), 'base64');
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}
