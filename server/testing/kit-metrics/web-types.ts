import ts from 'typescript';
import { importsOf, isTestFile, lineOf, type SourceFile } from './source-files.ts';

/**
 * The rule for "a hand-written web type of the server's API": an exported `interface` or `type` declared in a
 * web file that talks to the server — its name ends in `Api.ts`/`api.ts`, or it names an `/api/` path — unless
 * the declaration is built from the generated client (it names something imported from `web/src/api/`).
 * The fetch plumbing itself (`web/src/app/api.ts`), generated files and tests are not counted.
 */
export function isApiFacingFile(file: SourceFile): boolean {
  if (isTestFile(file.path) || !file.path.endsWith('.ts') || file.path.endsWith('.gen.ts')) return false;
  if (file.path === 'web/src/app/api.ts' || file.path.startsWith('web/src/api/')) return false;
  return /api\.ts$/i.test(file.path) || file.ast.text.includes('/api/');
}

function generatedNames(file: SourceFile): Set<string> {
  const names = new Set<string>();
  const fromGenerated = importsOf(file).filter(
    (edge) => /(^|\/)api\//.test(edge.target) || edge.target.includes('.gen'),
  );
  const specifiers = new Set(fromGenerated.map((edge) => edge.specifier));
  for (const statement of file.ast.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!specifiers.has(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (clause?.name) names.add(clause.name.text);
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) for (const element of bindings.elements) names.add(element.name.text);
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
  }
  return names;
}

function namesAny(node: ts.Node, names: ReadonlySet<string>): boolean {
  if (ts.isIdentifier(node) && names.has(node.text)) return true;
  return ts.forEachChild(node, (child) => (namesAny(child, names) ? true : undefined)) ?? false;
}

function isExported(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration): boolean {
  return node.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) ?? false;
}

export interface WebTypeFinding {
  path: string;
  line: number;
  name: string;
}

/** Every hand-written exported type of the API-facing web files. */
export function handWrittenApiTypes(web: readonly SourceFile[]): WebTypeFinding[] {
  return web.filter(isApiFacingFile).flatMap((file) => {
    const generated = generatedNames(file);
    return file.ast.statements
      .filter((node) => ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node))
      .filter((node) => isExported(node) && !namesAny(node, generated))
      .map((node) => ({ path: file.path, line: lineOf(file, node), name: node.name.text }));
  });
}
