import type { Ctx } from '../context.ts';
import type { Database } from '../db/database.ts';
import { archiveAndPurge, MIN_RETENTION_DAYS } from './retention.ts';
import { verifyAuditChain } from './verify.ts';

/**
 * `wenming audit verify`: checks the county's chain from the command line (and from a scheduled job, AUD-03).
 * One line out, exit code 0 when intact, 1 when not, so cron and monitoring can act on it.
 */
export async function auditVerifyCommand(database: Database, countyCode: string): Promise<number> {
  const result = await verifyAuditChain(database.db, countyCode);
  if (result.ok) {
    console.log(`audit chain ${countyCode}: ok, ${result.checked} rows checked, last seq ${result.lastSeq}`);
    return 0;
  }
  console.log(
    `audit chain ${countyCode}: BROKEN (${result.problem}) at seq ${result.firstBadSeq}; ${result.checked} rows verified before it`,
  );
  return 1;
}

/**
 * `wenming audit purge --dir <folder> [--retention-days N]`: the retention job (AUD-05), for cron. Everything
 * older than the retention period (never under 180 days) is archived into `dir`, then removed.
 */
export async function auditPurgeCommand(ctx: Ctx, options: { dir: string; retentionDays?: number }): Promise<number> {
  const days = Math.max(MIN_RETENTION_DAYS, options.retentionDays ?? MIN_RETENTION_DAYS);
  const olderThan = new Date(ctx.clock().getTime() - days * 86_400_000);
  const result = await archiveAndPurge(ctx, { olderThan, dir: options.dir, retentionDays: days });
  if (!('file' in result)) {
    console.log(`audit purge ${ctx.countyCode}: nothing older than ${days} days`);
    return 0;
  }
  console.log(
    `audit purge ${ctx.countyCode}: archived seq ${result.fromSeq}–${result.toSeq} (${result.archived} rows) to ${result.file}, sha256 ${result.sha256}`,
  );
  return 0;
}
