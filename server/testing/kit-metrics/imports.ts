import { importsOf, isTestFile, type SourceFile } from './source-files.ts';

export interface ImportFinding {
  path: string;
  line: number;
  target: string;
  typeOnly: boolean;
  test: boolean;
}

/** `server/platform/**` importing anything under `server/modules/` (type-only imports included, marked). */
export function platformToModule(server: readonly SourceFile[]): ImportFinding[] {
  return crossings(
    server,
    (file) => file.startsWith('server/platform/'),
    () => true,
  );
}

/** A module's public face: the module list, its manifest and its api.ts. Anything else is an internal. */
export function isModuleInternal(target: string): boolean {
  if (target === 'server/modules/index.ts') return false;
  const match = /^server\/modules\/([^/]+)\/([^/]+)$/.exec(target);
  return !(match && (match[2] === 'api.ts' || match[2] === `${match[1]}.module.ts`));
}

/** The test harness (`server/testing/**`) importing a module's internals. */
export function testingToModuleInternals(server: readonly SourceFile[]): ImportFinding[] {
  return crossings(server, (file) => file.startsWith('server/testing/'), isModuleInternal);
}

function crossings(
  server: readonly SourceFile[],
  isSource: (file: string) => boolean,
  counts: (target: string) => boolean,
): ImportFinding[] {
  return server
    .filter((file) => isSource(file.path))
    .flatMap((file) =>
      importsOf(file)
        .filter((edge) => edge.target.startsWith('server/modules/') && counts(edge.target))
        .map((edge) => ({
          path: file.path,
          line: edge.line,
          target: edge.target,
          typeOnly: edge.typeOnly,
          test: isTestFile(file.path),
        })),
    );
}

/** `import './x.ts'`: a file loaded for what it does on import (stylesheets excluded: there are none on the server). */
export function sideEffectImports(server: readonly SourceFile[]): ImportFinding[] {
  return server.flatMap((file) =>
    importsOf(file)
      .filter((edge) => edge.sideEffectOnly && !edge.specifier.endsWith('.css'))
      .map((edge) => ({
        path: file.path,
        line: edge.line,
        target: edge.target,
        typeOnly: false,
        test: isTestFile(file.path),
      })),
  );
}
