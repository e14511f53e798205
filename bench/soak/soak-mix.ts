// The soak's mix of work, as a county's day sends it: citizens' reports (photo inline), inspectors' reports
// (photo uploaded first, then the report naming it), the dispatcher's queues and actions (立案 then 派遣 of a
// case reported earlier in the soak), case lists, the map's 200-case page, and an Excel export. Each operation
// is one or more requests; every answer is checked (anything but 2xx is an error).
import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { intakeBody } from '../cases/intake-runs.ts';
import { type Answer, agentFrom, send } from './soak-http.ts';

export type OperationName = 'citizen report' | 'inspector report' | 'queue' | 'action' | 'list' | 'map' | 'export';

/** Share of operations (sums to 1). */
export const mix: ReadonlyArray<readonly [OperationName, number]> = [
  ['citizen report', 0.15],
  ['inspector report', 0.15],
  ['queue', 0.2],
  ['action', 0.15],
  ['list', 0.15],
  ['map', 0.15],
  ['export', 0.05],
];

export interface RequestResult {
  /** "POST /api/public/cases" etc.: what the latency is of. */
  request: string;
  status: number;
  ms: number;
  error?: string;
}

export interface Sessions {
  inspector: Record<string, string>;
  dispatcher: Record<string, string>;
}

/** Addresses citizens' reports come from (127.0.1.1–127.0.1.200), so the per-address hourly budget is not what is measured. */
const citizenAddresses = Array.from({ length: 200 }, (_, i) => `127.0.1.${i + 1}`);
/** A phone sends a few reports, then the next one reports: its device budget (30 an hour) is never reached. */
const reportsPerDevice = 5;

export class SoakMix {
  private readonly staff = agentFrom(undefined, 64);
  private readonly citizens = citizenAddresses.map((a) => agentFrom(a, 4));
  /** Reported in this soak and not yet acted on: each is registered and dispatched once, so actions never race. */
  private readonly toAct: string[] = [];
  private citizenCount = 0;
  private device = randomUUID();
  private readonly photoBase64: string;
  private readonly exportQuery: string;

  constructor(
    private readonly baseUrl: string,
    private readonly sessions: Sessions,
    private readonly photo: Buffer,
  ) {
    this.photoBase64 = photo.toString('base64');
    // Last month, so the export's size does not grow with the soak's own reports.
    const now = new Date();
    const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 10);
    const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 0)).toISOString().slice(0, 10);
    this.exportQuery = `?from=${from}&to=${to}`;
  }

  close(): void {
    this.staff.destroy();
    for (const agent of this.citizens) agent.destroy();
  }

  /** Runs one operation; its requests' results in order. */
  async run(name: OperationName, i: number): Promise<RequestResult[]> {
    switch (name) {
      case 'citizen report':
        return this.citizenReport(i);
      case 'inspector report':
        return this.inspectorReport(i);
      case 'queue':
        return [
          await this.get(i % 2 ? '/api/cases?queue=intake' : '/api/cases/queue-counts', this.sessions.dispatcher),
        ];
      case 'action':
        return this.registerAndDispatch();
      case 'list':
        return [await this.get(`/api/cases?page=${1 + (i % 5)}`, this.sessions.dispatcher, 'GET /api/cases?page=N')];
      case 'map':
        return [
          await this.get('/api/cases?pageSize=200', this.sessions.dispatcher, 'GET /api/cases?pageSize=200 (map)'),
        ];
      case 'export':
        return [
          await this.get(
            `/api/cases/export.xlsx${this.exportQuery}`,
            this.sessions.dispatcher,
            'GET /api/cases/export.xlsx',
          ),
        ];
    }
  }

  private async call(
    label: string,
    agent: http.Agent,
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: string | Buffer },
    expect: (a: Answer) => boolean = (a) => a.status >= 200 && a.status < 300,
  ): Promise<RequestResult & { body: string }> {
    try {
      const answer = await send(agent, this.baseUrl, method, path, options);
      const ok = expect(answer);
      return {
        request: label,
        status: answer.status,
        ms: answer.ms,
        body: answer.body,
        ...(ok ? {} : { error: `${method} ${path}: ${answer.status} ${answer.body.slice(0, 300)}` }),
      };
    } catch (error) {
      return { request: label, status: 0, ms: 0, body: '', error: `${method} ${path}: ${(error as Error).message}` };
    }
  }

  private get(path: string, headers: Record<string, string>, label = `GET ${path}`) {
    return this.call(label, this.staff, 'GET', path, { headers }).then(strip);
  }

  private async citizenReport(i: number): Promise<RequestResult[]> {
    if (this.citizenCount++ % reportsPerDevice === 0) this.device = randomUUID();
    const agent = this.citizens[this.citizenCount % this.citizens.length] as http.Agent;
    const body = JSON.parse(intakeBody(i, { data: this.photoBase64 })) as Record<string, unknown>;
    const result = await this.call('POST /api/public/cases', agent, 'POST', '/api/public/cases', {
      headers: { 'idempotency-key': `soak-${randomUUID()}`, 'x-device-id': this.device },
      body: JSON.stringify(body),
    });
    this.remember(result);
    return [strip(result)];
  }

  private async inspectorReport(i: number): Promise<RequestResult[]> {
    const upload = await this.call('POST /api/cases/photo-uploads', this.staff, 'POST', '/api/cases/photo-uploads', {
      headers: { ...this.sessions.inspector, 'content-type': 'image/jpeg' },
      body: this.photo,
    });
    if (upload.error) return [strip(upload)];
    const { uploadId } = JSON.parse(upload.body) as { uploadId: string };
    const report = await this.call('POST /api/cases', this.staff, 'POST', '/api/cases', {
      headers: { ...this.sessions.inspector, 'idempotency-key': `soak-${randomUUID()}` },
      body: intakeBody(i, { uploadId }),
    });
    this.remember(report);
    return [strip(upload), strip(report)];
  }

  /**
   * 立案 then 派遣 of one case reported earlier in the soak; the case page is read first for its status and
   * revision. Reports the county's policy sends to on-site 核实 first (status verifying) are read and left.
   */
  private async registerAndDispatch(): Promise<RequestResult[]> {
    const out: RequestResult[] = [];
    for (let caseNo = this.toAct.shift(); caseNo; caseNo = this.toAct.shift()) {
      const page = await this.casePage(caseNo);
      out.push(strip(page));
      if (page.error) return out;
      if (page.caseStatus !== 'reported') continue;
      const registered = await this.act(caseNo, 'register', page.revision, {});
      out.push(strip(registered));
      if (registered.error) return out;
      const again = await this.casePage(caseNo);
      out.push(strip(again));
      if (again.error || again.caseStatus !== 'registered') return out;
      out.push(strip(await this.act(caseNo, 'dispatch', again.revision, { department: 'chengguan' })));
      return out;
    }
    if (out.length === 0) out.push(await this.get('/api/cases?queue=intake', this.sessions.dispatcher));
    return out;
  }

  private async casePage(caseNo: string) {
    const page = await this.call('GET /api/cases/:caseNo', this.staff, 'GET', `/api/cases/${caseNo}`, {
      headers: this.sessions.dispatcher,
    });
    const read = page.error ? {} : (JSON.parse(page.body) as { status?: string; revision?: number });
    return { ...page, caseStatus: read.status, revision: read.revision ?? 0 };
  }

  private act(caseNo: string, action: string, revision: number, extra: Record<string, string>) {
    return this.call(`POST /api/cases/:caseNo/${action}`, this.staff, 'POST', `/api/cases/${caseNo}/${action}`, {
      headers: { ...this.sessions.dispatcher, 'idempotency-key': `soak-${randomUUID()}` },
      body: JSON.stringify({ revision, ...extra }),
    });
  }

  private remember(result: { error?: string; body: string }) {
    if (!result.error) this.toAct.push((JSON.parse(result.body) as { caseNo: string }).caseNo);
  }
}

const strip = ({ request, status, ms, error }: RequestResult): RequestResult => ({
  request,
  status,
  ms,
  ...(error ? { error } : {}),
});
