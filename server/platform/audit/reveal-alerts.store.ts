import { and, eq, gte, isNotNull, lte } from 'drizzle-orm';
import { auditEvent } from '../../db/schema/audit.ts';
import type { Db } from '../db/database.ts';

export interface RevealRow {
  actorId: string;
  occurredAt: Date;
}

/** Successful reveals (pii/reveal.ts writes 'pii.reveal') in from ≤ occurredAt ≤ to, by whom and when. */
export async function revealsBetween(db: Db, countyCode: string, from: Date, to: Date): Promise<RevealRow[]> {
  const rows = await db
    .select({ actorId: auditEvent.actorId, occurredAt: auditEvent.occurredAt })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.regionCode, countyCode),
        eq(auditEvent.eventType, 'pii.reveal'),
        eq(auditEvent.outcome, 'success'),
        gte(auditEvent.occurredAt, from),
        lte(auditEvent.occurredAt, to),
        isNotNull(auditEvent.actorId),
      ),
    );
  return rows as RevealRow[];
}

/** The actors an alert was already raised about since `from` (the trail itself is the alert's memory). */
export async function actorsAlertedSince(
  db: Db,
  countyCode: string,
  eventType: string,
  from: Date,
): Promise<Set<string>> {
  const rows = await db
    .select({ actorId: auditEvent.objectId })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.regionCode, countyCode),
        eq(auditEvent.eventType, eventType),
        gte(auditEvent.occurredAt, from),
        isNotNull(auditEvent.objectId),
      ),
    );
  return new Set(rows.map((r) => r.actorId as string));
}
