import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import ts from 'typescript';

/**
 * How one module names another:
 * - `static`: `import … from`, `import 'x'`;
 * - `re-export`: `export … from`;
 * - `dynamic`: `import('x')` with a literal specifier;
 * - `require`: `createRequire(…)('x')`, `require('x')`, `import x = require('x')`;
 * - `url`: `new URL('./x.js', import.meta.url)`, a module started by path (a worker thread);
 * - `type`: `import('x')` in a type position (`typeof import('./x')`).
 */
export type ImportKind = 'static' | 're-export' | 'dynamic' | 'require' | 'url' | 'type';

export interface ImportEdge {
  /** Repo-relative path of the importing file (`src/sweep/sweep-job.ts`). */
  from: string;
  /**
   * What is imported: a repo-relative source path (`src/io/tidy-rows.ts`), or a package name
   * (`zod`, `@resvg/resvg-js`, `node:fs`; subpaths cut, builtins with the `node:` prefix).
   */
  to: string;
  /** True for a package, false for a file of the repo. */
  isPackage: boolean;
  kind: ImportKind;
  /** Erased at run time: `import type`, `export type`, every named binding `type`, or a type position. */
  typeOnly: boolean;
  /** 1-based line of the import, for messages. */
  line: number;
  specifier: string;
}

const BUILTINS = new Set(builtinModules);

/** `node:fs` for `fs` and `node:fs`; `@scope/pkg` for `@scope/pkg/sub`; `pkg` for `pkg/sub`. */
export function packageName(specifier: string): string {
  if (specifier.startsWith('node:')) return specifier.split('/')[0];
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  return BUILTINS.has(name) || BUILTINS.has(specifier) ? `node:${name}` : name;
}

/**
 * The file a relative specifier names, repo-relative: NodeNext writes `./x.js` for `x.ts`. Returns the
 * path as written (resolved) when nothing on disk matches, so that the checker can report it.
 */
export function resolveRelative(root: string, from: string, specifier: string): string {
  const joined = posix.normalize(posix.join(posix.dirname(from), specifier));
  const candidates = [joined.replace(/\.js$/, '.ts'), joined, `${joined}.ts`, `${joined}/index.ts`];
  return candidates.find((c) => existsSync(join(root, c))) ?? joined;
}

function stringArgument(node: ts.CallExpression | ts.NewExpression): string | undefined {
  const arg = node.arguments?.[0];
  return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg.text : undefined;
}

function allTypeOnly(elements: readonly (ts.ImportSpecifier | ts.ExportSpecifier)[]): boolean {
  return elements.length > 0 && elements.every((e) => e.isTypeOnly);
}

/** Every import of one file, found by walking its syntax tree (no type checker: fast, and enough). */
export function importsOf(root: string, from: string, text: string): ImportEdge[] {
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edges: ImportEdge[] = [];
  const add = (node: ts.Node, specifier: string, kind: ImportKind, typeOnly: boolean) => {
    const isPackage = !specifier.startsWith('.') && !specifier.startsWith('/');
    const to = isPackage ? packageName(specifier) : resolveRelative(root, from, specifier);
    const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
    edges.push({ from, to, isPackage, kind, typeOnly, line, specifier });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = clause !== undefined && (clause.isTypeOnly || (clause.name === undefined && named !== undefined && allTypeOnly(named)));
      add(node, node.moduleSpecifier.text, 'static', typeOnly);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause && ts.isNamedExports(node.exportClause) ? node.exportClause.elements : undefined;
      add(node, node.moduleSpecifier.text, 're-export', node.isTypeOnly || (named !== undefined && allTypeOnly(named)));
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      add(node, node.moduleReference.expression.text, 'require', node.isTypeOnly);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      add(node, node.argument.literal.text, 'type', true);
    } else if (ts.isCallExpression(node)) {
      const specifier = stringArgument(node);
      const callee = node.expression;
      if (callee.kind === ts.SyntaxKind.ImportKeyword) {
        if (specifier === undefined) throw new Error(`${from}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: import() of a computed specifier: the layer check cannot see what it loads`);
        add(node, specifier, 'dynamic', false);
      } else if (specifier !== undefined && (isRequireCall(callee) || (ts.isIdentifier(callee) && callee.text === 'require'))) {
        add(node, specifier, 'require', false);
      }
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const specifier = stringArgument(node);
      const base = node.arguments?.[1];
      if (specifier?.startsWith('.') && base && base.getText(source) === 'import.meta.url' && /\.[cm]?js$/.test(specifier)) add(node, specifier, 'url', false);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edges;
}

/** `createRequire(…)`: the callee of `createRequire(import.meta.url)('mathjs')`. */
function isRequireCall(node: ts.Expression): boolean {
  return ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'createRequire';
}

/**
 * The specifiers TypeScript's own pre-processor lists (static, re-export, literal dynamic imports and
 * require calls): the walker above must find each of them, so that no form of import slips past it.
 */
export function preProcessedSpecifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/**
 * Free uses of the given global names (`process.env`, `Buffer.from`, `setImmediate(…)`): identifiers
 * that are neither a member's name (`x.process`, `{ process: 1 }`) nor bound by the file itself.
 */
export function globalUses(from: string, text: string, names: readonly string[]): { name: string; line: number }[] {
  const source = ts.createSourceFile(from, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const wanted = new Set(names);
  const bound = new Set<string>();
  const uses: { name: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && wanted.has(node.text)) {
      const parent = node.parent as ts.Node & { name?: ts.Node };
      const named = parent.name === node;
      if (named && (ts.isVariableDeclaration(parent) || ts.isFunctionDeclaration(parent) || ts.isParameter(parent) || ts.isClassDeclaration(parent) || ts.isBindingElement(parent) || ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isNamespaceImport(parent))) {
        bound.add(node.text);
      } else if (!(named && (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isPropertySignature(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isMethodSignature(parent))) && !(ts.isQualifiedName(parent) && parent.right === node)) {
        uses.push({ name: node.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses.filter((u) => !bound.has(u.name));
}

/** Every `.ts` file below `dir` (repo-relative, sorted). */
export function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const entry of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = posix.join(rel, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

export interface ImportGraph {
  files: string[];
  edges: ImportEdge[];
  text: Map<string, string>;
}

/** The import graph of every `.ts` file below `dir`. */
export function importGraph(root: string, dir = 'src'): ImportGraph {
  const files = sourceFiles(root, dir);
  const text = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
  return { files, edges: files.flatMap((f) => importsOf(root, f, text.get(f)!)), text };
}
