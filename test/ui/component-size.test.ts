/**
 * Issue 9 (views as components): every function component and hook in src/ui can be read in one
 * sitting. A function declaration, or an arrow / function expression bound to a name, whose name
 * starts with an uppercase letter (a component) or `use` (a hook) may span at most MAX_LINES lines.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const UI = path.resolve(__dirname, '..', '..', 'src', 'ui');
const MAX_LINES = 160;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) ? [full] : [];
  });
}

interface Measured {
  file: string;
  name: string;
  lines: number;
}

/** The components and hooks of one file, with their length in lines (first to last line of the function). */
export function measure(file: string, text: string): Measured[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const out: Measured[] = [];
  const lines = (node: ts.Node): number =>
    source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const named = (name: string): boolean => /^[A-Z]/.test(name) || /^use[A-Z]?/.test(name);
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name && named(node.name.text)) {
      out.push({ file, name: node.name.text, lines: lines(node) });
    } else if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && named(node.name.text) && node.initializer) {
      let init: ts.Expression = node.initializer;
      // React.memo(...), React.forwardRef(...): the function inside
      while (ts.isCallExpression(init) && init.arguments.length > 0) init = init.arguments[0];
      if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) out.push({ file, name: node.name.text, lines: lines(init) });
    } else if (ts.isMethodDeclaration(node) && node.name.getText(source) === 'render') {
      // a class component's render
      out.push({ file, name: `${(node.parent as ts.ClassDeclaration).name?.text ?? 'class'}.render`, lines: lines(node) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

describe('components and hooks in src/ui', () => {
  const measured = sourceFiles(UI).flatMap((f) => measure(path.relative(UI, f), fs.readFileSync(f, 'utf8')));

  it('finds the views, their parts and the hooks', () => {
    const names = new Set(measured.map((m) => m.name));
    for (const name of ['App', 'InsertView', 'CheckView', 'ReportView', 'ImportSection', 'PreviousSection', 'FilePanel', 'useTask']) {
      expect(names).toContain(name);
    }
  });

  it(`has none longer than ${MAX_LINES} lines`, () => {
    const long = measured.filter((m) => m.lines > MAX_LINES).map((m) => `${m.file}: ${m.name} ${m.lines} lines`);
    expect(long).toEqual([]);
  });

  it('measures a long component as long (the check can fail)', () => {
    const body = Array.from({ length: MAX_LINES }, (_, i) => `  const v${i} = ${i};`).join('\n');
    const text = `export function Long(): null {\n${body}\n  return null;\n}\nexport const useShort = () => 1;\nconst Arrow = React.memo(() => {\n${body}\n  return null;\n});\n`;
    const m = measure('long.tsx', text);
    expect(m).toEqual([
      { file: 'long.tsx', name: 'Long', lines: MAX_LINES + 3 },
      { file: 'long.tsx', name: 'useShort', lines: 1 },
      { file: 'long.tsx', name: 'Arrow', lines: MAX_LINES + 3 },
    ]);
  });
});

if (process.env.SHOW_SIZES) {
  console.log(
    sourceFiles(UI)
      .flatMap((f) => measure(path.relative(UI, f), fs.readFileSync(f, 'utf8')))
      .sort((a, b) => b.lines - a.lines)
      .map((m) => `${m.lines}\t${m.file}\t${m.name}`)
      .join('\n'),
  );
}
