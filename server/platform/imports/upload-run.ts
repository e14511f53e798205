import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { recordAudit } from '../audit/audit.ts';
import type { Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import type { AnyImportKind } from './import-kind.ts';
import { insertRun, type RunRow } from './imports.store.ts';
import type { ImportLimits } from './limits.ts';
import { type ReceivedFile, receiveUpload, receivedStream, storeRunFile, UploadTooLargeError } from './run-file.ts';
import { openSheet } from './run-sheet.ts';
import { type SheetFormat, SheetFormatError, sniffFormat } from './sheet-reader.ts';

/** What an upload may run after it is stored: queue the dry run (a job), or nothing when a timer picks it up. */
export type AfterUpload = (t: Ctx, run: RunRow) => Promise<void>;

export function tooLarge(limits: ImportLimits): AppError {
  const limitMb = Math.round(limits.maxBytes / (1024 * 1024));
  return new AppError(
    413,
    'payload_too_large',
    'imports.file.too_large',
    { limitMb },
    {
      file: { key: 'imports.file.too_large', vars: { limitMb } },
    },
  );
}

/** The file's format from its bytes, and its header row against the kind's template: a 400 naming the problem. */
async function checkedFormat(file: ReceivedFile, kind: AnyImportKind, locale: Ctx['locale']): Promise<SheetFormat> {
  let format: SheetFormat;
  try {
    format = sniffFormat(file.head);
  } catch (error) {
    if (error instanceof SheetFormatError) throw AppError.field('file', error.code);
    throw error;
  }
  const sheet = await openSheet(() => receivedStream(file), format, kind, locale);
  await sheet.rows.return(undefined);
  return format;
}

/** A file name as shown back: its last path part, no control characters, at most 120 characters. */
export function cleanFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const clean = base
    .split('')
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 120);
  return clean === '' ? 'upload' : clean;
}

/**
 * An upload: the body is received to a temporary file (size-capped), recognised by its bytes, its header row
 * matched against the kind's template; then the run and its encrypted file are stored, audited, and the dry run
 * is queued. Anything wrong with the file is a 4xx now, before a run exists.
 */
export async function uploadRun(
  ctx: Ctx,
  kind: AnyImportKind,
  body: Readable,
  fileName: string | undefined,
  limits: ImportLimits,
  afterUpload: AfterUpload,
): Promise<RunRow> {
  const file = await receiveUpload(body, limits.maxBytes).catch((error: unknown) => {
    throw error instanceof UploadTooLargeError ? tooLarge(limits) : error;
  });
  try {
    const format = await checkedFormat(file, kind, ctx.locale);
    return await tx(ctx, async (t) => {
      const now = t.clock();
      const run = await insertRun(t.db, {
        regionCode: t.countyCode,
        id: randomUUID(),
        kind: kind.key,
        createdBy: t.actor!.id,
        locale: t.locale,
        fileName: cleanFileName(fileName),
        format,
        fileBytes: file.bytes,
        sha256: file.sha256,
        status: 'check_pending',
        createdAt: now,
        updatedAt: now,
      });
      await storeRunFile(t, run.id, file);
      await recordAudit(t, {
        eventType: 'imports.upload',
        action: 'upload',
        objectType: 'import_run',
        objectId: run.id,
        details: { kind: kind.key, format, bytes: file.bytes, sha256: file.sha256 },
      });
      await afterUpload(t, run);
      return run;
    });
  } finally {
    await file.remove();
  }
}
