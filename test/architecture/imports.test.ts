/**
 * The layers as the architecture draws them (docs/architecture.md): core is pure and imports no
 * other layer; src/app is the one way from the surfaces (pane, command line) to core's workflows;
 * only src/workbook touches a spreadsheet; and no module imports itself through others (no cycles).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const SRC = path.join(__dirname, '..', '..', 'src');

interface Edge {
  to: string;
  typeOnly: boolean;
}

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function resolve(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base + '.ts', base + '.tsx', path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) if (fs.existsSync(c)) return c;
  return null;
}

/** Every relative import of every source file (static and import()), marked when it is type-only. */
function graph(): Map<string, Edge[]> {
  const g = new Map<string, Edge[]>();
  for (const file of files(SRC)) {
    const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const edges: Edge[] = [];
    const visit = (node: ts.Node): void => {
      if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
        const to = resolve(file, node.moduleSpecifier.text);
        const typeOnly = ts.isImportDeclaration(node)
          ? !!node.importClause?.isTypeOnly ||
            (!!node.importClause && !node.importClause.name && !!node.importClause.namedBindings && ts.isNamedImports(node.importClause.namedBindings) && node.importClause.namedBindings.elements.every((e) => e.isTypeOnly))
          : node.isTypeOnly;
        if (to) edges.push({ to, typeOnly });
      } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
        const to = resolve(file, node.arguments[0].text);
        if (to) edges.push({ to, typeOnly: false });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    g.set(file, edges);
  }
  return g;
}

const rel = (f: string) => path.relative(SRC, f).split(path.sep).join('/');
const layer = (f: string) => rel(f).split('/')[0];

describe('layers', () => {
  const g = graph();

  test('the source tree is read (a test that finds no files could pass for nothing)', () => {
    expect(g.size).toBeGreaterThan(80);
    expect([...g.keys()].some((f) => rel(f) === 'app/check.ts')).toBe(true);
  });

  test('core imports nothing outside core', () => {
    const bad = [...g].flatMap(([f, es]) => (layer(f) === 'core' ? es.filter((e) => layer(e.to) !== 'core').map((e) => `${rel(f)} → ${rel(e.to)}`) : []));
    expect(bad).toEqual([]);
  });

  test('src/app imports core, the port’s types and the Word export, never the pane, the CLI or a concrete port', () => {
    const bad = [...g].flatMap(([f, es]) =>
      layer(f) === 'app'
        ? es
            .filter((e) => ['ui', 'cli', 'taskpane'].includes(layer(e.to)) || /^workbook\/(office|xlsx|wps)\//.test(rel(e.to)))
            .map((e) => `${rel(f)} → ${rel(e.to)}`)
        : [],
    );
    expect(bad).toEqual([]);
  });

  test('the pane and the CLI reach core’s readers, generators, importers and checks only through src/app', () => {
    const workflow = /^core\/(read|rules|narrative|narrative-check|import|layout|previous|render|check)(\/|\.ts)|^export\//;
    const bad = [...g].flatMap(([f, es]) =>
      ['ui', 'cli'].includes(layer(f)) ? es.filter((e) => !e.typeOnly && workflow.test(rel(e.to))).map((e) => `${rel(f)} → ${rel(e.to)}`) : [],
    );
    expect(bad).toEqual([]);
  });

  test('no import cycles', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const walk = (f: string): void => {
      state.set(f, 'open');
      stack.push(f);
      for (const e of g.get(f) ?? []) {
        if (e.typeOnly) continue; // types are erased: no cycle at run time
        const s = state.get(e.to);
        if (s === 'open') cycles.push([...stack.slice(stack.indexOf(e.to)), e.to].map(rel).join(' → '));
        else if (!s) walk(e.to);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of g.keys()) if (!state.has(f)) walk(f);
    expect(cycles).toEqual([]);
  });
});
