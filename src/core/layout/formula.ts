/**
 * A small evaluator for the formulas the layout writes (and simple ones people write):
 * numbers, "text", cell references (A1, $A$1), ranges inside SUM, + - * / &, comparisons
 * (= <> < > <= >=), parentheses, SUM, IF, ABS, ROUND. Used when a file holds formulas without
 * cached results (files written by ExcelJS). Anything else evaluates to undefined (unknown).
 */
import type { CellValue } from '../grid';
import { parseA1 } from '../grid';

/** The value of a sheet cell (0-based row/col); formula cells are resolved by the caller. */
export type CellLookup = (row: number, col: number) => CellValue | undefined;

/**
 * The values of the cells that exist in a range (0-based, inclusive), in any order; empty cells
 * may be left out. Given to evaluateFormula, ranges are read through it instead of cell by cell,
 * so =SUM(A1:XFD1048576) costs the cells a sheet holds, not the 17 billion it names.
 */
export type RangeCells = (r1: number, c1: number, r2: number, c2: number) => Iterable<CellValue | undefined>;

type Val = number | string | boolean | null;
type Node =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; row: number; col: number }
  | { t: 'range'; r1: number; c1: number; r2: number; c2: number }
  | { t: 'neg'; e: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'call'; name: string; args: Node[] };

class Unsupported extends Error {}

function tokenize(src: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:("(?:[^"]|"")*")|(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|(<=|>=|<>|[-+*/&=<>(),])|([A-Za-z_][A-Za-z0-9_.]*))/y;
  let pos = 0;
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break;
    re.lastIndex = pos;
    const m = re.exec(src);
    if (!m) throw new Unsupported(src.slice(pos));
    out.push(m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]);
    pos = re.lastIndex;
  }
  return out;
}

/** Parsed formulas by text (a workbook repeats the same formulas; parsing is the costly part). */
const parsed = new Map<string, Node | Unsupported>();
const PARSED_LIMIT = 5000;

/** The formula's tree, or the Unsupported error it raised; parsed once per distinct text. */
function parseCached(src: string): Node | Unsupported {
  let p = parsed.get(src);
  if (p === undefined) {
    try {
      p = parse(src);
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
      p = e;
    }
    if (parsed.size >= PARSED_LIMIT) parsed.clear();
    parsed.set(src, p);
  }
  return p;
}

function parse(src: string): Node {
  const toks = tokenize(src.startsWith('=') ? src.slice(1) : src);
  let i = 0;
  const peek = () => toks[i];
  const take = (tok?: string) => {
    const t = toks[i++];
    if (t === undefined || (tok !== undefined && t.toUpperCase() !== tok)) throw new Unsupported(`expected ${tok}`);
    return t;
  };
  const LEVELS = [['=', '<>', '<', '>', '<=', '>='], ['&'], ['+', '-'], ['*', '/']];
  const binary = (level: number): Node => {
    if (level === LEVELS.length) return unary();
    let a = binary(level + 1);
    while (peek() !== undefined && LEVELS[level].includes(peek())) {
      const op = take();
      a = { t: 'bin', op, a, b: binary(level + 1) };
    }
    return a;
  };
  const unary = (): Node => {
    if (peek() === '-') {
      take();
      return { t: 'neg', e: unary() };
    }
    if (peek() === '+') {
      take();
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const tok = take();
    if (tok === '(') {
      const e = binary(0);
      take(')');
      return e;
    }
    if (tok.startsWith('"')) return { t: 'str', v: tok.slice(1, -1).replace(/""/g, '"') };
    if (/^[\d.]/.test(tok)) return { t: 'num', v: Number(tok) };
    if (tok.includes(':')) {
      const [x, y] = tok.split(':').map((s) => parseA1(s));
      if (!x || !y) throw new Unsupported(tok);
      return { t: 'range', r1: Math.min(x.row, y.row), c1: Math.min(x.col, y.col), r2: Math.max(x.row, y.row), c2: Math.max(x.col, y.col) };
    }
    if (peek() === '(') {
      take('(');
      const args: Node[] = [];
      if (peek() !== ')') {
        args.push(binary(0));
        while (peek() === ',') {
          take(',');
          args.push(binary(0));
        }
      }
      take(')');
      return { t: 'call', name: tok.toUpperCase(), args };
    }
    const up = tok.toUpperCase();
    if (up === 'TRUE' || up === 'FALSE') return { t: 'bool', v: up === 'TRUE' };
    const ref = parseA1(tok);
    if (ref) return { t: 'ref', ...ref };
    throw new Unsupported(tok);
  };
  const node = binary(0);
  if (i !== toks.length) throw new Unsupported('trailing input');
  return node;
}

function toNumber(v: Val): number {
  if (v === null || v === '') return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  const n = Number(v.trim());
  if (v.trim() !== '' && Number.isFinite(n)) return n;
  throw new Unsupported(`#VALUE! ${v}`);
}

function toText(v: Val): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return v;
}

function compare(op: string, a: Val, b: Val): boolean {
  let x: number | string;
  let y: number | string;
  if (typeof a === 'string' || typeof b === 'string') {
    x = toText(a).toUpperCase();
    y = toText(b).toUpperCase();
  } else {
    x = toNumber(a);
    y = toNumber(b);
    // spreadsheet arithmetic compares at 15 significant digits
    if (Math.abs(x - y) <= 1e-12 * Math.max(1, Math.abs(x), Math.abs(y))) y = x;
  }
  switch (op) {
    case '=':
      return x === y;
    case '<>':
      return x !== y;
    case '<':
      return x < y;
    case '>':
      return x > y;
    case '<=':
      return x <= y;
    default:
      return x >= y;
  }
}

function evalNode(n: Node, cell: CellLookup, cells?: RangeCells): Val {
  const val = (row: number, col: number): Val => {
    const v = cell(row, col);
    if (v === undefined) throw new Unsupported('unknown cell');
    return v;
  };
  switch (n.t) {
    case 'num':
    case 'str':
    case 'bool':
      return n.v;
    case 'ref':
      return val(n.row, n.col);
    case 'range':
      throw new Unsupported('range outside a function');
    case 'neg':
      return -toNumber(evalNode(n.e, cell, cells));
    case 'bin': {
      const a = evalNode(n.a, cell, cells);
      const b = evalNode(n.b, cell, cells);
      switch (n.op) {
        case '+':
          return toNumber(a) + toNumber(b);
        case '-':
          return toNumber(a) - toNumber(b);
        case '*':
          return toNumber(a) * toNumber(b);
        case '/': {
          const d = toNumber(b);
          if (d === 0) throw new Unsupported('#DIV/0!');
          return toNumber(a) / d;
        }
        case '&':
          return toText(a) + toText(b);
        default:
          return compare(n.op, a, b);
      }
    }
    case 'call': {
      switch (n.name) {
        case 'SUM': {
          let s = 0;
          for (const arg of n.args) {
            if (arg.t === 'range' && cells) {
              for (const v of cells(arg.r1, arg.c1, arg.r2, arg.c2)) {
                if (v === undefined) throw new Unsupported('unknown cell');
                if (typeof v === 'number') s += v;
              }
            } else if (arg.t === 'range') {
              for (let r = arg.r1; r <= arg.r2; r++) {
                for (let c = arg.c1; c <= arg.c2; c++) {
                  const v = val(r, c);
                  if (typeof v === 'number') s += v; // SUM skips text and blanks in ranges
                }
              }
            } else if (arg.t === 'ref') {
              const v = val(arg.row, arg.col);
              if (typeof v === 'number') s += v;
            } else s += toNumber(evalNode(arg, cell, cells));
          }
          return s;
        }
        case 'IF': {
          if (n.args.length < 2 || n.args.length > 3) throw new Unsupported('IF arity');
          const c = evalNode(n.args[0], cell, cells);
          const truthy = typeof c === 'string' ? (() => { throw new Unsupported('#VALUE!'); })() : toNumber(c) !== 0;
          if (truthy) return evalNode(n.args[1], cell, cells);
          return n.args.length === 3 ? evalNode(n.args[2], cell, cells) : false;
        }
        case 'ABS':
          if (n.args.length !== 1) throw new Unsupported('ABS arity');
          return Math.abs(toNumber(evalNode(n.args[0], cell, cells)));
        case 'ROUND': {
          if (n.args.length !== 2) throw new Unsupported('ROUND arity');
          const x = toNumber(evalNode(n.args[0], cell, cells));
          const d = toNumber(evalNode(n.args[1], cell, cells));
          const f = Math.pow(10, d);
          return (Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f;
        }
        default:
          throw new Unsupported(n.name);
      }
    }
  }
}

/**
 * Evaluate a formula (with or without the leading '='). Returns undefined when the formula uses
 * something this evaluator does not know, refers to an unknown cell, or yields a spreadsheet error.
 */
export function evaluateFormula(formula: string, cell: CellLookup, cells?: RangeCells): CellValue | undefined {
  const node = parseCached(formula);
  if (node instanceof Unsupported) return undefined;
  try {
    const v = evalNode(node, cell, cells);
    if (typeof v === 'number' && !Number.isFinite(v)) return undefined;
    return typeof v === 'number' ? Number(v.toPrecision(15)) : v;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** The cells a formula refers to (ranges expanded), or undefined when it cannot be parsed. */
export function formulaReferences(formula: string): { row: number; col: number }[] | undefined {
  const node = parseCached(formula);
  if (node instanceof Unsupported) return undefined;
  const out: { row: number; col: number }[] = [];
  const walk = (n: Node): void => {
    if (n.t === 'ref') out.push({ row: n.row, col: n.col });
    else if (n.t === 'range') {
      for (let r = n.r1; r <= n.r2; r++) for (let c = n.c1; c <= n.c2; c++) out.push({ row: r, col: c });
    } else if (n.t === 'neg') walk(n.e);
    else if (n.t === 'bin') {
      walk(n.a);
      walk(n.b);
    } else if (n.t === 'call') n.args.forEach(walk);
  };
  walk(node);
  return out;
}

/**
 * The cells and ranges a formula refers to, each as a box (0-based, inclusive; a cell is a box of
 * one), without expanding them; undefined when it cannot be parsed.
 */
export function formulaRanges(formula: string): { r1: number; c1: number; r2: number; c2: number }[] | undefined {
  const node = parseCached(formula);
  if (node instanceof Unsupported) return undefined;
  const out: { r1: number; c1: number; r2: number; c2: number }[] = [];
  const walk = (n: Node): void => {
    if (n.t === 'ref') out.push({ r1: n.row, c1: n.col, r2: n.row, c2: n.col });
    else if (n.t === 'range') out.push({ r1: n.r1, c1: n.c1, r2: n.r2, c2: n.c2 });
    else if (n.t === 'neg') walk(n.e);
    else if (n.t === 'bin') {
      walk(n.a);
      walk(n.b);
    } else if (n.t === 'call') n.args.forEach(walk);
  };
  walk(node);
  return out;
}
