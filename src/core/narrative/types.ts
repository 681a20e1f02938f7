import type { TableId } from '../formats/types';
import type { ReportData } from '../model/report';

/** 单位类型: 人民政府 (reports also the government-only items), 政府部门, 乡镇（街道）. */
export type OrgType = 'government' | 'department' | 'township';
export const ORG_TYPES: readonly OrgType[] = ['government', 'department', 'township'];

/** Free-text parts of the report, one per official aspect. */
export interface ProfileTexts {
  /** 一、总体情况: the opening paragraph */
  overview: string;
  /** 一（一）主动公开: wording after the figures */
  proactive: string;
  /** 一（二）依申请公开: wording after the figures */
  application: string;
  /** 一（三）政府信息管理 */
  management: string;
  /** 一（四）政府信息公开平台建设 */
  platform: string;
  /** 一（五）监督保障 */
  supervision: string;
  /** 五、存在的主要问题及改进情况 */
  problems: string;
  /** 六、其他需要报告的事项 (besides the 信息处理费 sentence and the government items) */
  other: string;
  /** governments: 工作考核、社会评议和责任追究结果情况 (part of 监督保障) */
  assessment: string;
  /** governments: 落实上级年度政务公开工作要点情况 (六) */
  superiorTasks: string;
  /** governments: 人大代表建议和政协提案办理结果公开情况 (六) */
  proposals: string;
  /** governments: 年度政务公开工作创新情况 (六) */
  innovation: string;
}

export type ProfileTextKey = keyof ProfileTexts;

/** The report's inputs that are not in the three tables. */
export interface ReportProfile {
  /** 单位名称 */
  organization: string;
  /** 年度 */
  year: number;
  /** 单位类型 */
  orgType: OrgType;
  /** 主动公开 figures not in the tables */
  proactive: {
    /** 主动公开政府信息条数 (条); null = not given yet */
    items: number | null;
    /** 公开渠道, e.g. 门户网站、政务新媒体、政务公开栏 */
    channels: string[];
  };
  /**
   * 信息处理费 (国办函〔2020〕109号). The amount is in 元 (fees are charged per application and are small;
   * the renderers write “元”). null = not given yet.
   */
  processingFee: {
    /** applications for which a fee was charged (件) */
    cases: number | null;
    /** amount in 元 */
    amountYuan: number | null;
  };
  /**
   * 依申请公开: whether every application was answered within the legal time limit (《条例》第三十三条).
   * true → “均在法定期限内予以答复”; false → the clerk's explanation is written; null = not given yet.
   */
  timeLimit: { allOnTime: boolean | null; explanation: string };
  /** 落款 (optional): the issuing unit and the date under the report; empty strings = none */
  signature: { unit: string; date: string };
  text: ProfileTexts;
}

/** Options of the generator. */
export interface GenerateOptions {
  /** last year's figures (上年数据 or a file): the change from last year is stated where they are numbers */
  previous?: ReportData;
}

/* ------------------------------------------------------------------ document */

/** A reference to one value cell of the report data. */
export interface CellRef {
  table: TableId;
  row: string;
  col: string;
}

/** A paragraph. `figures` lists the cells and inputs whose values the paragraph quotes. */
export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** figures: written from cells and inputs · text: the user's free text · fixed: standard wording */
  origin: 'figures' | 'text' | 'fixed';
  /** value cells quoted in the paragraph (figure paragraphs) */
  cells?: CellRef[];
}

/** A 二级标题 such as “（一）主动公开”. */
export interface SubheadingBlock {
  kind: 'subheading';
  text: string;
}

/** The place of one of the three tables. */
export interface TableBlock {
  kind: 'table';
  table: TableId;
}

export type Block = ParagraphBlock | SubheadingBlock | TableBlock;

export interface DocSection {
  /** official heading, e.g. “一、总体情况” */
  heading: string;
  blocks: Block[];
}

/** One cell of a rendered table. Covered cells of a merge are not listed (as in HTML). */
export interface DocCell {
  r: number;
  c: number;
  rs: number;
  cs: number;
  text: string;
  /** label: a label of the format · value: a value cell · empty: a cell of the grid without content */
  kind: 'label' | 'value' | 'empty';
  /** header cells (th) with their HTML scope */
  header: boolean;
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** value cells: the data reference */
  ref?: CellRef;
  /** value cells: the cell holds no number (blank or text): the figure needs checking */
  pending?: boolean;
}

export interface DocTable {
  id: TableId;
  /** 表二 / 表三 / 表四 */
  shortName: string;
  caption: string;
  rows: number;
  cols: number;
  /** relative column widths (characters) from the format */
  widths: number[];
  /** the leading rows that are column headers (repeated on each page in Word) */
  headerRows: number;
  /** cells in reading order; covered cells are left out */
  cells: DocCell[][];
  /** text written under the table (units the header does not state) */
  notes: string[];
}

/** A value that is not a number where the narrative needed one. */
export interface PendingFigure {
  ref: CellRef;
  /** what the cell holds: null (blank) or its text */
  value: string | null;
  /** “表三“一、本年新收政府信息公开申请数量”·“自然人”” */
  where: string;
}

export interface ReportDocument {
  title: string;
  year: number;
  organization: string;
  format: string;
  /** paragraphs before 一、总体情况 (basis and 统计期限) */
  preamble: ParagraphBlock[];
  sections: DocSection[];
  tables: Record<TableId, DocTable>;
  /** cells quoted as 待核实 because they hold no number */
  pending: PendingFigure[];
  /** profile inputs still to fill (written as 【待填写…】 in the text) */
  missing: string[];
  /** the year of the figures the changes from last year are computed from, when there were any */
  previousYear?: number;
  /** 落款: unit and date lines under the text (none when both are empty) */
  signature?: { unit: string; date: string };
  /** paragraphs that are still the default draft the clerk never edited (their input labels) */
  drafts: string[];
}
