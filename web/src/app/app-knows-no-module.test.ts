import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webModules } from '../modules/index.ts';

/**
 * Issue 10: the shell (`web/src/app/`) knows no module by name. It is handed the modules' manifests by the composition
 * root (`web/src/main.tsx` calls `installModules(webModules)`) and imports no module file at all; a module's pages, menu entry, strings
 * and icon live in `web/src/modules/<key>/`. Tests of the shell may name modules (they check what users see).
 */
const appDir = import.meta.dirname;

function shellFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return shellFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

const importsOf = (source: string) =>
  [...source.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((match) => match[1] ?? '');

/** Comments may explain the shape with an example; only code counts. */
const withoutComments = (source: string) => source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

/** A module's key as code would name it: a string `'cases'`, a message key `'cases.…'`, a path `/m/cases`. */
function namesModule(source: string, key: string): boolean {
  const escaped = key.replace(/[-]/g, '\\-');
  return new RegExp(`['"\`](?:/(?:m|admin)/)?(?:module\\.)?${escaped}(?:['"\`./])`).test(source);
}

describe('app/ knows no module by name', () => {
  const files = shellFiles(appDir);

  it('imports no module file, not even the module list', () => {
    const offenders = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .map((specifier) => path.resolve(path.dirname(file), specifier))
        .filter((target) => target.startsWith(path.resolve(appDir, '../modules') + path.sep))
        .map((target) => `${path.relative(appDir, file)} → ${path.relative(path.dirname(appDir), target)}`),
    );
    expect(offenders).toEqual([]);
  });

  it('never writes a module key in its code', () => {
    expect(webModules.length).toBeGreaterThan(0);
    const offenders = files.flatMap((file) => {
      const code = withoutComments(readFileSync(file, 'utf8'));
      return webModules
        .filter(({ key }) => namesModule(code, key))
        .map(({ key }) => `${path.relative(appDir, file)}: ${key}`);
    });
    expect(offenders).toEqual([]);
  });

  it('would notice a shell file that did (the check itself)', () => {
    expect(namesModule(`navigate('/m/cases/1')`, 'cases')).toBe(true);
    expect(namesModule(`t('cases.list.title')`, 'cases')).toBe(true);
    expect(namesModule(`t('module.service-desk.label')`, 'service-desk')).toBe(true);
    expect(namesModule(`<ComingSoon module="audit" />`, 'audit')).toBe(true);
    expect(namesModule(`can('users.manage')`, 'system')).toBe(false);
    expect(importsOf(`import x from '../modules/cases/module.ts';`)).toEqual(['../modules/cases/module.ts']);
    expect(importsOf(`lazy(() => import('../modules/audit/index.tsx'))`)).toEqual(['../modules/audit/index.tsx']);
  });
});
