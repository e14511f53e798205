// The capacity suite's tables: per client count, the API's intakes/s against pgbench running the same
// statements (the limit), medians over the rounds, and what one intake costs in CPU on each side.
import type { Table } from '../lib/report.ts';
import { median, ms, summarize, times } from '../lib/stats.ts';
import type { CapacityRun, Variant } from './capacity.bench.ts';
import type { SameStatementScript } from './same-statement-script.ts';

const rate = (v: number) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));

interface VariantFigures {
  perSecond: number;
  p50: number;
  p99: number;
  /** CPU ms per successful intake: the whole machine, the server process, and the database's backends. */
  machineCpuMs: number;
  serverCpuMs: number;
  postgresCpuMs: number;
  failed: number;
}

function figures(runs: CapacityRun[]): VariantFigures | undefined {
  if (runs.length === 0) return undefined;
  const perRun = (f: (r: CapacityRun) => number) => median(runs.map(f));
  const done = (r: CapacityRun) => Math.max(1, r.run.perSecond * r.run.seconds);
  return {
    perSecond: perRun((r) => r.run.perSecond),
    p50: perRun((r) => summarize(r.run.latencies).p50),
    p99: perRun((r) => summarize(r.run.latencies).p99),
    machineCpuMs: perRun((r) => ((r.run.observed.machineCpuS ?? 0) * 1000) / done(r)),
    serverCpuMs: perRun((r) => (r.run.observed.serverCpuS * 1000) / done(r)),
    postgresCpuMs: perRun((r) => (r.run.observed.postgresCpuS * 1000) / done(r)),
    failed: runs.reduce((a, r) => a + ('failed' in r.run ? r.run.failed : 0), 0),
  };
}

export function capacityTables(runs: CapacityRun[], script: SameStatementScript): { tables: Table[]; notes: string[] } {
  const clients = [...new Set(runs.map((r) => r.clients))];
  const of = (variant: Variant, n: number) => figures(runs.filter((r) => r.variant === variant && r.clients === n));
  const main: Table = {
    headers: [
      'clients',
      'API intakes/s',
      'API p50 ms',
      'API p99 ms',
      'limit: same statements, prepared /s',
      'limit p99 ms',
      '**API ÷ limit**',
      'same statements, unnamed /s',
      'API ÷ unnamed',
      'failed',
    ],
    rows: [],
  };
  const cpu: Table = {
    title:
      'CPU per intake (ms): the API as it is (statements named), over the Unix socket, with statements unnamed; the limit',
    headers: [
      'clients',
      'run',
      'per second',
      'p99 ms',
      'machine CPU ms/intake',
      'server CPU ms/intake',
      'PG backends CPU ms/intake',
    ],
    rows: [],
  };
  const notes: string[] = [];
  for (const n of clients) {
    const api = of('api-tcp', n);
    const prepared = of('pgbench-prepared', n);
    const unnamed = of('pgbench-extended', n);
    const socket = of('api-socket', n);
    const unnamedApi = of('api-unnamed', n);
    if (!api || !prepared || !unnamed) continue;
    main.rows.push([
      String(n),
      rate(api.perSecond),
      ms(api.p50),
      ms(api.p99),
      rate(prepared.perSecond),
      ms(prepared.p99),
      times(api.perSecond / prepared.perSecond),
      rate(unnamed.perSecond),
      times(api.perSecond / unnamed.perSecond),
      String(api.failed + (socket?.failed ?? 0) + (unnamedApi?.failed ?? 0)),
    ]);
    const cpuRow = (label: string, f: VariantFigures, server: boolean) => [
      String(n),
      label,
      rate(f.perSecond),
      ms(f.p99),
      ms(f.machineCpuMs),
      server ? ms(f.serverCpuMs) : '',
      ms(f.postgresCpuMs),
    ];
    cpu.rows.push(cpuRow('API over TCP (127.0.0.1)', api, true));
    if (socket)
      cpu.rows.push(cpuRow(`API over the Unix socket (${times(socket.perSecond / api.perSecond)} TCP)`, socket, true));
    if (unnamedApi)
      cpu.rows.push(
        cpuRow(
          `API with its statements unnamed (${times(unnamedApi.perSecond / api.perSecond)} named)`,
          unnamedApi,
          true,
        ),
      );
    cpu.rows.push(cpuRow('pgbench, same statements, prepared', prepared, false));
    cpu.rows.push(cpuRow('pgbench, same statements, unnamed', unnamed, false));
    notes.push(
      `N=${n}: API ÷ same-statement limit ${(api.perSecond / prepared.perSecond).toFixed(3)} (target ≥ 0.5: ${api.perSecond / prepared.perSecond >= 0.5 ? 'met' : 'not met'}).`,
    );
  }
  const dry = runs.filter((r) => r.photosLeft === 0).length;
  const pgbenchRuns = runs.filter((r) => r.stored);
  const transactions = pgbenchRuns.reduce((a, r) => a + r.run.latencies.length, 0);
  const cases = pgbenchRuns.reduce((a, r) => a + (r.stored?.cases ?? 0), 0);
  const photos = pgbenchRuns.reduce((a, r) => a + (r.stored?.photos ?? 0), 0);
  notes.push(
    `pgbench did the intake's work: ${transactions} transactions logged, ${cases} cases and ${photos} case photos stored by them (the difference is transactions still running at the end of each run, not in pgbench's log).`,
  );
  if (dry > 0) notes.push(`${dry} pgbench run(s) used up their staged photos: their rate is a lower bound.`);
  notes.push(
    `One intake sends ${script.statements} statements (BEGIN and COMMIT included), all captured from one real request. Values that differ per intake in the script: ${Object.entries(
      script.varied,
    )
      .map(([k, v]) => `${k}: ${v}`)
      .join('; ')}. The full script is in capacity.json (data.script).`,
    'pgbench and the load driver share the machine’s 2 cores with the server and PostgreSQL; pgbench’s own CPU is far smaller than the server’s, which is part of what the ratio measures.',
  );
  return { tables: [main, cpu], notes };
}
