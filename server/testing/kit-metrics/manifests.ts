import ts from 'typescript';
import { isTestFile, lineOf, type SourceFile } from './source-files.ts';

export interface ManifestFinding {
  path: string;
  line: number;
  name: string;
  type: string;
}

const manifestType = /^(AppModule|\w*Manifest)$/;
const manifestFactory = /^define(Module|\w*Manifest)$/;

function typeNameOf(declaration: ts.VariableDeclaration): string | null {
  const annotated = declaration.type;
  if (annotated && ts.isTypeReferenceNode(annotated)) return annotated.typeName.getText();
  const init = declaration.initializer;
  if (init && ts.isSatisfiesExpression(init) && ts.isTypeReferenceNode(init.type)) return init.type.typeName.getText();
  if (init && ts.isCallExpression(init) && ts.isIdentifier(init.expression)) return `${init.expression.text}()`;
  return null;
}

function isManifestType(type: string): boolean {
  return manifestType.test(type) || manifestFactory.test(type.replace(/\(\)$/, ''));
}

/** Top-level constants declared as an `AppModule`, a `…Manifest`, or built by `defineModule()`/`define…Manifest()`. */
export function manifestsOf(server: readonly SourceFile[]): ManifestFinding[] {
  return server
    .filter((file) => !isTestFile(file.path))
    .flatMap((file) =>
      file.ast.statements.filter(ts.isVariableStatement).flatMap((statement) =>
        statement.declarationList.declarations.flatMap((declaration) => {
          const type = typeNameOf(declaration);
          if (!type || !isManifestType(type)) return [];
          return [{ path: file.path, line: lineOf(file, declaration), name: declaration.name.getText(file.ast), type }];
        }),
      ),
    );
}

function registersOnImport(file: SourceFile): boolean {
  return file.ast.statements.some(
    (statement) =>
      ts.isExpressionStatement(statement) &&
      ts.isCallExpression(statement.expression) &&
      ts.isIdentifier(statement.expression.expression) &&
      /^register[A-Z]/.test(statement.expression.expression.text),
  );
}

/** Non-test files that register something (messages, PII fields, revealers, pairs) as a top-level statement. */
export function sideEffectRegistrations(server: readonly SourceFile[]): string[] {
  return server.filter((file) => !isTestFile(file.path) && registersOnImport(file)).map((file) => file.path);
}
