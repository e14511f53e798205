import { sleep } from '../../testing/child-process.ts';
import { deliver, expectStatus } from './deliver.ts';
import type { Call } from './http-call.ts';
import type { Ledger, WriteRecord } from './ledger.ts';
import { send } from './http-call.ts';

/** What every flow needs: the server's fixed address, the run's id (in every key), signed-in staff, photos. */
export interface FlowContext {
  baseUrl: string;
  runId: string;
  ledger: Ledger;
  inspector: Record<string, string>;
  dispatcher: Record<string, string>;
  /** A small JPEG with GPS in 霞阳镇, raw and as base64. */
  photo: Buffer;
  photoBase64: string;
}

const xiayang = { regionCode: '430225100', lng: 113.772, lat: 26.489 };

/** The client id travels in the description, so the checks find the case it made (or the several, if duplicated). */
export function marker(clientId: string): string {
  return `[${clientId}]`;
}

/** A citizen's report on the public API, from its own phone (device id) and address (127.x.y.z), photo inline. */
export async function citizenReport(ctx: FlowContext, n: number): Promise<WriteRecord> {
  const clientId = `${ctx.runId}-c${n}`;
  const record = ctx.ledger.open(clientId, 'citizen-report', `key-${clientId}`);
  const body = JSON.stringify({
    categoryCode: '09006',
    ...xiayang,
    address: `霞阳镇炎帝大道 ${n} 号门前`,
    description: `水果摊占用人行道经营 ${marker(clientId)}`,
    photos: [{ data: ctx.photoBase64 }],
  });
  const call: Call = {
    method: 'POST',
    path: '/api/public/cases',
    headers: { 'idempotency-key': record.key!, 'x-device-id': `device-${clientId}`.padEnd(16, '0') },
    body,
    // Anonymous writes have an hourly budget per address: a new address every 50 reports keeps a long run under it.
    localAddress: `127.0.${1 + (Math.floor(n / 50) % 250)}.${1 + (n % 50)}`,
  };
  const answer = await deliver(ctx.baseUrl, ctx.ledger, record, () => call);
  expectStatus(record, answer, [200, 201]);
  record.caseNo = (JSON.parse(answer.body) as { caseNo: string }).caseNo;
  return record;
}

/** An inspector on patrol: the photo staged first (its own key), then the report naming it (another key). */
export async function staffReport(ctx: FlowContext, n: number): Promise<WriteRecord> {
  const uploadId = await stagePhoto(ctx, n);
  const clientId = `${ctx.runId}-s${n}`;
  const record = ctx.ledger.open(clientId, 'staff-report', `key-${clientId}`);
  const body = JSON.stringify({
    categoryCode: '09006',
    ...xiayang,
    address: `霞阳镇神农大道 ${n} 号`,
    description: `巡查发现占道经营 ${marker(clientId)}`,
    photos: [{ uploadId }],
  });
  const call: Call = {
    method: 'POST',
    path: '/api/cases',
    headers: { ...ctx.inspector, 'idempotency-key': record.key! },
    body,
  };
  const answer = await deliver(ctx.baseUrl, ctx.ledger, record, () => call);
  expectStatus(record, answer, [200, 201]);
  record.caseNo = (JSON.parse(answer.body) as { caseNo: string }).caseNo;
  return record;
}

async function stagePhoto(ctx: FlowContext, n: number): Promise<string> {
  const clientId = `${ctx.runId}-u${n}`;
  const record = ctx.ledger.open(clientId, 'photo-upload', `key-${clientId}`);
  const call: Call = {
    method: 'POST',
    path: '/api/cases/photo-uploads',
    headers: { ...ctx.inspector, 'idempotency-key': record.key!, 'content-type': 'image/jpeg' },
    body: ctx.photo,
  };
  const answer = await deliver(ctx.baseUrl, ctx.ledger, record, () => call);
  expectStatus(record, answer, [200, 201]);
  return (JSON.parse(answer.body) as { uploadId: string }).uploadId;
}

/**
 * The dispatcher 立案s a reported case, then 派遣s it to 城管. Staff actions carry the revision the page was read
 * at, not a key: a retry after a kill sends the same revision, and a 409 then means the first attempt had
 * committed (only the harness acts on these cases) — the checks confirm the timeline holds it once.
 */
export async function registerAndDispatch(ctx: FlowContext, caseNo: string): Promise<void> {
  const start = await readCase(ctx, caseNo);
  if (start.status !== 'reported') return; // a source the county verifies first (核实): not this flow's
  const registered = await staffAction(ctx, caseNo, 'register', start.revision, {});
  if (!registered) return;
  const now = await readCase(ctx, caseNo);
  await staffAction(ctx, caseNo, 'dispatch', now.revision, { department: 'chengguan' });
}

async function staffAction(
  ctx: FlowContext,
  caseNo: string,
  action: 'register' | 'dispatch',
  revision: number,
  extra: Record<string, unknown>,
): Promise<boolean> {
  const record = ctx.ledger.open(`${ctx.runId}-${action}-${caseNo}`, action);
  record.caseNo = caseNo;
  const body = JSON.stringify({ revision, ...extra });
  const call: Call = { method: 'POST', path: `/api/cases/${caseNo}/${action}`, headers: ctx.dispatcher, body };
  const answer = await deliver(ctx.baseUrl, ctx.ledger, record, () => call);
  if (answer.status === 409 && record.attempts > 1) {
    record.committedBeforeKill = (await readCase(ctx, caseNo)).revision > revision;
    if (!record.committedBeforeKill) throw new Error(`${action} ${caseNo}: 409 but the case did not move`);
    return true;
  }
  expectStatus(record, answer, [200]);
  return true;
}

/** The case as the dispatcher's page reads it; retried while the server is down. */
async function readCase(ctx: FlowContext, caseNo: string): Promise<{ status: string; revision: number }> {
  for (;;) {
    const answer = await send(ctx.baseUrl, { method: 'GET', path: `/api/cases/${caseNo}`, headers: ctx.dispatcher });
    if (answer?.status === 200) return JSON.parse(answer.body) as { status: string; revision: number };
    if (answer && answer.status !== 503 && answer.status < 500)
      throw new Error(`GET case ${caseNo}: ${answer.status} ${answer.body.slice(0, 300)}`);
    if (ctx.ledger.abandoned) throw ctx.ledger.abandoned;
    await sleep(100);
  }
}
