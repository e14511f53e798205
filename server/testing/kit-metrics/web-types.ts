import ts from 'typescript';
import { importsOf, isTestFile, lineOf, type SourceFile } from './source-files.ts';

/**
 * The rule for "a hand-written web type of the server's API": an exported `interface` or `type` declared in a
 * web file that talks to the server — its name ends in `Api.ts`/`api.ts`, or it names an `/api/` path — unless
 * the declaration is built from the generated client (it names something imported from `web/src/api/`, or a
 * type that is, to a fixed point).
 * The fetch plumbing itself (`web/src/app/api.ts`), generated files and tests are not counted.
 */
export function isApiFacingFile(file: SourceFile): boolean {
  if (isTestFile(file.path) || !file.path.endsWith('.ts') || file.path.endsWith('.gen.ts')) return false;
  if (file.path === 'web/src/app/api.ts' || file.path.startsWith('web/src/api/')) return false;
  return /api\.ts$/i.test(file.path) || file.ast.text.includes('/api/');
}

/** Local name → (target file, exported name) for every name a file imports. */
function importedNames(file: SourceFile): Map<string, { target: string; name: string }> {
  const names = new Map<string, { target: string; name: string }>();
  const targets = new Map(importsOf(file).map((edge) => [edge.specifier, edge.target]));
  for (const statement of file.ast.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = targets.get(statement.moduleSpecifier.text) ?? '';
    const clause = statement.importClause;
    if (clause?.name) names.set(clause.name.text, { target, name: 'default' });
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.set(bindings.name.text, { target, name: '*' });
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      names.set(element.name.text, { target, name: (element.propertyName ?? element.name).text });
    }
  }
  return names;
}

const isGeneratedFile = (target: string) => target.startsWith('web/src/api/') || target.includes('.gen');

function typeDeclarations(file: SourceFile): (ts.InterfaceDeclaration | ts.TypeAliasDeclaration)[] {
  return file.ast.statements.filter(
    (node): node is ts.InterfaceDeclaration | ts.TypeAliasDeclaration =>
      ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node),
  );
}

type Derived = Map<string, Set<string>>;

/** The names a file can build on: imports from the generated client, and types already known to derive from it. */
function knownNames(file: SourceFile, imports: Map<string, { target: string; name: string }>, derived: Derived) {
  const known = new Set(derived.get(file.path));
  for (const [local, from] of imports) {
    const base = from.target.replace(/\.tsx?$/, '');
    const source = [...derived].find(([path]) => path.replace(/\.tsx?$/, '') === base)?.[1];
    if (isGeneratedFile(from.target) || source?.has(from.name)) known.add(local);
  }
  return known;
}

/**
 * File → its type names built from the generated client: they name something imported from `web/src/api/`, or a
 * type already known to be built from it (in the same file or imported from another), to a fixed point.
 */
function derivedTypes(web: readonly SourceFile[]): Derived {
  const derived: Derived = new Map(web.map((file) => [file.path, new Set<string>()]));
  const imports = new Map(web.map((file) => [file.path, importedNames(file)]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const file of web) {
      const own = derived.get(file.path) ?? new Set<string>();
      const known = knownNames(file, imports.get(file.path) ?? new Map(), derived);
      const found = typeDeclarations(file).filter((node) => !own.has(node.name.text) && namesAny(node, known));
      for (const node of found) own.add(node.name.text);
      changed ||= found.length > 0;
    }
  }
  return derived;
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
  const derived = derivedTypes(web.filter((file) => !isTestFile(file.path)));
  return web.filter(isApiFacingFile).flatMap((file) =>
    typeDeclarations(file)
      .filter((node) => isExported(node) && !derived.get(file.path)?.has(node.name.text))
      .map((node) => ({ path: file.path, line: lineOf(file, node), name: node.name.text })),
  );
}
