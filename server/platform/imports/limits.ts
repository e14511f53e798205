/** The bounds of an import (tests pass smaller ones). */
export interface ImportLimits {
  /** The largest upload: a 200,000-row registry as .xlsx is about 10 MB. */
  maxBytes: number;
  /** Data rows in one file. */
  maxRows: number;
  /** Rows per transaction and per statement in the passes. */
  batchSize: number;
  /** A run whose worker has not been heard from for this long (a dead process) is taken again. */
  staleAfterMs: number;
  /** Runs neither committed nor discarded, and handouts not downloaded, go after this long. */
  keepDays: number;
}

export const defaultImportLimits: ImportLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxRows: 200_000,
  batchSize: 500,
  staleAfterMs: 5 * 60_000,
  keepDays: 7,
};
