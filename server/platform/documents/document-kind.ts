import type { Ctx } from '../context.ts';
import type { Locale } from '../i18n/locale.ts';
import type { DocumentModel } from './document-model.ts';
import type { SealPlacement } from './seal.ts';

type Bilingual = Readonly<Record<Locale, string>>;

/** A field the verification page shows for this kind (default: none — DESIGN rule 3, PI-01). */
export interface PublicFieldDeclaration<R> {
  label: Bilingual;
  value(record: R): string;
}

/** Who issues: the organ (机关) and department printed and shown on the verification page — never a person. */
export interface DocumentIssuer {
  organ: string;
  department: string | null;
}

/**
 * A kind of printed document a module declares in its manifest (`documents`): what it is called, who may issue
 * and revoke it, how its record is read (through the module's scoped store: out of scope is an audited 404),
 * the template that turns the record into a DocumentModel, and what the public verification page may show.
 */
export interface DocumentKind<R = unknown> {
  /** Unique across modules, module first: 'cases.case-file'. The file name in download URLs is the part after the dot. */
  key: string;
  title: Bilingual;
  /** Permission to print (issue) it; the module's route checks it. */
  issuePermission: string;
  /** Permission to revoke an issued one. */
  revokePermission: string;
  /** The record type it prints, as the audit trail names it ('case'). */
  subjectType: string;
  /** Reads the record the actor may see by the reference people know it by; throws the module's 404 otherwise. */
  load(ctx: Ctx, subjectRef: string): Promise<R>;
  /** The document's content; must not depend on the moment of printing (the hash covers it). */
  template(ctx: Ctx, record: R): Promise<DocumentModel>;
  issuer(ctx: Ctx, record: R): Promise<DocumentIssuer>;
  /** Shown on the public verification page besides kind, issuer, date, hash and status. */
  publicFields?: readonly PublicFieldDeclaration<R>[];
  /** The seal image and its placement; the demo seal when absent. */
  seal?: SealPlacement;
}

/** What a manifest lists: kinds of any record type (the record type is private to the kind). */
// biome-ignore lint/suspicious/noExplicitAny: a list of kinds over different record types.
export type AnyDocumentKind = DocumentKind<any>;

export const documentFormats = ['pdf', 'docx'] as const;
export type DocumentFormat = (typeof documentFormats)[number];

export const contentTypes: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};
