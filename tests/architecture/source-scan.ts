/**
 * Reads module specifiers and `process.env` reads out of TypeScript and
 * JavaScript sources with the TypeScript parser, so comments and strings
 * that merely mention an import or `process.env` never count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/** One module a file refers to: static, re-export, dynamic `import()` or `require`. */
export interface ImportRef {
  specifier: string;
  line: number;
  typeOnly: boolean;
}

/** What the rules look at in one file. */
export interface SourceFacts {
  imports: ImportRef[];
  /** Lines that read the environment through `process`. */
  envReads: number[];
}

const SOURCE_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'];

/** Every source file under `dir`, as absolute paths, sorted for stable messages. */
export function listSourceFiles(dir: string, extensions: readonly string[] = SOURCE_EXTENSIONS): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...listSourceFiles(path, extensions));
    else if (entry.isFile() && extensions.some((ext) => entry.name.endsWith(ext)) && !entry.name.endsWith('.d.ts'))
      found.push(path);
  }
  return found.sort();
}

function scriptKindOf(fileName: string): ts.ScriptKind {
  return /\.[mc]?js$/.test(fileName) ? ts.ScriptKind.JS : ts.ScriptKind.TS;
}

function isProcess(node: ts.Node): boolean {
  return ts.isIdentifier(node) && node.text === 'process';
}

/** `process.env`, `process['env']`, `const { env } = process`. */
function readsEnv(node: ts.Node): boolean {
  if (ts.isPropertyAccessExpression(node)) return isProcess(node.expression) && node.name.text === 'env';
  if (ts.isElementAccessExpression(node)) {
    return (
      isProcess(node.expression) &&
      ts.isStringLiteralLike(node.argumentExpression) &&
      node.argumentExpression.text === 'env'
    );
  }
  if (
    ts.isVariableDeclaration(node) &&
    node.initializer &&
    isProcess(node.initializer) &&
    ts.isObjectBindingPattern(node.name)
  ) {
    return node.name.elements.some((el) => {
      const name = el.propertyName ?? el.name;
      return ts.isIdentifier(name) && name.text === 'env';
    });
  }
  return false;
}

/** `import { env } from 'node:process'` reads the environment as surely as `process.env`. */
function importsEnvFromProcess(node: ts.ImportDeclaration): boolean {
  const spec = (node.moduleSpecifier as ts.StringLiteral).text;
  if (spec !== 'process' && spec !== 'node:process') return false;
  const bindings = node.importClause?.namedBindings;
  return (
    bindings !== undefined &&
    ts.isNamedImports(bindings) &&
    bindings.elements.some((el) => (el.propertyName ?? el.name).text === 'env')
  );
}

/** The imports and environment reads of one source text. */
export function scanSource(fileName: string, text: string): SourceFacts {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, scriptKindOf(fileName));
  const imports: ImportRef[] = [];
  const envReads: number[] = [];
  const lineOf = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;

  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({
        specifier: node.moduleSpecifier.text,
        line: lineOf(node),
        typeOnly: node.importClause?.isTypeOnly ?? false,
      });
      if (importsEnvFromProcess(node)) envReads.push(lineOf(node));
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      imports.push({ specifier: node.moduleSpecifier.text, line: lineOf(node), typeOnly: node.isTypeOnly });
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const expr = node.moduleReference.expression;
      if (ts.isStringLiteral(expr))
        imports.push({ specifier: expr.text, line: lineOf(node), typeOnly: node.isTypeOnly });
    } else if (ts.isCallExpression(node)) {
      const [first] = node.arguments;
      const isDynamicImport = node.expression.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(node.expression) && node.expression.text === 'require';
      if ((isDynamicImport || isRequire) && first && ts.isStringLiteralLike(first)) {
        imports.push({ specifier: first.text, line: lineOf(node), typeOnly: false });
      }
    } else if (
      ts.isImportTypeNode(node) &&
      ts.isLiteralTypeNode(node.argument) &&
      ts.isStringLiteral(node.argument.literal)
    ) {
      imports.push({ specifier: node.argument.literal.text, line: lineOf(node), typeOnly: true });
    }
    if (readsEnv(node)) envReads.push(lineOf(node));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { imports, envReads };
}

const scanned = new Map<string, SourceFacts>();

/** Reads and scans a file on disk, once per test file run (both rules read the core). */
export function scanFile(path: string): SourceFacts {
  let facts = scanned.get(path);
  if (!facts) {
    facts = scanSource(path, readFileSync(path, 'utf8'));
    scanned.set(path, facts);
  }
  return facts;
}

/**
 * Where a relative specifier of `fromFile` points, as a `/`-separated path
 * relative to `root`; null for package specifiers.
 */
export function resolveWithinRoot(root: string, fromFile: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(root, resolve(dirname(fromFile), specifier))
    .split(sep)
    .join('/');
}

/** `/`-separated path of `file` relative to `root`. */
export function rootRelative(root: string, file: string): string {
  return relative(root, file).split(sep).join('/');
}
