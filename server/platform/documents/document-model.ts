/**
 * One printable document, whatever it is printed as: a kind's template builds it from its record, and the PDF
 * (pdf-render.ts) and .docx (docx-render.ts) renderers draw the same model. Its canonical JSON is what the
 * content hash covers (content-hash.ts), so nothing in it may depend on the moment of printing: the issue date,
 * the verification code and page numbers are added by the renderers from the issued row.
 */
export interface DocumentModel {
  /** The document's title as printed (2号, 小标宋-like). */
  title: string;
  /** 文号 or a line under the title (e.g. '霞阳〔2026〕整改 12 号'). */
  subtitle?: string;
  /** The addressee line of a notice (主送机关): '县城市管理局：'. */
  addressee?: string;
  /** Short lines under the title: '案件编号：…', printed one per line, smaller. */
  meta?: readonly string[];
  sections: readonly DocumentSection[];
  /** The signature block: the organ that issues, with the seal over it when configured. */
  signature?: DocumentSignature;
  /** 附件: sections printed after the signature (a notice's particulars and photos). */
  annexes?: readonly DocumentSection[];
  /** Body text size: 'official' is 3号 (16 pt, GB/T 9704 正文), 'compact' 四号 (14 pt) for registers and files. */
  density?: 'official' | 'compact';
}

export interface DocumentSection {
  /** A heading printed in 黑体-like bold ('一、基本情况'); none for a section that continues the body. */
  heading?: string;
  blocks: readonly DocumentBlock[];
}

export type DocumentBlock =
  | { type: 'paragraph'; text: string; indent?: boolean }
  | { type: 'keyValue'; rows: readonly (readonly [string, string])[] }
  | { type: 'table'; columns: readonly TableColumn[]; rows: readonly (readonly string[])[] }
  | { type: 'photos'; photos: readonly DocumentPhoto[] };

export interface TableColumn {
  title: string;
  /** Relative width; the columns share the text width in proportion. */
  weight: number;
}

export interface DocumentPhoto {
  caption: string;
  /** JPEG or PNG bytes; scaled to fit the text width (two per row) keeping their proportions. */
  content: Buffer;
  width: number;
  height: number;
}

export interface DocumentSignature {
  /** The organ's name as signed (落款). */
  organ: string;
  /** Place the configured seal over the signature. */
  sealed: boolean;
}

/** What the renderers add from the issued row: never part of the hashed content. */
export interface IssueStamp {
  code: string;
  verifyUrl: string;
  issuedAt: Date;
  /** A revoked document re-downloaded prints 已作废 across each page. */
  revoked: boolean;
}

/** A4 in points (1 mm = 72 / 25.4 pt). */
export const mm = (value: number) => (value * 72) / 25.4;

/** GB/T 9704-2012 §5.2: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; text area 156 × 225 mm. */
export const pageMargins = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } as const;

/** 号 sizes in points (Chinese type sizes): 2号 22, 3号 16, 4号 14, 小4 12, 5号 10.5. */
export const typeSizes = { title: 22, heading: 16, official: 16, compact: 14, small: 12, footer: 10.5 } as const;

export function bodySizeOf(model: DocumentModel): number {
  return model.density === 'compact' ? typeSizes.compact : typeSizes.official;
}

/** "2026年12月7日" in Asia/Shanghai, as an official document dates itself (成文日期, Arabic numerals). */
export function chineseDate(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** "第 N 页 共 M 页". */
export function pageLabel(page: number, pages: number): string {
  return `第 ${page} 页 共 ${pages} 页`;
}
