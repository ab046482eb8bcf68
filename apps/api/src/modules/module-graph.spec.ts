import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

// Area → areas it imports, with the files that make each edge.
type ModuleGraph = Map<string, Map<string, string[]>>;

const MODULES_DIR = __dirname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    // Tests may reach into another area; what Nest wires and runs may not go both ways.
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

// The area (folder under modules/) of a path, or null outside modules/.
function areaOf(path: string): string | null {
  const rel = relative(MODULES_DIR, path);
  if (rel.startsWith('..') || !rel.includes(sep)) return null;
  return rel.split(sep)[0];
}

function readModuleGraph(): ModuleGraph {
  const graph: ModuleGraph = new Map();
  for (const file of sourceFiles(MODULES_DIR)) {
    const from = areaOf(file);
    if (!from) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    // Every import, export … from, import type, import() and require() of the file.
    for (const { fileName } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const to = areaOf(resolve(dirname(file), fileName));
      if (!to || to === from) continue;
      const edges = graph.get(from) as Map<string, string[]>;
      edges.set(to, [...(edges.get(to) ?? []), `${relative(MODULES_DIR, file)} imports ${fileName}`]);
    }
  }
  return graph;
}

// One cycle per strongly connected group of areas (Tarjan), written a → b → a.
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node) as number);
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) as number, low.get(next) as number));
      } else if (stack.includes(next)) {
        low.set(node, Math.min(low.get(node) as number, index.get(next) as number));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop() as string;
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);
  return groups.map((group) => cycleThrough(graph, group));
}

// A shortest way back to the group's first area (alphabetically), through the group only.
function cycleThrough(graph: ReadonlyMap<string, readonly string[]>, group: string[]): string[] {
  const start = [...group].sort()[0];
  const paths = new Map<string, string[]>([[start, [start]]]);
  const queue = [start];
  while (queue.length) {
    const node = queue.shift() as string;
    for (const next of [...(graph.get(node) ?? [])].sort()) {
      if (next === start) return [...(paths.get(node) as string[]), start];
      if (group.includes(next) && !paths.has(next)) {
        paths.set(next, [...(paths.get(node) as string[]), next]);
        queue.push(next);
      }
    }
  }
  throw new Error(`No cycle through ${start}`);
}

describe('findCycles', () => {
  it('finds no cycle in a one-way graph', () => {
    expect(findCycles(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]]))).toEqual([]);
  });

  it('names a two-way pair and a longer loop', () => {
    const graph = new Map([
      ['audit', ['auth']],
      ['auth', ['audit']],
      ['funding', ['milestones']],
      ['milestones', ['organisations']],
      ['organisations', ['funding']],
    ]);
    expect(findCycles(graph).sort()).toEqual([
      ['audit', 'auth', 'audit'],
      ['funding', 'milestones', 'organisations', 'funding'],
    ]);
  });
});

describe('API module graph', () => {
  const graph = readModuleGraph();

  it('reads the imports between areas', () => {
    // Shared rules live in access/, which every portfolio area imports.
    expect([...(graph.get('projects')?.keys() ?? [])]).toContain('access');
    expect([...(graph.get('milestones')?.keys() ?? [])]).toContain('access');
  });

  it('has no two areas importing each other, directly or through others', () => {
    const cycles = findCycles(new Map([...graph].map(([area, edges]) => [area, [...edges.keys()]])));
    const described = cycles.map((cycle) =>
      [
        cycle.join(' → '),
        ...cycle.slice(1).map((to, i) => `  ${cycle[i]} → ${to}: ${(graph.get(cycle[i])?.get(to) ?? []).join('; ')}`),
      ].join('\n'),
    );
    expect(described).toEqual([]);
  });
});
