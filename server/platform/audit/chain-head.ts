import { eq } from 'drizzle-orm';
import { auditChainHead } from '../../db/schema/audit.ts';
import type { Db } from '../db/database.ts';
import { GENESIS_HASH } from './chain.ts';

export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

/**
 * Takes the county's chain head for the rest of the transaction (creating it on first use). Writers append in
 * turn behind this row lock, so seqs have no gaps or duplicates and each row links to the one before it.
 * The lock is held until commit: record audit events late in long transactions.
 */
export async function lockChainHead(db: Db, regionCode: string): Promise<ChainHead> {
  await db
    .insert(auditChainHead)
    .values({ regionCode, lastSeq: 0, lastHash: GENESIS_HASH })
    .onConflictDoNothing({ target: auditChainHead.regionCode });
  const rows = await db
    .select({ lastSeq: auditChainHead.lastSeq, lastHash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.regionCode, regionCode))
    .for('update');
  const head = rows[0];
  if (!head) throw new Error(`audit chain head for ${regionCode} vanished after it was ensured`);
  return { lastSeq: Number(head.lastSeq), lastHash: head.lastHash };
}

export async function advanceChainHead(db: Db, regionCode: string, head: ChainHead): Promise<void> {
  await db
    .update(auditChainHead)
    .set({ lastSeq: head.lastSeq, lastHash: head.lastHash })
    .where(eq(auditChainHead.regionCode, regionCode));
}

/** The head as committed, without locking: what verification compares the rows with. */
export async function readChainHead(db: Db, regionCode: string): Promise<ChainHead | undefined> {
  const rows = await db
    .select({ lastSeq: auditChainHead.lastSeq, lastHash: auditChainHead.lastHash })
    .from(auditChainHead)
    .where(eq(auditChainHead.regionCode, regionCode));
  const head = rows[0];
  return head ? { lastSeq: Number(head.lastSeq), lastHash: head.lastHash } : undefined;
}

