import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cruise, type ICruiseOptions, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import { projectRoot } from '../config.ts';
import { databaseHandleUses, mayRunSql } from './kit-metrics/database-access.ts';
import { readSources } from './kit-metrics/source-files.ts';

/** The folders the import rules look at, from the project root (or a fixture tree's root). */
export const cruisedFolders = ['server', 'rules', 'web/src', 'bench', 'e2e'];

const rulesFile = path.join(projectRoot, '.dependency-cruiser.cjs');

/** `node_modules/drizzle-orm/index.cjs` → `drizzle-orm`: the package, not the file its exports map chose. */
function packageOf(modulePath: string): string {
  return modulePath.replace(/^(.*\/)?node_modules\/((@[^/]+\/)?[^/]+)(\/.*)?$/, '$2');
}

/** A cycle read from its alphabetically first file, so the same cycle always reads the same. */
function cycleKey(violation: IViolation): string {
  const files = [violation.from, ...(violation.cycle ?? []).map((step) => step.name)];
  const ring = files.at(-1) === files[0] ? files.slice(0, -1) : files;
  const start = ring.indexOf([...ring].sort()[0] ?? '');
  const rotated = [...ring.slice(start), ...ring.slice(0, start)];
  return [...rotated, rotated[0]].join(' → ');
}

/** One line per violation: `rule: from → to` (a cycle: every file of it). */
export function describeViolation(violation: IViolation): string {
  if (violation.cycle && violation.cycle.length > 0) return `${violation.rule.name}: ${cycleKey(violation)}`;
  return `${violation.rule.name}: ${violation.from} → ${packageOf(violation.to)}`;
}

async function cruiseViolations(root: string, folders: string[], extra: ICruiseOptions = {}): Promise<IViolation[]> {
  const options = await extractDepcruiseOptions(rulesFile);
  const { output } = await cruise(folders, { ...options, ...extra, baseDir: root, validate: true, outputType: 'json' });
  const result: ICruiseResult = typeof output === 'string' ? JSON.parse(output) : output;
  return result.summary.violations;
}

function describeAll(violations: readonly IViolation[]): string[] {
  return [...new Set(violations.map(describeViolation))].sort();
}

/** Runs the rules of `.dependency-cruiser.cjs` on the tree at `root`; the violations, sorted, each once. */
export async function importRuleViolations(root: string = projectRoot): Promise<string[]> {
  const folders = cruisedFolders.filter((folder) => fs.existsSync(path.join(root, folder)));
  return describeAll(await cruiseViolations(root, folders));
}

/**
 * The rules as they judge a module folder kept elsewhere (the fixture module under server/testing): a scratch
 * tree gets a copy of it at server/modules/<key>/ beside links to the real platform, schema and node_modules,
 * and only the copy's own imports are judged — the import rules and the database-handle check both.
 */
export async function moduleRuleViolations(folder: string, key: string): Promise<string[]> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'wenming-module-rules-'));
  try {
    const copy = `server/modules/${key}`;
    fs.cpSync(folder, path.join(scratch, copy), { recursive: true });
    for (const shared of ['server/platform', 'server/db', 'node_modules']) {
      fs.symlinkSync(path.join(projectRoot, shared), path.join(scratch, shared));
    }
    const violations = await cruiseViolations(scratch, [copy], {
      preserveSymlinks: true,
      doNotFollow: { path: ['node_modules', '^server/platform/', '^server/db/'] },
    });
    const own = violations.filter((violation) => violation.from.startsWith(`${copy}/`));
    return [...describeAll(own), ...databaseHandleViolations(scratch)].sort();
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Server files outside stores that use a database handle (`ctx.db.select…`, `t.execute(…)`): what the import
 * rules cannot see. One line per file and kind: `database-handle-outside-store: file (.db.)`.
 */
export function databaseHandleViolations(root: string = projectRoot): string[] {
  return readSources(root, 'server')
    .filter((file) => !mayRunSql(file.path))
    .flatMap((file) =>
      databaseHandleUses(file).map((use) => `database-handle-outside-store: ${file.path} (${use.kind})`),
    )
    .sort();
}
