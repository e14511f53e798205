import type { Table } from '../lib/report.ts';
import { ms, ratio, times } from '../lib/stats.ts';
import type { EngineScale } from './cases-scale.bench.ts';
import type { ProbeResult } from './probe-loop.ts';

/** Targets of issue #4 on PostgreSQL with a million cases (PGlite figures are recorded, not judged). */
const targetP95 = { list: 50, evaluation: 100 };

function targetOf(name: string): number | undefined {
  if (name.startsWith('list, ')) return targetP95.list;
  if (name.startsWith('evaluation ')) return targetP95.evaluation;
  return undefined;
}

function requestRows(e: EngineScale): string[][] {
  const all = [...e.inProcess, ...e.api];
  const pk = all.find((r) => r.name.startsWith('baseline: primary-key'));
  const lookup = all.find((r) => r.name.startsWith('baseline: GET'));
  return all.map((r: ProbeResult) => {
    const target = targetOf(r.name);
    const verdict = target === undefined ? '' : `${target} ms: ${r.summary.p95 <= target ? 'met' : 'not met'}`;
    return [
      e.engine,
      r.name,
      `${r.summary.n}${r.cut ? ' (time budget)' : ''}`,
      ms(r.summary.p50),
      ms(r.summary.p95),
      ms(r.summary.p99),
      pk ? times(ratio(r.summary.p50, pk.summary.p50)) : '',
      lookup ? times(ratio(r.summary.p50, lookup.summary.p50)) : '',
      verdict,
    ];
  });
}

const clip = (line: string) => (line.length > 240 ? `${line.slice(0, 240)} …` : line);

export function scaleTables(engines: readonly EngineScale[]): { tables: Table[]; notes: string[] } {
  const tables: Table[] = [
    {
      title: 'The loaded history',
      headers: [
        'engine',
        'cases loaded',
        'cases in table',
        'load s',
        'of which index rebuild s',
        'of which 综合评价 rollup s',
        'VACUUM ANALYZE s',
        'table MB',
        'indexes MB',
        'open',
        'overdue now',
        'last 12 months',
      ],
      rows: engines.map((e) => [
        e.engine,
        `${e.load.rows.toLocaleString('en')}${e.load.rows < e.load.planned ? ` of ${e.load.planned.toLocaleString('en')} (time budget)` : ''}`,
        (e.facts.cases ?? 0).toLocaleString('en'),
        (e.load.loadMs / 1000).toFixed(0),
        (e.load.indexMs / 1000).toFixed(0),
        ((e.load.rollupMs ?? 0) / 1000).toFixed(1),
        (e.load.vacuumMs / 1000).toFixed(1),
        e.load.tableMB.toFixed(0),
        e.load.indexesMB.toFixed(0),
        (e.facts.open ?? 0).toLocaleString('en'),
        (e.facts.overdue ?? 0).toLocaleString('en'),
        (e.facts.last_year ?? 0).toLocaleString('en'),
      ]),
    },
    {
      title: 'Requests (ms; “× PK” = p50 ÷ primary-key lookup p50, “× lookup” = p50 ÷ list-by-case-number p50)',
      headers: ['engine', 'request', 'n', 'p50', 'p95', 'p99', '× PK', '× lookup', 'target p95'],
      rows: engines.flatMap(requestRows),
    },
    {
      title: 'Where a list request’s database time goes (median of 3 calls of `listCases` in process, ms)',
      headers: [
        'engine',
        'list',
        'page query',
        'capped count for the total (≤ 10,001 rows)',
        'names and the rest',
        'statements',
      ],
      rows: engines.flatMap((e) =>
        e.splits.map((s) => [e.engine, s.shape, ms(s.pageMs), ms(s.countMs), ms(s.otherMs), String(s.statements)]),
      ),
    },
    {
      title: 'Plans of the slowest list and evaluation requests (EXPLAIN ANALYZE, BUFFERS; full text below)',
      headers: ['engine', 'request', 'p95 ms', 'statement', 'ms once', 'scans'],
      rows: engines.flatMap((e) =>
        e.plans.map((p) => [e.engine, p.what, ms(p.p95Ms), p.statement, ms(p.ms), p.summary || '(no scan nodes)']),
      ),
    },
  ];
  const notes: string[] = [];
  for (const e of engines) {
    notes.push(
      `${e.engine}: evaluation measured ${e.evaluationVia === 'api' ? 'through GET /api/cases/evaluation' : 'by calling `evaluateCases` (evaluation.service.ts) in process: the route is not wired into the app yet'}.`,
    );
    for (const p of e.plans)
      notes.push(
        `${e.engine} — ${p.what}, ${p.statement}:\n\n  \`\`\`\n${p.plan.map((l) => `  ${clip(l)}`).join('\n')}\n  \`\`\``,
      );
  }
  notes.push(
    'The 综合评价 reads whole months from cases_evaluation_month (per month × township × department × category); the bulk load turns its trigger off and recomputes it from the loaded rows once (cases_evaluation_rebuild, “of which 综合评价 rollup s”), as a live system’s trigger would have kept it. A month not over yet, and the days of a period outside whole months, are counted from the case rows.',
    'Requests go one at a time, round-robin over all request kinds (the order rotating each round), after warm-up rounds; a kind far over its target stops after 60 s with at least 5 samples (marked “time budget”).',
    'The history: 12 townships (霞阳镇 45 %), the 32 codes of the 2026 catalogue weighted as county reports show them, five channels, reported_at spread evenly over three years; old cases closed (5 % rejected, 3 % merged, 0.15 % stuck open), recent ones open in a share decaying with age; departments, deadlines, 按期 flags, rework, 督办 levels and ratings filled as the loop would. Timelines and photos are not loaded: no measured request reads them.',
  );
  return { tables, notes };
}
