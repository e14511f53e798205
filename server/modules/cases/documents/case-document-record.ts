import type { Ctx } from '../../../platform/context.ts';
import { regionNamesOf } from '../../../platform/regions/regions.store.ts';
import type { DocumentIssuer } from '../../../platform/documents/document-kind.ts';
import type { DocumentPhoto } from '../../../platform/documents/document-model.ts';
import type { CaseDetailDto } from '../cases.schema.ts';
import { findDepartment } from '../departments.store.ts';
import { readCase, readCasePhoto } from '../read-cases.ts';

/** What the case's documents print from: the case as its reader sees it (scoped, reporter masked) and its photos. */
export interface CaseRecord {
  detail: CaseDetailDto;
  photos: readonly (DocumentPhoto & { stage: string })[];
  departmentName: string | null;
  countyName: string;
}

/** At most this many photos per document: a case file of a reworked case stays a few pages. */
const maxPhotos = 12;

/**
 * Reads the case through the module's scoped read (`readCase`: outside the reader's scope it is the audited
 * 404 every case read gives), its photos the same way, and the names the documents print.
 */
export async function loadCaseRecord(ctx: Ctx, caseNo: string): Promise<CaseRecord> {
  const detail = await readCase(ctx, caseNo);
  const photos = [];
  for (const photo of detail.photos.slice(0, maxPhotos)) {
    const file = await readCasePhoto(ctx, caseNo, photo.id, 'content');
    photos.push({ stage: photo.stage, caption: '', content: file.bytes, width: photo.width, height: photo.height });
  }
  const department = detail.department ? await findDepartment(ctx.db, ctx.countyCode, detail.department) : undefined;
  const county = (await regionNamesOf(ctx.db, [ctx.countyCode])).get(ctx.countyCode) ?? ctx.countyCode;
  return { detail, photos, departmentName: department?.titleZh ?? detail.department, countyName: county };
}

/** The organ that issues a case's documents: the county's 数字化城市管理 command centre (configurable later). */
export function caseOrgan(record: CaseRecord): string {
  return `${record.countyName}数字化城市管理监督指挥中心`;
}

export async function caseIssuer(ctx: Ctx, record: CaseRecord): Promise<DocumentIssuer> {
  const own = ctx.actor?.department;
  const department = own ? await findDepartment(ctx.db, ctx.countyCode, own) : undefined;
  return { organ: caseOrgan(record), department: department?.titleZh ?? null };
}

/** "2026-12-07 10:30" in Asia/Shanghai; '—' for none. */
export function shanghaiTime(iso: string | null): string {
  if (!iso) return '—';
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}
