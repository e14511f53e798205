import path from 'node:path';
import ts from 'typescript';
import { importsOf, isTestFile, lineOf, type SourceFile } from './source-files.ts';

/** Where SQL may run: stores, SQL helpers, the database platform, the schema and migrations. */
export function mayRunSql(file: string): boolean {
  return (
    file.endsWith('.store.ts') ||
    file.endsWith('.sql.ts') ||
    file.startsWith('server/platform/db/') ||
    file.startsWith('server/db/') ||
    isTestFile(file)
  );
}

const drizzle = /^drizzle-orm(\/|$)/;

/** Schema file → the names it exports that are tables or views (`export const x = pgTable(…)`), not enum lists. */
export type TableIndex = ReadonlyMap<string, ReadonlySet<string>>;

export function tableIndex(server: readonly SourceFile[]): TableIndex {
  const index = new Map<string, Set<string>>();
  for (const file of server.filter((candidate) => candidate.path.startsWith('server/db/schema/'))) {
    const tables = new Set<string>();
    for (const statement of file.ast.statements.filter(ts.isVariableStatement)) {
      for (const declaration of statement.declarationList.declarations) {
        const init = declaration.initializer;
        const callee =
          init && ts.isCallExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : '';
        if (/(Table|View)$/.test(callee)) tables.add(declaration.name.getText(file.ast));
      }
    }
    index.set(file.path, tables);
  }
  return index;
}

/** The tables a file imports as values (an enum list such as `caseStatuses` is not database access). */
function importedTables(file: SourceFile, tables: TableIndex): string[] {
  const found: string[] = [];
  for (const statement of file.ast.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file.path), statement.moduleSpecifier.text));
    const clause = statement.importClause;
    const bindings = clause?.namedBindings;
    if (!tables.has(target) || !clause || clause.isTypeOnly || !bindings) continue;
    if (ts.isNamespaceImport(bindings)) found.push('*');
    if (!ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      const name = (element.propertyName ?? element.name).text;
      if (!element.isTypeOnly && tables.get(target)?.has(name)) found.push(name);
    }
  }
  return found;
}

function isDbHandle(node: ts.Node): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'db' && ts.isPropertyAccessExpression(node.parent);
}

function isExecuteCall(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'execute'
  );
}

function isSqlTemplate(node: ts.Node): boolean {
  return ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'sql';
}

/** Why a file counts as running SQL: value imports of drizzle or of schema tables, `x.db.…`, `.execute(`, sql``. */
export function databaseAccessOf(file: SourceFile, tables: TableIndex): string[] {
  const reasons = new Set<string>();
  for (const edge of importsOf(file)) {
    if (!edge.typeOnly && drizzle.test(edge.specifier)) reasons.add(`imports ${edge.specifier}`);
  }
  const tableNames = importedTables(file, tables);
  if (tableNames.length > 0) reasons.add(`imports tables ${tableNames.join(', ')}`);
  const visit = (node: ts.Node): void => {
    if (isDbHandle(node)) reasons.add(`.db. (line ${lineOf(file, node)})`);
    if (isExecuteCall(node)) reasons.add(`.execute( (line ${lineOf(file, node)})`);
    if (isSqlTemplate(node)) reasons.add(`sql\`\` (line ${lineOf(file, node)})`);
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return [...reasons];
}

/** Non-test server files that run SQL outside a store, each with its reasons (first line of each kind). */
export function sqlOutsideStores(server: readonly SourceFile[]): { path: string; reasons: string[] }[] {
  const tables = tableIndex(server);
  return server
    .filter((file) => !mayRunSql(file.path))
    .map((file) => ({ path: file.path, reasons: firstOfEachKind(databaseAccessOf(file, tables)) }))
    .filter((entry) => entry.reasons.length > 0);
}

function firstOfEachKind(reasons: string[]): string[] {
  const seen = new Map<string, string>();
  for (const reason of reasons) {
    const kind = reason.replace(/ \(line \d+\)$/, '');
    if (!seen.has(kind)) seen.set(kind, reason);
  }
  return [...seen.values()];
}

/**
 * `x.db.…` and `.execute(` in a file: database work an import rule cannot see, because the handle arrives as an
 * argument (`ctx.db`). One entry per kind, with the first line it occurs on.
 */
export function databaseHandleUses(file: SourceFile): { kind: '.db.' | '.execute('; line: number }[] {
  const found = new Map<'.db.' | '.execute(', number>();
  const visit = (node: ts.Node): void => {
    if (isDbHandle(node) && !found.has('.db.')) found.set('.db.', lineOf(file, node));
    if (isExecuteCall(node) && !found.has('.execute(')) found.set('.execute(', lineOf(file, node));
    ts.forEachChild(node, visit);
  };
  visit(file.ast);
  return [...found].map(([kind, line]) => ({ kind, line }));
}
