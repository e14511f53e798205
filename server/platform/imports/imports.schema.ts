import { type Static, Type } from 'typebox';
import { S } from '../http/schema.ts';

const nullableString = Type.Union([Type.String(), Type.Null()]);

export const runStatuses = [
  'check_pending',
  'checking',
  'checked',
  'commit_pending',
  'committing',
  'committed',
  'failed',
  'discarded',
] as const;

export const ImportKindSchema = Type.Object({
  key: Type.String(),
  title: Type.String(),
  columns: Type.Array(
    Type.Object({
      key: Type.String(),
      header: Type.String(),
      required: Type.Boolean(),
      type: S.literals(['text', 'code', 'integer', 'date', 'boolean', 'list'] as const),
      example: Type.String(),
      note: Type.String(),
    }),
  ),
  /** The largest file accepted, in bytes. */
  maxBytes: Type.Integer(),
});

export const ImportRunSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  fileName: Type.String(),
  format: S.literals(['xlsx', 'csv'] as const),
  fileBytes: Type.Integer(),
  status: S.literals(runStatuses),
  mode: Type.Union([S.literals(['all', 'valid'] as const), Type.Null()]),
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  errorRows: Type.Integer(),
  /** Rows read by the pass under way (dry run or commit), for the progress bar. */
  processedRows: Type.Integer(),
  committedRows: Type.Integer(),
  skippedRows: Type.Integer(),
  /** Why the run failed, in the reader's language. */
  failure: nullableString,
  /** Initial passwords are waiting for their one download. */
  hasHandouts: Type.Boolean(),
  createdAt: Type.String(),
  finishedAt: nullableString,
});
export type ImportRunDto = Static<typeof ImportRunSchema>;

export const ImportRunPageSchema = Type.Object({
  items: Type.Array(ImportRunSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const RowErrorPageSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      rowNumber: Type.Integer(),
      column: nullableString,
      /** The column's header in the reader's language. */
      columnHeader: nullableString,
      code: Type.String(),
      message: Type.String(),
      phase: S.literals(['check', 'commit'] as const),
    }),
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});

export const RunIdParams = S.object({ id: Type.String({ format: 'uuid' }) });
export const PageQuery = S.object({ ...S.page() });
export const UploadQuery = S.object({
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'The file name as picked' })),
});
export const CommitBody = S.object({
  mode: S.literals(['all', 'valid'] as const, { description: 'all-or-nothing, or only the rows without errors' }),
});
export const EmptyBody = S.object({});
