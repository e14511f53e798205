import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/audit.ts';
import type { Actor, Ctx } from '../context.ts';
import { tx } from '../db/tx.ts';
import { AppError } from '../http/app-error.ts';
import { contentHash } from './content-hash.ts';
import type { AnyDocumentKind, DocumentFormat } from './document-kind.ts';
import { contentTypes } from './document-kind.ts';
import type { DocumentModel } from './document-model.ts';
import { renderDocx } from './docx-render.ts';
import { findCurrentIssue, type IssuedDocument, insertIssuedDocument } from './documents.store.ts';
import { renderPdf } from './pdf-render.ts';
import { demoSeal } from './seal.ts';
import { newVerificationCode } from './verification-code.ts';

export interface IssuedFile {
  fileName: string;
  contentType: string;
  body: Buffer;
  code: string;
  /** false when this print reused an issue in force with the same content. */
  newIssue: boolean;
}

function actorOf(ctx: Ctx, kind: AnyDocumentKind): Actor {
  if (!ctx.actor) throw AppError.unauthenticated();
  if (!ctx.actor.permissions.has(kind.issuePermission)) throw AppError.forbidden();
  return ctx.actor;
}

/** `<public base URL>/verify/<code>`: what the QR carries. */
export function verifyUrlOf(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/verify/${code}`;
}

/**
 * Prints a document of `kind` for the record known as `subjectRef`: reads it through the kind's scoped loader
 * (out of scope: the module's audited 404), builds the content, and issues it — a new row with a new code, or,
 * when an issue in force has exactly this content (same hash), that issue again: re-printing an unchanged
 * document gives the same code and date, while any change to the record (a new action, a photo) is a new
 * issue. Either way the print is audited. The file is rendered after the commit.
 */
export async function issueDocument(
  ctx: Ctx,
  kind: AnyDocumentKind,
  subjectRef: string,
  format: DocumentFormat,
  baseUrl: string,
): Promise<IssuedFile> {
  const actor = actorOf(ctx, kind);
  // Documents are printed in Chinese whatever the reader's language, so their content (and hash) is one.
  const printing: Ctx = { ...ctx, locale: 'zh' };
  const record = await kind.load(printing, subjectRef);
  const model = await kind.template(printing, record);
  const hash = contentHash(kind.key, model);
  const { row, newIssue } = await tx(printing, async (t) => {
    const subject = { kind: kind.key, subjectType: kind.subjectType, subjectRef, contentSha256: hash };
    const current = await findCurrentIssue(t.db, t.countyCode, subject);
    const issued = current ?? (await insertIssuedDocument(t.db, await newRow(t, kind, record, model, subject, actor)));
    await recordAudit(t, {
      eventType: current ? 'documents.reprint' : 'documents.issue',
      action: 'print',
      objectType: 'document',
      objectId: issued.id,
      details: { kind: kind.key, subjectType: kind.subjectType, subjectRef, format },
    });
    return { row: issued, newIssue: !current };
  });
  const body = await renderIssued(kind, model, row, format, baseUrl);
  const slug = kind.key.slice(kind.key.indexOf('.') + 1);
  return {
    fileName: `${slug}-${subjectRef.replace(/[^A-Za-z0-9-]/g, '_')}.${format}`,
    contentType: contentTypes[format],
    body,
    code: row.code,
    newIssue,
  };
}

async function newRow(
  t: Ctx,
  kind: AnyDocumentKind,
  record: unknown,
  model: DocumentModel,
  subject: { kind: string; subjectType: string; subjectRef: string; contentSha256: string },
  actor: Actor,
) {
  const issuer = await kind.issuer(t, record);
  return {
    regionCode: t.countyCode,
    id: randomUUID(),
    code: newVerificationCode(),
    ...subject,
    title: model.title,
    issuerOrgan: issuer.organ,
    issuerDepartment: issuer.department,
    issuedBy: actor.id,
    issuedAt: t.clock(),
    publicFields: (kind.publicFields ?? []).map((field) => ({ label: field.label, value: field.value(record) })),
    status: 'issued',
  };
}

/** The file for an issued row: its code, date and status printed on it. */
export function renderIssued(
  kind: AnyDocumentKind,
  model: DocumentModel,
  row: IssuedDocument,
  format: DocumentFormat,
  baseUrl: string,
): Promise<Buffer> {
  const stamp = {
    code: row.code,
    verifyUrl: verifyUrlOf(baseUrl, row.code),
    issuedAt: row.issuedAt,
    revoked: row.status === 'revoked',
  };
  const seal = kind.seal ?? demoSeal;
  return format === 'pdf' ? renderPdf(model, stamp, seal) : renderDocx(model, stamp, seal);
}
