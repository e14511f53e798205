import ts from 'typescript';
import { isTestFile, lineOf, type SourceFile } from './source-files.ts';

export interface FunctionSize {
  path: string;
  line: number;
  name: string;
  lines: number;
}

type FunctionNode = ts.FunctionDeclaration | ts.MethodDeclaration | ts.ArrowFunction | ts.FunctionExpression;

function isFunction(node: ts.Node): node is FunctionNode {
  return (
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node)
  );
}

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/** A call's name for a callback passed to it: `app.get('/api/cases')`, `describe('…')`, `useCallback`. */
function callName(call: ts.CallExpression, file: SourceFile): string {
  const first = call.arguments[0];
  const label = first && ts.isStringLiteralLike(first) ? `'${first.text}'` : '';
  return `${short(call.expression.getText(file.ast))}(${label}) callback`;
}

function nameOf(node: FunctionNode, file: SourceFile): string {
  if (node.name) return node.name.getText(file.ast);
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) {
    return parent.name.getText(file.ast);
  }
  if (ts.isCallExpression(parent)) return callName(parent, file);
  if (ts.isExportAssignment(parent)) return 'export default';
  return '(anonymous)';
}

function lineCount(node: ts.Node, file: SourceFile): number {
  const end = file.ast.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  return end - lineOf(file, node) + 1;
}

/** Every function of the non-test files, with its length in lines from its first to its last line. */
export function functionSizes(files: readonly SourceFile[]): FunctionSize[] {
  const sizes: FunctionSize[] = [];
  for (const file of files.filter((candidate) => !isTestFile(candidate.path))) {
    const visit = (node: ts.Node): void => {
      if (isFunction(node) && node.body) {
        sizes.push({
          path: file.path,
          line: lineOf(file, node),
          name: nameOf(node, file),
          lines: lineCount(node, file),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(file.ast);
  }
  return sizes;
}

export function largest(sizes: readonly FunctionSize[], count: number): FunctionSize[] {
  return [...sizes].sort((a, b) => b.lines - a.lines || a.path.localeCompare(b.path)).slice(0, count);
}

/** How many functions are longer than `limit` lines (CODE_STYLE asks for about 40). */
export function longerThan(sizes: readonly FunctionSize[], limit: number): number {
  return sizes.filter((size) => size.lines > limit).length;
}
