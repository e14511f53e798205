import { and, desc, eq, gte, ilike, like, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import { auditEvent } from '../../db/schema/audit.ts';
import { appUser } from '../../db/schema/identity.ts';
import type { Db } from '../db/database.ts';
import type { AuditRow } from './chain.ts';

/** What an auditor filters by. Times are a half-open window: from ≤ occurredAt < to. */
export interface AuditFilter {
  from?: Date;
  to?: Date;
  /** Exact, or a prefix when it ends in '.' or '*'. */
  eventType?: string;
  actorId?: string;
  objectType?: string;
  objectId?: string;
  outcome?: 'success' | 'failure';
  /** Free text in the actor's name or the object id. */
  q?: string;
  /** Rows up to this seq only: pins an export to what existed when it was counted. */
  maxSeq?: number;
}

/** Audit rows are county-wide (installation rows): every query is pinned to the county's chain. */
function whereOf(countyCode: string, filter: AuditFilter): SQL {
  const conditions = [
    eq(auditEvent.regionCode, countyCode),
    filter.from ? gte(auditEvent.occurredAt, filter.from) : undefined,
    filter.to ? lt(auditEvent.occurredAt, filter.to) : undefined,
    filter.eventType ? eventTypeCondition(filter.eventType) : undefined,
    filter.actorId ? eq(auditEvent.actorId, filter.actorId) : undefined,
    filter.objectType ? eq(auditEvent.objectType, filter.objectType) : undefined,
    filter.objectId ? eq(auditEvent.objectId, filter.objectId) : undefined,
    filter.outcome ? eq(auditEvent.outcome, filter.outcome) : undefined,
    filter.q ? textCondition(filter.q) : undefined,
    filter.maxSeq !== undefined ? lte(auditEvent.seq, filter.maxSeq) : undefined,
  ].filter((c) => c !== undefined);
  return and(...conditions)!;
}

function eventTypeCondition(eventType: string): SQL {
  if (eventType.endsWith('*')) return like(auditEvent.eventType, `${escapeLike(eventType.slice(0, -1))}%`);
  if (eventType.endsWith('.')) return like(auditEvent.eventType, `${escapeLike(eventType)}%`);
  return eq(auditEvent.eventType, eventType);
}

function textCondition(q: string): SQL {
  const pattern = `%${escapeLike(q)}%`;
  return or(ilike(auditEvent.actorName, pattern), ilike(auditEvent.objectId, pattern))!;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

/** Newest first (seqs are drawn as rows are appended, from one sequence). */
export async function searchAuditEvents(
  db: Db,
  countyCode: string,
  filter: AuditFilter,
  page: { limit: number; offset: number },
): Promise<{ items: AuditRow[]; total: number }> {
  const where = whereOf(countyCode, filter);
  const [items, total] = await Promise.all([
    db.select().from(auditEvent).where(where).orderBy(desc(auditEvent.seq)).limit(page.limit).offset(page.offset),
    countAuditEvents(db, countyCode, filter),
  ]);
  return { items: items.map(withNumberSeq), total };
}

export async function countAuditEvents(db: Db, countyCode: string, filter: AuditFilter): Promise<number> {
  const rows = await db.select({ n: sql<number>`count(*)::int8` }).from(auditEvent).where(whereOf(countyCode, filter));
  return Number(rows[0]?.n ?? 0);
}

export async function latestAuditSeq(db: Db, countyCode: string): Promise<number> {
  const rows = await db
    .select({ last: sql<number | null>`max(${auditEvent.seq})` })
    .from(auditEvent)
    .where(eq(auditEvent.regionCode, countyCode));
  return Number(rows[0]?.last ?? 0);
}

/** Newest first, a batch at a time by keyset (no OFFSET scans), for exports. */
export async function* streamAuditEvents(
  db: Db,
  countyCode: string,
  filter: AuditFilter,
  batchSize = 5000,
): AsyncGenerator<AuditRow> {
  let below: number | undefined;
  for (;;) {
    const keyset = below === undefined ? undefined : lt(auditEvent.seq, below);
    const rows = await db
      .select()
      .from(auditEvent)
      .where(and(whereOf(countyCode, filter), keyset))
      .orderBy(desc(auditEvent.seq))
      .limit(batchSize);
    for (const row of rows) yield withNumberSeq(row);
    if (rows.length < batchSize) return;
    below = Number(rows[rows.length - 1]!.seq);
  }
}

function withNumberSeq(row: AuditRow): AuditRow {
  return { ...row, seq: Number(row.seq) };
}

/** Accounts named by audit rows, as auditors know them: name and login (the rows store the id only). */
export async function userLabelsOf(db: Db, countyCode: string, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (unique.length === 0) return new Map();
  const rows = await db
    .select({ id: appUser.id, name: appUser.displayName, login: appUser.loginId })
    .from(appUser)
    .where(and(eq(appUser.regionCode, countyCode), sql`${appUser.id} in ${unique}`));
  return new Map(rows.map((r) => [r.id, `${r.name}（${r.login}）`]));
}
