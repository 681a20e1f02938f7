import { getFormat, FORMATS, TABLE_IDS } from '../formats';
import { emptyReport, type ReportData, type Value } from './report';

export class ReportJsonError extends Error {
  constructor(public readonly detail: string) {
    super(detail);
    this.name = 'ReportJsonError';
  }
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Reads the interchange JSON (spec §7). Every key of the format is present in the result
 * (missing ones are null); unknown keys and values of the wrong type are refused with a
 * Chinese detail naming the key.
 */
export function parseReportJson(text: string): ReportData {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ReportJsonError(`JSON 语法错误（${(e as Error).message}）`);
  }
  return toReportData(raw);
}

export function toReportData(raw: unknown): ReportData {
  if (!isRecord(raw)) throw new ReportJsonError('顶层应是一个对象');
  const formatId = String(raw.format ?? '');
  const format = getFormat(formatId);
  if (!format) throw new ReportJsonError(`“format”应为 ${FORMATS.map((f) => f.id).join(' 或 ')}，实际为“${formatId}”`);
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year)) throw new ReportJsonError('“year”应为整数年份');
  const org = raw.organization ?? '';
  if (typeof org !== 'string') throw new ReportJsonError('“organization”应为文本');
  const data = emptyReport(format, year, org);
  for (const t of TABLE_IDS) {
    const table = raw[t];
    if (table === undefined) continue;
    if (!isRecord(table)) throw new ReportJsonError(`“${t}”应是对象`);
    for (const [row, cols] of Object.entries(table)) {
      if (!(row in data[t])) throw new ReportJsonError(`“${t}.${row}”不是 ${formatId} 格式的项目`);
      if (!isRecord(cols)) throw new ReportJsonError(`“${t}.${row}”应是对象`);
      for (const [col, v] of Object.entries(cols)) {
        if (!(col in data[t][row])) throw new ReportJsonError(`“${t}.${row}.${col}”不是 ${formatId} 格式的项目`);
        if (v !== null && typeof v !== 'number' && typeof v !== 'string') {
          throw new ReportJsonError(`“${t}.${row}.${col}”应为数字、null 或文本`);
        }
        data[t][row][col] = v as Value;
      }
    }
  }
  return data;
}

/** Deterministic JSON text of report data (keys in the format's order). */
export function stringifyReport(data: ReportData): string {
  return JSON.stringify(data, null, 2) + '\n';
}
