// @vitest-environment happy-dom
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const webSource = path.resolve(import.meta.dirname, '../..');
const chinese = /[\u3400-\u9fff\uff00-\uffef]/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Comments may cite Chinese terms (GLOSSARY words); only code is checked. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('user-visible text', () => {
  it('is never written in Chinese outside the i18n dictionaries (CODE_STYLE: every string through t())', () => {
    const dictionary = new RegExp(`\\${path.sep}i18n\\${path.sep}(zh|en)(\\.ts$|\\${path.sep})`);
    const offenders = sourceFiles(webSource)
      .filter((file) => !dictionary.test(file))
      .filter((file) => chinese.test(withoutComments(readFileSync(file, 'utf8'))))
      .map((file) => path.relative(webSource, file));
    expect(offenders).toEqual([]);
  });
});
