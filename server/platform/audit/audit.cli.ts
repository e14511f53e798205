import { verifyAuditChain } from './verify.ts';
import type { Database } from '../db/database.ts';

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
