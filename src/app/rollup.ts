/**
 * The county office's roll-up (`nianbao rollup`, the pane's 汇总): many units' workbooks read one at
 * a time and checked; a board of who passes (校验汇总) and the consolidated tables (汇总统计表: every
 * value cell summed over the units of one year and format, in the official layout).
 *
 * Memory does not grow with the number of files beyond one board row each: a workbook is opened,
 * checked, added to the running sums of its year and format, and let go before the next is opened.
 */
import { TABLE_IDS, getFormat, type FormatDef } from '../core/formats';
import { a1, rangeA1 } from '../core/grid';
import type { SheetPlan, PlanCell } from '../core/layout/plan';
import { describeError } from '../core/messages/errors';
import { BOARD_HEADERS, BOARD_SHEET, ROLLUP, ROLLUP_TABLE_SHEET, type RollupStatus } from '../core/messages/rollup';
import { emptyReport, numeric, type ReportData } from '../core/model/report';
import { runChecks } from '../core/rules';
import type { Finding } from '../core/rules/types';
import { openFindings } from '../core/rules/verified';
import { WorkbookError, type NativeChart, type WorkbookPort, type WorkbookReader } from '../workbook/port';
import { checkWorkbook } from './check';
import { planTables } from './create';
import { AppError } from './errors';
import { findingRef, type CheckOutcome } from './findings';
import { openReports } from './sheets';
import { rollupChartData } from './rollup-charts';

export { BOARD_SHEET, ROLLUP_TABLE_SHEET };
export type { RollupStatus };

/** One input: its name on the board and how to open it (a file read from disk, a file picked in the pane). */
export interface RollupSource {
  /** the file as shown on the board */
  name: string;
  /** opens the workbook; a WorkbookError or AppError makes the file 无法读取 with its reason */
  open(): Promise<WorkbookReader>;
}

/** One report of a file, as the board needs it. */
export interface UnitReport {
  year: number;
  format: string;
  organization: string;
  /** errors and warnings not verified on 核实说明 */
  errors: number;
  warnings: number;
  /** findings a reviewer verified (still standing on the same numbers) */
  verified: number;
  /** the first error in words (`年报统计表!D12 表三…`), or '' */
  first: string;
  /** 表三 一、本年新收 · 总计 */
  applications: number | null;
}

/** A row of the board 校验汇总. */
export interface BoardRow {
  file: string;
  organization: string;
  year: number | null;
  format: string | null;
  status: RollupStatus;
  errors: number;
  warnings: number;
  verified: number;
  /** the first error in words, or the reason the file could not be read */
  first: string;
  applications: number | null;
}

export interface Rollup {
  /** the year and format summed (null when no file could be read) */
  year: number | null;
  format: string | null;
  /** one row a file, in the order given */
  rows: BoardRow[];
  /** the consolidated figures (null when nothing was summed) */
  data: ReportData | null;
  /** the units summed, and those of them that had errors */
  units: string[];
  errorUnits: string[];
  /** the consolidated figures' own findings (checked like any report) */
  findings: Finding[];
}

export interface RollupOptions {
  /** sum only reports of this year (default: the year and format most files have) */
  year?: number;
  /** sum only reports of this format */
  format?: string;
  /** after each file: how many are done, the file's reports (or its reason), and the check's outcome (the pane keeps it for a click on the unit) */
  onFile?: (done: number, file: FileEntry, outcome?: CheckOutcome) => void;
}

/** What the roll-up keeps of a file: its reports' counts, or why it was not read, or that it is a roll-up itself. */
export interface FileEntry {
  name: string;
  reports: UnitReport[];
  /** the reason it could not be read */
  error?: string;
  /** an earlier roll-up (it has the sheet 校验汇总): listed, not summed */
  rollup?: boolean;
}

interface Group {
  year: number;
  format: FormatDef;
  files: number;
  sum: ReportData;
  units: string[];
  errorUnits: string[];
}

const groupKey = (year: number, format: string) => `${year}|${format}`;

/** Adds every numeric value cell of `data` into `sum` (blanks and text add nothing). */
export function addReport(sum: ReportData, data: ReportData, format: FormatDef): void {
  for (const t of TABLE_IDS) {
    for (const v of format.tables[t].values) {
      const n = numeric(data[t]?.[v.row]?.[v.col]);
      if (n === undefined) continue;
      const row = (sum[t][v.row] ??= {});
      const before = numeric(row[v.col]);
      // amounts to 4 decimals: keep the sum free of binary noise
      row[v.col] = Math.round(((before ?? 0) + n) * 10000) / 10000;
    }
  }
}

function unitReport(r: CheckOutcome['reports'][number]): UnitReport {
  const open = openFindings(r.findings);
  const errors = open.filter((f) => f.severity === 'error');
  const first = errors[0];
  return {
    year: r.year,
    format: r.formatId,
    organization: r.organization,
    errors: errors.length,
    warnings: open.length - errors.length,
    verified: r.findings.length - open.length,
    first: first ? `${findingRef(first) ? findingRef(first) + ' ' : ''}${first.title ?? first.message}` : '',
    applications: numeric(r.located.data.table3?.new_received?.total) ?? null,
  };
}

function describe(e: unknown, file: string): string {
  if (e instanceof WorkbookError || e instanceof AppError) return describeError(e, file);
  return `${file}：${(e as Error)?.message ?? String(e)}`;
}

/** The group summed: of the year (and format) asked, else the one most files have (ties: the later year, the later format). */
function chooseGroup(groups: Map<string, Group>, options: RollupOptions): Group | undefined {
  let best: Group | undefined;
  for (const g of groups.values()) {
    if (options.year !== undefined && g.year !== options.year) continue;
    if (options.format !== undefined && g.format.id !== options.format) continue;
    if (!best || g.files > best.files || (g.files === best.files && (g.year > best.year || (g.year === best.year && g.format.id > best.format.id)))) best = g;
  }
  return best;
}

/**
 * Reads and checks each workbook in turn, sums the reports by year and format, and returns the
 * board and the consolidated figures of the year and format chosen.
 */
export async function rollupWorkbooks(sources: Iterable<RollupSource> | AsyncIterable<RollupSource>, options: RollupOptions = {}): Promise<Rollup> {
  const groups = new Map<string, Group>();
  const files: FileEntry[] = [];
  let done = 0;
  for await (const source of sources) {
    let entry: FileEntry;
    let outcome: CheckOutcome | undefined;
    try {
      const port = await source.open();
      if ((await port.listSheets()).includes(BOARD_SHEET)) {
        // an earlier roll-up (its board and 汇总统计表): listed, never summed again
        entry = { name: source.name, reports: [], rollup: true };
        files.push(entry);
        options.onFile?.(++done, entry);
        continue;
      }
      outcome = await checkWorkbook(port);
      if (outcome.reports.length === 0) throw new WorkbookError('no-tables', { file: source.name });
      entry = { name: source.name, reports: outcome.reports.map(unitReport) };
      const touched = new Set<string>();
      for (const r of outcome.reports) {
        const format = getFormat(r.formatId);
        if (!format) continue;
        const key = groupKey(r.year, format.id);
        let g = groups.get(key);
        if (!g) {
          g = { year: r.year, format, files: 0, sum: emptyReport(format, r.year, ''), units: [], errorUnits: [] };
          groups.set(key, g);
        }
        addReport(g.sum, r.located.data, format);
        const unit = r.organization || source.name;
        if (!touched.has(key)) g.files++;
        touched.add(key);
        g.units.push(unit);
        if (openFindings(r.findings).some((f) => f.severity === 'error')) g.errorUnits.push(unit);
      }
    } catch (e) {
      entry = { name: source.name, reports: [], error: describe(e, source.name) };
    }
    files.push(entry);
    done++;
    options.onFile?.(done, entry, outcome);
  }
  const chosen = chooseGroup(groups, options);
  const rows = files.map((f) => boardRow(f, chosen));
  if (!chosen) return { year: options.year ?? null, format: options.format ?? null, rows, data: null, units: [], errorUnits: [], findings: [] };
  const data: ReportData = { ...chosen.sum, organization: ROLLUP.organization(chosen.units.length) };
  return {
    year: chosen.year,
    format: chosen.format.id,
    rows,
    data,
    units: chosen.units,
    errorUnits: chosen.errorUnits,
    findings: runChecks(data, {}),
  };
}

function boardRow(f: FileEntry, chosen: Group | undefined): BoardRow {
  if (f.error !== undefined || f.rollup) {
    const status = f.rollup ? 'rollup' : 'unreadable';
    return { file: f.name, organization: '', year: null, format: null, status, errors: 0, warnings: 0, verified: 0, first: f.error ?? '', applications: null };
  }
  const inGroup = chosen ? f.reports.find((r) => r.year === chosen.year && r.format === chosen.format.id) : undefined;
  const r = inGroup ?? f.reports[0];
  return {
    file: f.name,
    organization: r.organization,
    year: r.year,
    format: r.format,
    status: !inGroup ? 'other' : r.errors > 0 ? 'errors' : 'pass',
    errors: r.errors,
    warnings: r.warnings,
    verified: r.verified,
    first: r.first,
    applications: r.applications,
  };
}

/** 0 when every file passes, 1 when any has errors, 2 when any could not be read. */
export function rollupExitCode(rollup: Pick<Rollup, 'rows'>): number {
  if (rollup.rows.some((r) => r.status === 'unreadable')) return 2;
  return rollup.rows.some((r) => r.errors > 0) ? 1 : 0;
}

/** The board's lines under the table (and under the consolidated tables): which units, which had errors. */
export function rollupNotes(rollup: Rollup): string[] {
  const name = (r: BoardRow) => r.organization || r.file;
  const lines = [ROLLUP.unitsLine(rollup.units.length, rollup.units.join('、')), ROLLUP.errorUnitsLine(rollup.errorUnits.join('、'))];
  const other = rollup.rows.filter((r) => r.status === 'other');
  if (other.length) lines.push(ROLLUP.otherUnitsLine(other.map(name).join('、')));
  const rollups = rollup.rows.filter((r) => r.status === 'rollup');
  if (rollups.length) lines.push(ROLLUP.rollupLine(rollups.map((r) => r.file).join('、')));
  const unreadable = rollup.rows.filter((r) => r.status === 'unreadable');
  if (unreadable.length) lines.push(ROLLUP.unreadableLine(unreadable.map((r) => r.file).join('、')));
  return lines;
}

/** A board row as the sheet and the terminal show it (the columns of BOARD_HEADERS). */
export function boardCells(r: BoardRow): (string | number | null)[] {
  return [
    r.file,
    r.organization,
    r.year,
    r.format ? ROLLUP.formatName(r.format) : '',
    ROLLUP.status[r.status],
    r.status === 'unreadable' || r.status === 'rollup' ? null : r.errors,
    r.status === 'unreadable' || r.status === 'rollup' ? null : r.warnings,
    r.first,
    r.applications,
  ];
}

/** The board's column widths in characters (文件 · 单位 · 年度 · 格式 · 结果 · 错误 · 警告 · 首要问题 · 本年新收申请). */
const BOARD_WIDTHS = [28, 24, 8, 10, 22, 8, 8, 60, 14];

/** The column where the chart data starts beside the board (one empty column between). */
const CHART_COL = BOARD_HEADERS.length + 1;

/**
 * Where the charts' numbers sit on 校验汇总 (A1 ranges, sheet-relative), beside the board: applications
 * and errors by summed unit, and the consolidated outcomes. Excel's own charts (office.js
 * `worksheet.charts.add`) are made from these ranges; the numbers are rollupChartData's.
 */
export interface BoardChartRanges {
  /** `source`: the block a chart is drawn from (the categories, then the series' columns; no header) */
  byUnit: { categories: string; applications: string; errors: string; header: string; source: string } | null;
  outcomes: { categories: string; values: string; header: string; source: string } | null;
  /** last year's and this year's key figures (only when last year's roll-up is given) */
  byYear: { categories: string; previous: string; current: string; header: string; source: string } | null;
}

export function boardChartRanges(rollup: Rollup, previous?: ReportData): BoardChartRanges {
  const data = rollupChartData(rollup, previous);
  const n = data.byUnit.units.length;
  const m = data.outcomes.length;
  return {
    byUnit: n
      ? {
          header: rangeA1(0, CHART_COL, 1, 3),
          categories: rangeA1(1, CHART_COL, n, 1),
          applications: rangeA1(1, CHART_COL + 1, n, 1),
          errors: rangeA1(1, CHART_COL + 2, n, 1),
          source: rangeA1(1, CHART_COL, n, 3),
        }
      : null,
    outcomes: m
      ? {
          header: rangeA1(0, CHART_COL + 4, 1, 2),
          categories: rangeA1(1, CHART_COL + 4, m, 1),
          values: rangeA1(1, CHART_COL + 5, m, 1),
          source: rangeA1(1, CHART_COL + 4, m, 2),
        }
      : null,
    byYear: data.byYear
      ? {
          header: rangeA1(0, CHART_COL + 7, 1, 3),
          categories: rangeA1(1, CHART_COL + 7, data.byYear.metrics.length, 1),
          previous: rangeA1(1, CHART_COL + 8, data.byYear.metrics.length, 1),
          current: rangeA1(1, CHART_COL + 9, data.byYear.metrics.length, 1),
          source: rangeA1(1, CHART_COL + 7, data.byYear.metrics.length, 3),
        }
      : null,
  };
}

/** The chart data cells beside the board (see boardChartRanges). */
function chartDataCells(rollup: Rollup, previous?: ReportData): PlanCell[] {
  const data = rollupChartData(rollup, previous);
  const cells: PlanCell[] = [];
  const put = (r: number, c: number, value: string | number, header = false) =>
    cells.push({ r, c, value, style: header ? 'header' : typeof value === 'number' ? 'value' : 'label', locked: true, ...(typeof value === 'number' ? { numFmt: '0' } : {}) });
  if (data.byUnit.units.length) {
    [ROLLUP.chartDataUnit, ROLLUP.seriesApplications, ROLLUP.seriesErrors].forEach((h, i) => put(0, CHART_COL + i, h, true));
    data.byUnit.units.forEach((u, i) => {
      put(i + 1, CHART_COL, u);
      put(i + 1, CHART_COL + 1, data.byUnit.applications[i]);
      put(i + 1, CHART_COL + 2, data.byUnit.errors[i]);
    });
  }
  if (data.outcomes.length) {
    put(0, CHART_COL + 4, ROLLUP.chartDataOutcome, true);
    put(0, CHART_COL + 5, ROLLUP.chartDataCount, true);
    data.outcomes.forEach((o, i) => {
      put(i + 1, CHART_COL + 4, o.name);
      put(i + 1, CHART_COL + 5, o.value);
    });
  }
  if (data.byYear) {
    const [before, now] = data.byYear.years;
    [ROLLUP.chartDataMetric, ROLLUP.seriesYear(before), ROLLUP.seriesYear(now)].forEach((h, i) => put(0, CHART_COL + 7 + i, h, true));
    data.byYear.metrics.forEach((name, i) => {
      put(i + 1, CHART_COL + 7, name);
      put(i + 1, CHART_COL + 8, data.byYear!.previous[i]);
      put(i + 1, CHART_COL + 9, data.byYear!.current[i]);
    });
  }
  return cells;
}

/** The sheet 校验汇总 as a plan: the header, one row a file, the notes under it, the chart data beside it. */
export function planBoard(rollup: Rollup, previous?: ReportData): SheetPlan {
  const cells: PlanCell[] = [];
  BOARD_HEADERS.forEach((h, c) => cells.push({ r: 0, c, value: h, style: 'header', locked: true }));
  rollup.rows.forEach((row, i) =>
    boardCells(row).forEach((value, c) => {
      if (value === null || value === '') return;
      const num = typeof value === 'number';
      cells.push({ r: i + 1, c, value, style: num ? 'value' : 'label', locked: true, ...(num ? { numFmt: '0' } : {}) });
    }),
  );
  // a long 首要问题 or note wraps: its row is made as tall as its lines
  const rowHeights: Record<number, number> = {};
  const fit = (r: number, text: string, width: number) => {
    const lines = Math.ceil([...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) / (width - 2));
    if (lines > 1) rowHeights[r] = Math.max(rowHeights[r] ?? 0, lines * 14 + 4);
  };
  rollup.rows.forEach((row, i) => fit(i + 1, row.first, BOARD_WIDTHS[7]));
  const notesAt = rollup.rows.length + 2;
  const merges: SheetPlan['merges'] = [];
  const allWidth = BOARD_WIDTHS.reduce((a, b) => a + b, 0);
  rollupNotes(rollup).forEach((line, i) => {
    cells.push({ r: notesAt + i, c: 0, value: line, style: 'note', locked: true });
    merges.push({ r: notesAt + i, c: 0, rs: 1, cs: BOARD_HEADERS.length });
    fit(notesAt + i, line, allWidth);
  });
  const charts = chartDataCells(rollup, previous);
  cells.push(...charts);
  const cols = charts.length ? Math.max(...charts.map((c) => c.c + 1)) : BOARD_HEADERS.length;
  const rows = Math.max(notesAt + rollupNotes(rollup).length, ...charts.map((c) => c.r + 1));
  const format = rollup.format ?? '2021';
  return {
    bounds: { r: 0, c: 0, rows, cols },
    cells,
    merges,
    borders: [rangeA1(0, 0, rollup.rows.length + 1, BOARD_HEADERS.length)],
    colWidths: {
      ...Object.fromEntries(BOARD_WIDTHS.map((w, c) => [c, w])),
      [CHART_COL]: 24,
      [CHART_COL + 1]: 14,
      [CHART_COL + 2]: 8,
      [CHART_COL + 4]: 12,
      [CHART_COL + 5]: 10,
      [CHART_COL + 7]: 16,
      [CHART_COL + 8]: 10,
      [CHART_COL + 9]: 10,
    },
    rowHeights,
    validations: [],
    names: [],
    print: { paper: 'A4', orientation: 'landscape', fitToWidth: true, area: rangeA1(0, 0, rows, BOARD_HEADERS.length) },
    protect: false,
    metadata: { format, year: rollup.year ?? 0, organization: rollup.data?.organization ?? '', manualTotals: true },
  };
}

/** Rows a chart of `height` points covers at the smallest default row height (13.5 pt): the next chart starts below it. */
const rowsUnder = (height: number) => Math.ceil(height / 13.5) + 1;

/**
 * Excel's own charts of the board (made where the port can: office.js), drawn from the chart data
 * beside the board (boardChartRanges), so their numbers are the board's cells: applications and
 * errors by unit, the consolidated outcomes. They sit under the board and its notes, one below the other.
 */
export function boardCharts(rollup: Rollup, previous?: ReportData): NativeChart[] {
  const ranges = boardChartRanges(rollup, previous);
  const plan = planBoard(rollup, previous);
  let row = plan.bounds.r + plan.bounds.rows + 1;
  const charts: NativeChart[] = [];
  if (ranges.byUnit) {
    const n = rollupChartData(rollup).byUnit.units.length;
    const height = Math.max(220, 26 * n + 90);
    charts.push({
      id: 'by-unit',
      kind: 'bar',
      title: ROLLUP.chartByUnit,
      source: ranges.byUnit.source,
      seriesNames: [ROLLUP.seriesApplications, ROLLUP.seriesErrors],
      showValues: true,
      at: { cell: a1(row, 0), width: 560, height },
    });
    row += rowsUnder(height);
  }
  if (ranges.outcomes) {
    charts.push({
      id: 'outcomes',
      kind: 'pie',
      title: ROLLUP.chartOutcomes,
      source: ranges.outcomes.source,
      seriesNames: [ROLLUP.chartDataCount],
      showValues: true,
      at: { cell: a1(row, 0), width: 560, height: 300 },
    });
    row += rowsUnder(300);
  }
  const byYear = rollupChartData(rollup, previous).byYear;
  if (ranges.byYear && byYear) {
    charts.push({
      id: 'by-year',
      kind: 'column',
      title: ROLLUP.chartByYear(byYear.years[0], byYear.years[1]),
      source: ranges.byYear.source,
      seriesNames: [ROLLUP.seriesYear(byYear.years[0]), ROLLUP.seriesYear(byYear.years[1])],
      showValues: true,
      at: { cell: a1(row, 0), width: 560, height: 300 },
    });
  }
  return charts;
}

/**
 * Writes the roll-up into a workbook: 校验汇总 (the board; with Excel's own charts where the port can
 * make them) and, when something was summed, 汇总统计表 (the official tables with the sums, totals as
 * summed, and the units under them).
 */
export async function writeRollup(port: WorkbookPort, rollup: Rollup, options: { previous?: ReportData } = {}): Promise<{ board: string; tables: string | null }> {
  const board = await port.addSheet(BOARD_SHEET);
  await port.applyPlan(board, planBoard(rollup, options.previous));
  const charts = boardCharts(rollup, options.previous);
  if (port.addCharts && charts.length) await port.addCharts(board, charts);
  const format = rollup.format ? getFormat(rollup.format) : undefined;
  if (!rollup.data || !format || rollup.year === null) return { board, tables: null };
  const tables = await port.addSheet(ROLLUP_TABLE_SHEET);
  const plan = withNotes(planTables({ format, year: rollup.year, organization: rollup.data.organization, manualTotals: true, data: rollup.data }), rollupNotes(rollup));
  await port.applyPlan(tables, plan);
  return { board, tables };
}

/**
 * The tables' plan with the notes under them (one empty row between), each merged across the tables'
 * width and as tall as its lines: part of the plan, so they are written before the sheet is protected
 * (in Excel a protected sheet refuses later writes to its locked cells).
 */
function withNotes(plan: SheetPlan, notes: string[]): SheetPlan {
  const b = plan.bounds;
  const below = b.r + b.rows + 1;
  let width = 0;
  for (let c = b.c; c < b.c + b.cols; c++) width += plan.colWidths[c] ?? 8.43;
  const rowHeights = { ...plan.rowHeights };
  notes.forEach((line, i) => {
    const lines = Math.ceil([...line].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0) / Math.max(width - 2, 1));
    if (lines > 1) rowHeights[below + i] = lines * 14 + 4;
  });
  return {
    ...plan,
    bounds: { ...b, rows: below + notes.length - b.r },
    cells: [...plan.cells, ...notes.map((value, i): PlanCell => ({ r: below + i, c: b.c, value, style: 'note', locked: true }))],
    merges: [...plan.merges, ...notes.map((_, i) => ({ r: below + i, c: b.c, rs: 1, cs: b.cols }))],
    rowHeights,
  };
}

/** Last year's roll-up as the pane loads it: its figures, or the year it holds when that is not the year before. */
export type PreviousRollup = { data: ReportData; sheet: string } | { wrongYear: number; sheet: string };

/**
 * Last year's roll-up for the change by year: the consolidated figures of a workbook an earlier
 * roll-up wrote (its 汇总统计表), or of any report workbook (its first report). Its year must be the
 * year before `year` (the roll-up's); else `wrongYear` says which year it holds. The official
 * format may differ (2020's reports are in the 2019 format, 2021's in the 2021 one): the figures
 * compared by year have the same rows in both. Throws AppError 'unsupported-file' for a file that is
 * not .xlsx/.xlsm, WorkbookError for a workbook that cannot be read or holds no tables.
 */
export async function loadPreviousRollup(
  file: { name: string; bytes: Uint8Array | ArrayBuffer },
  open: (bytes: Uint8Array | ArrayBuffer, name: string) => Promise<WorkbookReader>,
  year: number,
): Promise<PreviousRollup> {
  const name = file.name.replace(/^.*[\\/]/, '');
  if (!/\.(xlsx|xlsm)$/i.test(name)) throw new AppError('unsupported-file', { file: name, accepted: '.xlsx' });
  const { reports } = await openReports(await open(file.bytes, name), { file: name, tablesOnly: true });
  const report = reports.find((r) => r.tables.some((t) => t.sheet === ROLLUP_TABLE_SHEET)) ?? reports[0];
  const sheet = report.tables[0]?.sheet ?? '';
  if (report.data.year !== year - 1) return { wrongYear: report.data.year, sheet };
  return { data: report.data, sheet };
}
