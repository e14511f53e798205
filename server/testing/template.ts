import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { projectRoot } from '../config.ts';
import { appModules } from '../modules/index.ts';
import { effectiveBuiltinRoles } from '../platform/auth/roles.seed.ts';
import { migrationsFolder } from '../platform/db/migrate.ts';

/**
 * A migrated database with reference data is the starting point of every test file. Building one costs
 * seconds on PGlite (initdb), so it is built once per schema version and copied per test file.
 * The key changes whenever migrations or reference data do.
 */
export function templateKey(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    const full = path.join(migrationsFolder, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  for (const step of appModules.flatMap((manifest) => manifest.referenceData ?? [])) {
    hash.update(step.name).update(step.version?.() ?? '');
  }
  hash.update(JSON.stringify(effectiveBuiltinRoles(appModules)));
  return hash.digest('hex').slice(0, 12);
}

export const templateDir = path.join(projectRoot, 'node_modules', '.cache', 'wenming-test');

export function pgliteTemplatePath(key: string): string {
  return path.join(templateDir, `pglite-${key}.tar`);
}

export function postgresTemplateName(key: string): string {
  return `wenming_test_template_${key}`;
}

/** The admin URL with another database name. */
export function withDatabase(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One statement on the server's admin database (create or drop a throwaway database). */
export async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
