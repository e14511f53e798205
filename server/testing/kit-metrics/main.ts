import path from 'node:path';
import { sqlOutsideStores } from './database-access.ts';
import { type FunctionSize, functionSizes, largest, longerThan } from './functions.ts';
import { type ImportFinding, platformToModule, sideEffectImports, testingToModuleInternals } from './imports.ts';
import { manifestsOf, sideEffectRegistrations } from './manifests.ts';
import { readSources, type SourceFile } from './source-files.ts';
import { handWrittenApiTypes } from './web-types.ts';

/**
 * The module kit's figures for a tree (issue 10's closing note compares them before and after):
 *   node --import tsx server/testing/kit-metrics/main.ts [root]      (root defaults to the current folder)
 * Counts only: files are parsed, not type-checked. Tests and test support are left out of every figure except
 * where a line says "tests".
 */
function heading(title: string, count: number): void {
  console.log(`\n## ${title}: ${count}`);
}

function printImports(title: string, findings: readonly ImportFinding[]): void {
  console.log(`\n## ${title}: ${findings.length} imports in ${new Set(findings.map((f) => f.path)).size} files`);
  for (const f of findings) console.log(`  ${f.path}:${f.line} → ${f.target}${f.typeOnly ? ' (type only)' : ''}`);
}

function printFunctions(title: string, sizes: readonly FunctionSize[]): void {
  heading(`${title}: functions longer than 40 lines`, longerThan(sizes, 40));
  console.log(`  the 10 largest of ${sizes.length}:`);
  for (const f of largest(sizes, 10)) console.log(`  ${String(f.lines).padStart(4)}  ${f.path}:${f.line}  ${f.name}`);
}

function printSql(server: readonly SourceFile[]): void {
  const outside = sqlOutsideStores(server);
  heading('Files running SQL outside *.store.ts/*.sql.ts (non-test server files)', outside.length);
  const inModules = outside.filter((entry) => entry.path.startsWith('server/modules/')).length;
  console.log(`  (in modules: ${inModules}; in platform and elsewhere: ${outside.length - inModules})`);
  for (const entry of outside) console.log(`  ${entry.path}  [${entry.reasons.join('; ')}]`);
}

function printModuleShape(server: readonly SourceFile[]): void {
  const manifests = manifestsOf(server);
  heading('AppModule / manifest declarations', manifests.length);
  for (const m of manifests) console.log(`  ${m.path}:${m.line}  ${m.name}: ${m.type}`);
  const registering = sideEffectRegistrations(server);
  const inModules = registering.filter((file) => file.startsWith('server/modules/'));
  heading('Module files registering through side effects (top-level register…() call)', inModules.length);
  for (const file of inModules) console.log(`  ${file}`);
  console.log(`  (platform and other server files doing the same: ${registering.length - inModules.length})`);
}

function main(): void {
  const root = path.resolve(process.argv[2] ?? '.');
  const server = readSources(root, 'server');
  const web = readSources(root, 'web/src');
  console.log(`# kit metrics for ${root}`);
  printSql(server);
  const platform = platformToModule(server);
  printImports(
    'Platform → module imports, non-test files',
    platform.filter((f) => !f.test),
  );
  printImports(
    'Platform → module imports, tests',
    platform.filter((f) => f.test),
  );
  printImports(
    'Testing harness → module internals (not index.ts, api.ts or the manifest)',
    testingToModuleInternals(server),
  );
  const sideEffects = sideEffectImports(server);
  heading('Side-effect imports in server/, non-test (import lines)', sideEffects.filter((f) => !f.test).length);
  for (const f of sideEffects.filter((s) => !s.test)) console.log(`  ${f.path}:${f.line} → ${f.target}`);
  console.log(`  (in tests: ${sideEffects.filter((f) => f.test).length})`);
  const webTypes = handWrittenApiTypes(web);
  heading('Hand-written web types of the server API (exported types in API-facing web files)', webTypes.length);
  for (const t of webTypes) console.log(`  ${t.path}:${t.line}  ${t.name}`);
  printFunctions('Server', functionSizes(server));
  printFunctions('Web', functionSizes(web));
  printModuleShape(server);
}

main();
