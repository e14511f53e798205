import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One parsed source file, named by its path from the project root (forward slashes). */
export interface SourceFile {
  path: string;
  ast: ts.SourceFile;
}

const skippedFolders = new Set(['node_modules', 'migrations', 'dist', '.git']);

function walk(root: string, folder: string, found: string[]): void {
  const full = path.join(root, folder);
  if (!fs.existsSync(full)) return;
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    const child = path.posix.join(folder, entry.name);
    if (entry.isDirectory() && !skippedFolders.has(entry.name)) walk(root, child, found);
    else if (entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) found.push(child);
  }
}

/** Every .ts/.tsx file under `folder` of the tree at `root`, parsed (no type checking: counts only). */
export function readSources(root: string, folder: string): SourceFile[] {
  const paths: string[] = [];
  walk(root, folder, paths);
  return paths.sort().map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    return { path: file, ast: ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, kind) };
  });
}

/** Tests and their support: colocated tests, `*.test-support.ts`, the harness and web sample folders. */
export function isTestFile(file: string): boolean {
  return (
    /\.test\.tsx?$/.test(file) ||
    file.endsWith('.test-support.ts') ||
    file.startsWith('server/testing/') ||
    /(^|\/)test\//.test(file)
  );
}

/** One import of a file: what it names, whether it only brings types, and whether it binds nothing at all. */
export interface ImportEdge {
  specifier: string;
  /** Project-relative path for a relative specifier; the package name otherwise. */
  target: string;
  typeOnly: boolean;
  sideEffectOnly: boolean;
  line: number;
}

function resolveTarget(from: string, specifier: string): string {
  return specifier.startsWith('.')
    ? path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier))
    : specifier;
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false;
  if (clause.isTypeOnly) return true;
  const bindings = clause.namedBindings;
  if (clause.name || !bindings || !ts.isNamedImports(bindings)) return false;
  return bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly);
}

function edgeOf(file: SourceFile, node: ts.Node): ImportEdge | null {
  const line = file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1;
  if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
    const specifier = node.moduleSpecifier.text;
    const typeOnly = isTypeOnlyImport(node);
    return {
      specifier,
      target: resolveTarget(file.path, specifier),
      typeOnly,
      sideEffectOnly: !node.importClause,
      line,
    };
  }
  if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
    const specifier = node.moduleSpecifier.text;
    return {
      specifier,
      target: resolveTarget(file.path, specifier),
      typeOnly: node.isTypeOnly,
      sideEffectOnly: false,
      line,
    };
  }
  const dynamic = ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword;
  const argument = dynamic ? node.arguments[0] : undefined;
  if (argument && ts.isStringLiteral(argument)) {
    const specifier = argument.text;
    return { specifier, target: resolveTarget(file.path, specifier), typeOnly: false, sideEffectOnly: false, line };
  }
  return null;
}

/** Static imports, re-exports and dynamic `import('…')` with a literal specifier. */
export function importsOf(file: SourceFile): ImportEdge[] {
  const edges: ImportEdge[] = [];
  const visit = (node: ts.Node): void => {
    const edge = edgeOf(file, node);
    if (edge) edges.push(edge);
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return edges;
}

/** The 1-based line a node starts on. */
export function lineOf(file: SourceFile, node: ts.Node): number {
  return file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1;
}
