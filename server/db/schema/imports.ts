import { index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { at, regionCode } from './columns.ts';

/**
 * One spreadsheet import (platform/imports): the uploaded file, its dry run and its commit. The status walks
 * check_pending → checking → checked → commit_pending → committing → committed (or failed / discarded); a worker
 * takes a pending run with a conditional UPDATE, so two processes never work on the same run.
 */
export const importsRun = pgTable(
  'imports_run',
  {
    regionCode: regionCode('region_code').notNull(),
    id: uuid('id').notNull(),
    /** The import kind's key ('auth.accounts', 'cases.departments'). */
    kind: text('kind').notNull(),
    createdBy: uuid('created_by').notNull(),
    /** The reader's language when uploaded: background messages (a failure) are rendered in it. */
    locale: text('locale').notNull(),
    fileName: text('file_name').notNull(),
    format: text('format', { enum: ['xlsx', 'csv'] }).notNull(),
    fileBytes: integer('file_bytes').notNull(),
    sha256: text('sha256').notNull(),
    status: text('status', {
      enum: [
        'check_pending',
        'checking',
        'checked',
        'commit_pending',
        'committing',
        'committed',
        'failed',
        'discarded',
      ],
    }).notNull(),
    /** 'all' (all-or-nothing) or 'valid' (only the rows without errors), once the user chose. */
    mode: text('mode', { enum: ['all', 'valid'] }),
    totalRows: integer('total_rows').notNull().default(0),
    errorRows: integer('error_rows').notNull().default(0),
    /** Rows read so far by the running pass (dry run or commit): the progress bar. */
    processedRows: integer('processed_rows').notNull().default(0),
    committedRows: integer('committed_rows').notNull().default(0),
    /** Rows valid at the dry run but refused at commit (the data changed since): recorded as errors. */
    skippedRows: integer('skipped_rows').notNull().default(0),
    /** A valid-rows commit writes batch by batch: the last row written, where a commit taken over resumes. */
    committedThroughRow: integer('committed_through_row').notNull().default(0),
    /** A file-level failure after upload, as a message code and its parameters (never a cell's content). */
    failureCode: text('failure_code'),
    failureParams: jsonb('failure_params').$type<Record<string, string | number>>(),
    /** When a worker took the run (its heartbeat while working): a run left by a dead process is taken again. */
    claimedAt: at('claimed_at'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.id] }),
    index('imports_run_status_idx').on(t.regionCode, t.status, t.createdAt),
    index('imports_run_owner_idx').on(t.regionCode, t.createdBy, t.createdAt),
  ],
);

/** Why one row (and column) was refused: a message code and its parameters, rendered in the reader's language. */
export const importsRowError = pgTable(
  'imports_row_error',
  {
    regionCode: regionCode('region_code').notNull(),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    /** The row as the spreadsheet numbers it (the header is row 1). */
    rowNumber: integer('row_number').notNull(),
    /** The column's key, or null for the whole row. */
    column: text('column'),
    code: text('code').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    /** 'check' (dry run) or 'commit' (refused on the re-check at commit). */
    phase: text('phase', { enum: ['check', 'commit'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.runId, t.seq] }),
    index('imports_row_error_row_idx').on(t.regionCode, t.runId, t.rowNumber),
  ],
);

/** The uploaded file, encrypted in chunks (it holds personal data), kept until the run is committed or discarded. */
export const importsFileChunk = pgTable(
  'imports_file_chunk',
  {
    regionCode: regionCode('region_code').notNull(),
    runId: uuid('run_id').notNull(),
    seq: integer('seq').notNull(),
    /** A field-crypto envelope of the chunk's bytes (base64). */
    contentEnc: text('content_enc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.runId, t.seq] })],
);

/**
 * The dry run's duplicate check: each row's key (a hash of what must be unique), first row wins. Deleted when
 * the dry run ends, so the memory of the check stays flat however long the file is.
 */
export const importsRowKey = pgTable(
  'imports_row_key',
  {
    regionCode: regionCode('region_code').notNull(),
    runId: uuid('run_id').notNull(),
    key: text('key').notNull(),
    rowNumber: integer('row_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.runId, t.key] })],
);

/**
 * What a commit hands to the person who ran it once (the initial passwords of imported accounts), encrypted,
 * deleted by the one download (or with the run when it is discarded).
 */
export const importsHandout = pgTable(
  'imports_handout',
  {
    regionCode: regionCode('region_code').notNull(),
    runId: uuid('run_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    label: text('label').notNull(),
    secretEnc: text('secret_enc').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.runId, t.rowNumber] })],
);
