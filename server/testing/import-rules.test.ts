import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../config.ts';
import { knownViolations } from './import-rules.allowlist.ts';
import { databaseHandleViolations, importRuleViolations } from './import-rules.ts';

const fixtureRoot = path.join(projectRoot, 'server/testing/import-rules-fixture');
const rules: { forbidden: { name: string }[] } = createRequire(import.meta.url)(
  path.join(projectRoot, '.dependency-cruiser.cjs'),
);

/** What the fixture tree breaks: one line per rule (the handle check twice), and none of its allowed imports. */
const fixtureViolations = [
  'database-handle-outside-store: server/modules/beta/beta-service.ts (.db.)',
  'database-handle-outside-store: server/modules/beta/beta-service.ts (.execute()',
  'database-outside-store: server/modules/beta/beta-service.ts → drizzle-orm',
  'database-outside-store: server/modules/beta/beta-service.ts → server/db/schema/beta.ts',
  'module-internals: server/modules/alpha/alpha.routes.ts → server/modules/beta/beta.store.ts',
  'no-cycles: server/modules/beta/cycle-one.ts → server/modules/beta/cycle-two.ts → server/modules/beta/cycle-one.ts',
  'platform-imports-module: server/platform/http/platform-part.ts → server/modules/alpha/alpha.routes.ts',
  'platform-test-imports-module: server/platform/http/platform-part.test-support.ts → server/modules/beta/api.ts',
  'rules-import-only-rules: rules/postcode.ts → server/modules/beta/api.ts',
  'server-imports-web: server/modules/alpha/alpha-labels.ts → web/src/modules/alpha/alpha-page.ts',
  'web-app-names-module: web/src/app/shell.ts → web/src/modules/alpha/alpha-page.ts',
  'web-imports-server: web/src/modules/alpha/alpha-page.ts → server/modules/beta/api.ts',
];

async function violationsOf(root: string): Promise<string[]> {
  return [...(await importRuleViolations(root)), ...databaseHandleViolations(root)].sort();
}

// dependency-cruiser reads ~750 files: seconds, more on a busy machine.
const cruiseTimeout = 180_000;

describe('import rules (.dependency-cruiser.cjs)', () => {
  it(
    'each rule reports its violation in the fixture tree, and nothing the fixture does that is allowed',
    async () => {
      expect(await violationsOf(fixtureRoot)).toEqual(fixtureViolations);
    },
    cruiseTimeout,
  );

  it('every rule has a violation in the fixture tree, so a rule that stops matching fails this test', () => {
    const proven = new Set(fixtureViolations.map((line) => line.split(':')[0]));
    expect(rules.forbidden.map((rule) => rule.name).filter((name) => !proven.has(name))).toEqual([]);
  });

  it(
    'the real tree breaks no rule beyond the known violations, and every known violation still occurs',
    async () => {
      const found = await violationsOf(projectRoot);
      const known = new Set(knownViolations);
      expect({
        // Fix the import (docs/modules.md says where things belong); never add it to the allowlist.
        newViolations: found.filter((line) => !known.has(line)),
        // Fixed: delete these lines from server/testing/import-rules.allowlist.ts (the list only shrinks).
        fixedButStillListed: knownViolations.filter((line) => !found.includes(line)),
      }).toEqual({ newViolations: [], fixedButStillListed: [] });
    },
    cruiseTimeout,
  );
});
