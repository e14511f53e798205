import type { Answer, Call } from './http-call.ts';
import { send } from './http-call.ts';
import type { Ledger, WriteRecord } from './ledger.ts';
import { sleep } from '../../testing/child-process.ts';

/** How long to wait before sending again: long enough for a restart to begin, short next to one. */
const retryPauseMs = 100;

/**
 * Sends `call` until it is acknowledged: a 2xx, or a client error the caller settles (a staff action's 409). No
 * answer — refused while the server is down, reset by the kill, timed out — and 503 are retried unchanged: same
 * Idempotency-Key, same revision, as a phone's outbox would. A 5xx other than 503 is noted (a bug) and retried.
 */
export async function deliver(
  baseUrl: string,
  ledger: Ledger,
  record: WriteRecord,
  call: () => Call,
  maxMs = 600_000,
): Promise<Answer> {
  const deadline = Date.now() + maxMs;
  while (Date.now() < deadline) {
    if (ledger.abandoned) throw ledger.abandoned;
    record.attempts++;
    const answer = await send(baseUrl, call());
    if (answer === null || answer.status === 503) {
      if (answer === null) record.unanswered++;
      await sleep(retryPauseMs);
      continue;
    }
    if (answer.status >= 500) {
      ledger.noteServerError(record, answer);
      await sleep(retryPauseMs);
      continue;
    }
    if (answer.headers['idempotent-replayed'] === 'true') record.replayed = true;
    record.acknowledgedAt = Date.now();
    return answer;
  }
  throw new Error(
    `${record.kind} ${record.clientId}: not acknowledged after ${maxMs} ms (${record.attempts} attempts)`,
  );
}

/** The answer must be one of `statuses`; anything else stops the run with what the server said. */
export function expectStatus(record: WriteRecord, answer: Answer, statuses: readonly number[]): void {
  if (!statuses.includes(answer.status))
    throw new Error(`${record.kind} ${record.clientId}: unexpected ${answer.status} ${answer.body.slice(0, 500)}`);
}
