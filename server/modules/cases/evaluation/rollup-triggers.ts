/**
 * The 综合评价 rollup's database logic, declared beside the TypeScript that reads what it maintains: migrations
 * write it in plpgsql/SQL, so a search of the TypeScript would not find it otherwise (issue #10).
 * rollup-triggers.test.ts lists what is really installed, on both engines, and fails on a trigger or a `cases_`
 * SQL function declared here but missing, installed but not declared here, or last defined in another migration
 * than the one named here.
 *
 * Why it stays in SQL: the per-row maintenance runs inside the statement that changes the case, so the rollup
 * can never disagree with the rows (DESIGN rule 8), whatever writes them — the loop, a seed, a bulk load, a
 * hand-made fix — and at no extra round trip per intake; the fold moves a county's changes in one statement. Both
 * are measured in bench/ (`cases-intake`: intakes/s with the trigger on, against a bare insert baseline;
 * `cases-scale`: the evaluation read at a million cases, and the rebuild a bulk load runs with the trigger off).
 * Moving them to TypeScript is for a later issue, if a measurement there shows it no slower.
 */

/** A trigger the cases migrations install. */
export interface TriggerDeclaration {
  /** pg_trigger.tgname */
  name: string;
  /** The table it fires on. */
  table: string;
  /** When it fires (as CREATE TRIGGER says it). */
  fires: string;
  /** The function it runs (a `SqlFunctionDeclaration` below). */
  runs: string;
  /** What it keeps, in words. */
  maintains: string;
  /** The migration that last (re)defines the trigger or its function. */
  lastDefinedIn: string;
  /** The TypeScript that reads what it maintains, or turns it off (paths from the repository root). */
  readBy: readonly string[];
}

/** A `cases_` SQL function the migrations define. */
export interface SqlFunctionDeclaration {
  name: string;
  /** What it does, in words. */
  does: string;
  /** The migration that last (re)defines it. */
  lastDefinedIn: string;
  /** The TypeScript (or the trigger) that calls it. */
  calledBy: readonly string[];
}

const rollupReaders = [
  'server/modules/cases/evaluation/evaluation-rollup.store.ts',
  'server/modules/cases/evaluation/evaluation.store.ts',
] as const;

export const rollupTriggers: readonly TriggerDeclaration[] = [
  {
    name: 'cases_evaluation_track',
    table: 'cases_case',
    fires: 'AFTER INSERT OR UPDATE OR DELETE, FOR EACH ROW',
    runs: 'cases_evaluation_track',
    maintains:
      'Appends what the changed case row adds to and takes from the month rollup (old row out, new row in, netted ' +
      'per month × township × department × category) to cases_evaluation_change, which readers add to ' +
      'cases_evaluation_month until the fold moves it there. Appending instead of upserting the month row keeps ' +
      'concurrent intakes of one township and category from waiting for each other.',
    lastDefinedIn: '0012_cases_evaluation_change.sql',
    readBy: [...rollupReaders, 'bench/cases/bulk-load.ts'],
  },
];

export const rollupFunctions: readonly SqlFunctionDeclaration[] = [
  {
    name: 'cases_evaluation_track',
    does: 'The trigger function of cases_evaluation_track (above).',
    lastDefinedIn: '0012_cases_evaluation_change.sql',
    calledBy: ['trigger cases_evaluation_track'],
  },
  {
    name: 'cases_evaluation_rows',
    does:
      'What one case row counts in the rollup: its report month, its 立案 month, and its settling month (least of ' +
      'handle_due_at and closed_at) with the 结案/按期/返工/处置时长/满意度 counts — the definitions in evaluation.store.ts.',
    lastDefinedIn: '0011_cases_list_and_evaluation_rollup.sql',
    calledBy: ['trigger cases_evaluation_track'],
  },
  {
    name: 'cases_evaluation_fold',
    does: "Moves a county's appended changes into cases_evaluation_month in one statement; returns how many.",
    lastDefinedIn: '0012_cases_evaluation_change.sql',
    calledBy: ['server/modules/cases/evaluation/evaluation-rollup.store.ts'],
  },
  {
    name: 'cases_evaluation_recount',
    does: 'The same figures recounted from the case rows in one pass per event (what the trigger is held to).',
    lastDefinedIn: '0011_cases_list_and_evaluation_rollup.sql',
    calledBy: ['cases_evaluation_rebuild'],
  },
  {
    name: 'cases_evaluation_rebuild',
    does: "Replaces a county's rollup (month rows and pending changes) with the recount: after a bulk load with the trigger off.",
    lastDefinedIn: '0012_cases_evaluation_change.sql',
    calledBy: ['bench/cases/bulk-load.ts'],
  },
];
