import type { Ctx } from '../context.ts';
import type { Locale } from '../i18n/locale.ts';

/** Words in both languages (the same shape as the manifest's Bilingual, declared here so kinds import no manifest). */
export type Words = Readonly<Record<Locale, string>>;

/**
 * How a cell is read (cell-parsers.ts): `text` trimmed (full-width spaces too); `code` also folded to half-width
 * (NFKC: full-width digits and letters) with no spaces, for login names, phone numbers, region codes; `integer`;
 * `date` (a date cell, an Excel serial number or a written date) as YYYY-MM-DD; `boolean` (是/否, yes/no, 1/0);
 * `list`: several codes separated by commas, 、 or spaces.
 */
export type CellType = 'text' | 'code' | 'integer' | 'date' | 'boolean' | 'list';

export interface ImportColumn {
  /** The value's name in the row the checker gets. */
  key: string;
  /** The header in the template; a file may use either language's header (or the key). */
  header: Words;
  required?: boolean;
  type: CellType;
  /** Longest text, in characters (text and code columns). */
  maxLength?: number;
  /** A value the template's notes sheet shows as an example. */
  example: string;
  /** What to put in it, for the notes sheet. */
  note?: Words;
}

export type CellValue = string | number | boolean | readonly string[] | null;
/** A row's parsed values by column key; a blank optional cell is null. */
export type ImportRow = Readonly<Record<string, CellValue>>;

export interface NumberedRow {
  /** The row as the spreadsheet numbers it (the header is row 1). */
  rowNumber: number;
  values: ImportRow;
}

/** One problem of a row: a message code (from a catalogue some manifest lists) and its parameters. */
export interface RowIssue {
  /** The column's key, or null for the whole row. */
  column: string | null;
  code: string;
  params?: Record<string, string | number>;
}

/** What a commit hands to the person who ran it once (an imported account's initial password). */
export interface Handout {
  rowNumber: number;
  label: string;
  secret: string;
}

/**
 * An import kind a module declares in its manifest (`imports`) and registers routes for (`importRoutes(kind)`).
 * The platform reads the file, parses every cell by its column's type, and hands the kind parsed rows: the kind
 * checks them (pure, per row, against reference data loaded once per pass) and writes batches of valid rows.
 */
export interface ImportKind<Reference = unknown> {
  /** Unique: '<module>.<what>' ('auth.accounts'); also the URL segment of its routes. */
  key: string;
  title: Words;
  /** Who may import this kind (the routes' access). */
  permission: string;
  columns: readonly ImportColumn[];
  /** Reference data the checks need (regions, roles …), loaded once per pass for the actor on the ctx. */
  reference(ctx: Ctx): Promise<Reference>;
  /** Values offered as a drop-down in the template, by column key (list columns, small code tables). */
  options?(reference: Reference): Readonly<Record<string, readonly string[]>>;
  /** The checks of one row (its cells already parsed and required cells present): pure. */
  checkRow(row: ImportRow, reference: Reference): RowIssue[];
  /** What must be unique: within the file (a later row repeating it is refused) and against the database. */
  unique?: {
    column: string;
    keyOf(row: ImportRow): string;
    /** Which of these keys the database already holds. */
    existing(t: Ctx, keys: readonly string[]): Promise<ReadonlySet<string>>;
  };
  /** Writes a batch of valid rows inside the caller's transaction, with their audit rows. */
  commit(t: Ctx, rows: readonly NumberedRow[], reference: Reference): Promise<{ handouts?: readonly Handout[] }>;
}

/** Declares a kind with its reference type checked (the manifest holds kinds of any reference type). */
export function defineImportKind<Reference>(kind: ImportKind<Reference>): ImportKind<Reference> {
  return kind;
}

// biome-ignore lint/suspicious/noExplicitAny: a list of kinds mixes reference types; each kind is checked where declared
export type AnyImportKind = ImportKind<any>;
