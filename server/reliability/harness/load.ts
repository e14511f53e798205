import type { FlowContext } from './flows.ts';
import { citizenReport, registerAndDispatch, staffReport } from './flows.ts';

/**
 * Write load from `workers` clients until `done()` says stop: in turn a citizen's report, an inspector's staged
 * photo and report, and an inspector's report that the dispatcher then 立案s and 派遣s. A flow started is always
 * finished (every write retried until acknowledged), so stopping never leaves a write half-known.
 */
export async function driveLoad(
  ctx: FlowContext,
  workers: number,
  done: (flowsStarted: number) => boolean,
): Promise<number> {
  let started = 0;
  const worker = async () => {
    while (!done(started)) {
      const n = started++;
      if (n % 3 === 0) await citizenReport(ctx, n);
      else if (n % 3 === 1) await staffReport(ctx, n);
      else await registerAndDispatch(ctx, (await staffReport(ctx, n)).caseNo!);
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return started;
}
