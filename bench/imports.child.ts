// One import run measured in a process of its own (imports.bench.ts is the parent), so its memory high-water is
// the import's alone: upload → dry run → commit of the valid rows, on the database the parent prepared.
import fs from 'node:fs';
import { appModules } from '../server/modules/index.ts';
import { permissionsOf } from '../server/platform/auth/permissions-of.ts';
import { createAccount } from '../server/platform/auth/create-user.ts';
import { rolesOfUser } from '../server/platform/auth/roles.store.ts';
import { type Ctx, systemCtx } from '../server/platform/context.ts';
import { openDatabase } from '../server/platform/db/engine.ts';
import { tx } from '../server/platform/db/tx.ts';
import { adoptedImportKinds } from '../server/platform/imports/adopted-kinds.ts';
import { findRun } from '../server/platform/imports/imports.store.ts';
import { defaultImportLimits } from '../server/platform/imports/limits.ts';
import { requestCommit } from '../server/platform/imports/run-actions.ts';
import { uploadRun } from '../server/platform/imports/upload-run.ts';
import { runImportWork } from '../server/platform/imports/worker.ts';
import { adoptManifests } from '../server/platform/modules/adopt.ts';
import { keyringFromJson, newKeyFile } from '../server/platform/pii/keyring.ts';

adoptManifests(appModules);
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

/**
 * The largest RSS and heap seen since the last reset, sampled every 10 ms; and the live heap: what is left after
 * a full garbage collection, forced every 500 ms (the peak heap also counts garbage not yet collected, which a
 * longer run lets grow further before V8 collects it).
 */
function memoryWatch() {
  const peak = { rss: 0, heap: 0, live: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
  };
  const collect = () => {
    global.gc?.();
    peak.live = Math.max(peak.live, process.memoryUsage().heapUsed);
  };
  const timers = [setInterval(sample, 10), setInterval(collect, 500)];
  return {
    take() {
      sample();
      collect();
      const taken = { ...peak };
      peak.rss = 0;
      peak.heap = 0;
      peak.live = 0;
      return taken;
    },
    stop: () => {
      for (const timer of timers) clearInterval(timer);
    },
  };
}

async function importer(ctx: Ctx, role: string): Promise<Ctx> {
  const user = await tx(ctx, (t) =>
    createAccount(t, { loginId: 'bench.importer', displayName: '导入', scopeRegion: t.countyCode, roles: [role] }),
  );
  const roles = await rolesOfUser(ctx.db, ctx.countyCode, user.id);
  const actor = {
    kind: 'user' as const,
    id: user.id,
    username: user.loginId,
    displayName: user.displayName,
    roles: roles.map((r) => r.key),
    permissions: permissionsOf(roles, null),
    scopeRegion: user.scopeRegion,
    department: null,
    sessionId: null,
  };
  return { ...ctx, actor };
}

async function main() {
  const engine = env('BENCH_ENGINE');
  const database = await openDatabase(
    engine === 'postgres' ? { databaseUrl: env('BENCH_DB'), poolSize: 4 } : { pgliteDir: env('BENCH_DB') },
  );
  const keyring = keyringFromJson(newKeyFile('bench'));
  const base = systemCtx(database, { countyCode: '430225', keyring });
  const kind = adoptedImportKinds().find((k) => k.key === env('BENCH_KIND'))!;
  const who = await importer(base, kind.key === 'auth.accounts' ? 'sys_admin' : 'coordinator');
  global.gc?.();
  const watch = memoryWatch();
  const baseline = watch.take();
  let started = performance.now();
  const run = await uploadRun(
    who,
    kind,
    fs.createReadStream(env('BENCH_FILE')),
    'bench.xlsx',
    defaultImportLimits,
    async () => {},
  );
  const uploadMs = performance.now() - started;
  const uploadPeak = watch.take();
  started = performance.now();
  await runImportWork(base, [kind]);
  const checkMs = performance.now() - started;
  const checkPeak = watch.take();
  const checked = await findRun(database.db, '430225', run.id, { kind: 'system', why: 'imports-worker' });
  await requestCommit(who, kind, run.id, 'valid', async () => {});
  started = performance.now();
  await runImportWork(base, [kind]);
  const commitMs = performance.now() - started;
  const commitPeak = watch.take();
  watch.stop();
  const done = await findRun(database.db, '430225', run.id, { kind: 'system', why: 'imports-worker' });
  await database.close();
  const result = {
    rows: checked?.totalRows,
    errorRows: checked?.errorRows,
    committed: done?.committedRows,
    status: done?.status,
    fileBytes: run.fileBytes,
    uploadMs,
    checkMs,
    commitMs,
    baseline,
    uploadPeak,
    checkPeak,
    commitPeak,
  };
  fs.writeFileSync(env('BENCH_RESULT_FILE'), JSON.stringify(result));
}

await main();
