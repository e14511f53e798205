import { createHash } from 'node:crypto';
import type { DocumentModel } from './document-model.ts';

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** JSON with keys sorted at every level and binary content replaced by its SHA-256: one text per content. */
export function canonicalJson(value: unknown): string {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return JSON.stringify(`sha256:${sha256(value)}`);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The SHA-256 printed on the verification page: of the document's canonical content (the model, photos by their
 * own SHA-256), not of the PDF's bytes, which change with every rendering (creation date, file id) and differ
 * between the PDF and the .docx of the same document. One hash, whichever file a person holds.
 */
export function contentHash(kind: string, model: DocumentModel): string {
  return sha256(canonicalJson({ kind, model }));
}
