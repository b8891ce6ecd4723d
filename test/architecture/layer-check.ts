import { globalUses, type ImportEdge } from './import-graph.js';

/**
 * One layer of the source tree, as data. A file belongs to the layer with its longest matching path,
 * so a subfolder may form a layer of its own inside its parent's (`src/plot/render/` in `src/plot/`).
 */
export interface Layer {
  name: string;
  /** Repo-relative folders (ending in `/`) or files. */
  paths: readonly string[];
  /** Layers whose files this one may import (its own files always). */
  mayImport: readonly string[];
  /** Layers this one may import types from (`import type`, erased at run time), beyond mayImport. */
  mayImportTypes?: readonly string[];
  /** Packages it may import: names (`zod`), or prefixes ending in `*` (`node:*`, `@resvg/*`). */
  packages: readonly string[];
  /** Packages it may import types from only (`import type { TopLevelSpec } from 'vega-lite'`), beyond packages. */
  typePackages?: readonly string[];
  /** Globals its files may not use (a browser-safe layer: `process`, `Buffer`, `require`, …). */
  forbiddenGlobals?: readonly string[];
}

/** A rule broken by one file: `to` is a file, a package, or `global:NAME`. */
export interface Violation {
  from: string;
  to: string;
  line: number;
  rule: string;
}

/** A known violation, tolerated until the step named removes it (the ratchet). */
export interface Exception {
  from: string;
  to: string;
  /** Why it exists, in one line. */
  reason: string;
  /** The step of the restructuring plan (/work/plans/issue12-plan.md §3) that removes it. */
  removedBy: string;
}

/** A known import cycle: the files of one strongly connected component. */
export interface KnownCycle {
  files: readonly string[];
  reason: string;
  removedBy: string;
}

export function layerOf(layers: readonly Layer[], file: string): Layer | undefined {
  let best: Layer | undefined;
  let length = -1;
  for (const layer of layers) {
    for (const path of layer.paths) {
      const hit = path.endsWith('/') ? file.startsWith(path) : file === path;
      if (hit && path.length > length) {
        best = layer;
        length = path.length;
      }
    }
  }
  return best;
}

function matches(patterns: readonly string[], name: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? name.startsWith(p.slice(0, -1)) : name === p));
}

/** A table that names a layer it does not define is a typo that would silently allow nothing. */
export function tableProblems(layers: readonly Layer[]): string[] {
  const names = new Set(layers.map((l) => l.name));
  const problems: string[] = [];
  if (names.size !== layers.length) problems.push('two layers have the same name');
  for (const l of layers) for (const m of [...l.mayImport, ...(l.mayImportTypes ?? [])]) if (!names.has(m)) problems.push(`${l.name} may import "${m}", which is no layer`);
  return problems;
}

/**
 * Every rule the files break: a file in no layer, an import of a file that does not exist, an import
 * of a layer not in `mayImport` (type-only imports: nor in `mayImportTypes`), a package not in the
 * layer's `packages` (type-only imports: nor in `typePackages`), a forbidden global. One violation per (file, target), at its first line.
 */
export function layerViolations(layers: readonly Layer[], graph: { files: readonly string[]; edges: readonly ImportEdge[]; text?: ReadonlyMap<string, string> }, sourceDir = 'src/'): Violation[] {
  const found = new Map<string, Violation>();
  const report = (v: Violation) => {
    const key = `${v.from} -> ${v.to}`;
    if (!found.has(key)) found.set(key, v);
  };
  const known = new Set(graph.files);
  for (const file of graph.files) {
    const layer = layerOf(layers, file);
    if (!layer) report({ from: file, to: '', line: 1, rule: 'the file is in no layer: add its folder to the table' });
    else if (layer.forbiddenGlobals && graph.text?.has(file)) {
      for (const use of globalUses(file, graph.text.get(file)!, layer.forbiddenGlobals)) report({ from: file, to: `global:${use.name}`, line: use.line, rule: `layer ${layer.name} may not use ${use.name}` });
    }
  }
  for (const edge of graph.edges) {
    const from = layerOf(layers, edge.from);
    if (!from) continue;
    if (edge.isPackage) {
      const allowed = matches(from.packages, edge.to) || (edge.typeOnly && matches(from.typePackages ?? [], edge.to));
      if (!allowed) report({ from: edge.from, to: edge.to, line: edge.line, rule: `layer ${from.name} may not import package ${edge.to}${edge.typeOnly ? ' (even types)' : ''}` });
      continue;
    }
    if (!edge.to.startsWith(sourceDir)) continue; // data beside the sources (../package.json)
    if (!known.has(edge.to)) {
      report({ from: edge.from, to: edge.to, line: edge.line, rule: `"${edge.specifier}" names no source file` });
      continue;
    }
    const to = layerOf(layers, edge.to);
    if (!to || to === from || from.mayImport.includes(to.name)) continue;
    if (edge.typeOnly && from.mayImportTypes?.includes(to.name)) continue;
    report({ from: edge.from, to: edge.to, line: edge.line, rule: `layer ${from.name} may not import ${to.name}${edge.typeOnly ? ' (even types)' : ''}` });
  }
  return [...found.values()].sort((a, b) => (a.from === b.from ? a.to.localeCompare(b.to) : a.from.localeCompare(b.from)));
}

/**
 * The ratchet: a violation that is not an exception fails, and so does an exception that matches no
 * violation any more (fixed, or the file moved), so the list only shrinks.
 */
export function ratchet(violations: readonly Violation[], exceptions: readonly Exception[]): { unexpected: Violation[]; stale: Exception[] } {
  const listed = new Set(exceptions.map((e) => `${e.from} -> ${e.to}`));
  const present = new Set(violations.map((v) => `${v.from} -> ${v.to}`));
  return {
    unexpected: violations.filter((v) => !listed.has(`${v.from} -> ${v.to}`)),
    stale: exceptions.filter((e) => !present.has(`${e.from} -> ${e.to}`)),
  };
}

/**
 * Tarjan's strongly connected components (Tarjan 1972, "Depth-first search and linear graph
 * algorithms"): the components of more than one node are the import cycles. Each component's files
 * are sorted; components are sorted by their first file.
 */
export function importCycles(nodes: readonly string[], edges: readonly { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>(nodes.map((n) => [n, []]));
  for (const e of edges) if (next.has(e.from) && next.has(e.to)) next.get(e.from)!.push(e.to);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;
  const connect = (v: string) => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v)!) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || next.get(v)!.includes(v)) components.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) connect(n);
  return components.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The cycles' ratchet: a cycle not known fails (a known one that grew is a new one), and so does a known cycle that is gone. */
export function cycleRatchet(cycles: readonly string[][], known: readonly KnownCycle[]): { unexpected: string[][]; stale: KnownCycle[] } {
  const key = (files: readonly string[]) => [...files].sort().join(' ');
  const listed = new Set(known.map((k) => key(k.files)));
  const present = new Set(cycles.map(key));
  return { unexpected: cycles.filter((c) => !listed.has(key(c))), stale: known.filter((k) => !present.has(key(k.files))) };
}
