import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';
import { ENTITIES } from '../../src/entities.js';

/**
 * Folders import each other one way only. A node is a folder directly under src/ (files at the top
 * of src/ compose the application and are no node) or machines/. Every import counts: static,
 * `import type`, `export … from` and dynamic `import()`, since a cycle of types is still a cycle
 * a reader has to hold in mind at once.
 */

const ROOT = process.cwd();

/** What src/database may build on: it holds the connection, the transaction runner and the migrations. */
const BELOW_DATABASE = ['common', 'config', 'machines'];

interface Import {
  file: string;
  specifier: string;
}

function typeScriptFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return typeScriptFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(file: string): Import[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
  return importedFiles.map(({ fileName }) => ({ file, specifier: fileName }));
}

/** The folder node a repository path belongs to, or null for the top of src/ and anything outside. */
function nodeOf(path: string): string | null {
  const parts = path.split('/');
  if (parts[0] === 'machines') return 'machines';
  if (parts[0] === 'src' && parts.length > 2) return parts[1];
  return null;
}

/** The repository path a relative import points at, or null for a package. */
function target({ file, specifier }: Import): string | null {
  if (!specifier.startsWith('.')) return null;
  return relative(ROOT, resolve(ROOT, dirname(file), specifier))
    .split(sep)
    .join('/');
}

const FILES = [...typeScriptFiles('src'), ...typeScriptFiles('machines')];
const IMPORTS = FILES.flatMap(importsOf);

/** from folder → to folder → the files whose imports make that edge. */
function folderGraph(): Map<string, Map<string, Set<string>>> {
  const graph = new Map<string, Map<string, Set<string>>>();
  for (const entry of IMPORTS) {
    const from = nodeOf(entry.file);
    const path = target(entry);
    const to = path === null ? null : nodeOf(path);
    if (from === null || to === null || from === to) continue;
    const edges = graph.get(from) ?? new Map<string, Set<string>>();
    graph.set(from, edges);
    const files = edges.get(to) ?? new Set<string>();
    edges.set(to, files);
    files.add(entry.file);
  }
  return graph;
}

/** Tarjan's strongly connected components: every folder in one of size > 1 sits on a cycle. */
function stronglyConnected(graph: Map<string, Map<string, Set<string>>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.keys() ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return components;
}

/** One concrete cycle through the component's first folder, found by a breadth-first walk back to it. */
function cycleIn(component: string[], graph: Map<string, Map<string, Set<string>>>): string[] {
  const start = component[0];
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of [...(graph.get(node)?.keys() ?? [])].sort()) {
      if (!component.includes(next)) continue;
      if (next === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0])!);
        return [...path, start];
      }
      if (!cameFrom.has(next) && next !== start) {
        cameFrom.set(next, node);
        queue.push(next);
      }
    }
  }
  return component;
}

function describeCycles(): string[] {
  const graph = folderGraph();
  return stronglyConnected(graph).map((component) => {
    const cycle = cycleIn(component, graph);
    const edges = component.flatMap((from) =>
      [...(graph.get(from) ?? new Map<string, Set<string>>())]
        .filter(([to]) => component.includes(to))
        .map(([to, files]) => `  ${from} → ${to}: ${[...files].sort().join(', ')}`),
    );
    return [
      `cycle ${cycle.join(' → ')} (folders on cycles: ${component.join(', ')}); edges among them:`,
      ...edges,
    ].join('\n');
  });
}

describe('the import layers', () => {
  it('has no cycle between folders', () => {
    expect(describeCycles().join('\n\n')).toBe('');
  });

  it('keeps the state machines free of the service: nothing from src/ and no TypeORM', () => {
    const offending = IMPORTS.filter((entry) => entry.file.startsWith('machines/'))
      .filter((entry) => entry.specifier.startsWith('@nestjs/typeorm') || target(entry)?.startsWith('src/'))
      .map((entry) => `${entry.file} imports ${entry.specifier}`);
    expect(offending).toEqual([]);
  });

  it('keeps the database folder below every feature', () => {
    const offending = IMPORTS.filter((entry) => nodeOf(entry.file) === 'database')
      .filter((entry) => {
        const path = target(entry);
        const to = path === null ? null : nodeOf(path);
        return to !== null && to !== 'database' && !BELOW_DATABASE.includes(to);
      })
      .map((entry) => `${entry.file} imports ${entry.specifier}`);
    expect(offending).toEqual([]);
  });

  it('lists in src/entities.ts exactly the entities the feature modules register', () => {
    const source = (file: string) => readFileSync(join(ROOT, file), 'utf8');
    const registered = FILES.filter((file) => file.endsWith('.module.ts'))
      .flatMap((file) => [...source(file).matchAll(/TypeOrmModule\.forFeature\(\[([^\]]*)\]/g)])
      .flatMap((match) => match[1].split(',').map((name) => name.trim()));
    const declared = FILES.flatMap((file) => [
      ...source(file).matchAll(/@Entity\([^)]*\)(?:\s*@\w+\(.*\))*\s*export class (\w+)/g),
    ]).map((match) => match[1]);
    const listed = ENTITIES.map((entity) => entity.name).sort();
    expect([...registered].sort()).toEqual(listed);
    expect([...declared].sort()).toEqual(listed);
  });

  it('reads the sources it judges', () => {
    // A wrong root or a parser that finds nothing would make every check above pass vacuously.
    expect(FILES.length).toBeGreaterThan(100);
    expect(folderGraph().get('cases')?.has('machines')).toBe(true);
  });
});
