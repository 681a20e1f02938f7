/**
 * What both fake spreadsheets (excel-fake.ts, wps-fake.ts) share: the sheet's size, a rectangle of
 * cells, an A1 address, and how typed text is recognised as a number. Plain TypeScript, bundled
 * for the browser with the fakes.
 */
import { colLetters } from '../../src/core/grid';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** 0-based, inclusive */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function cellA1(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

/** text a spreadsheet reads as a number when typed ('12', '-3.5', '1e3', '40%') */
export const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?%?$/;
