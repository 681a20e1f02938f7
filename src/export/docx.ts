/**
 * ReportDocument → .docx in the style of 党政机关公文 (GB/T 9704-2012):
 * A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 方正小标宋简体 二号 (22 pt) centred;
 * body 仿宋_GB2312 三号 (16 pt), first line indented 2 characters, exact line spacing 28.95 pt (22 lines a page);
 * 一级标题 黑体, 二级标题 楷体_GB2312; page numbers “— 1 —” in 宋体 四号, odd pages right, even pages left;
 * tables in 仿宋_GB2312 五号 (10.5 pt) with the official merged headers.
 *
 * Fonts: a run names one East Asian font. We name the GB fonts that government machines have
 * (方正小标宋简体, 仿宋_GB2312, 楷体_GB2312, 黑体); Word substitutes a similar installed font where one is
 * missing (仿宋_GB2312 → 仿宋/FangSong, 楷体_GB2312 → 楷体/KaiTi, 方正小标宋简体 → 宋体/SimSun; LibreOffice
 * uses its fontconfig fallbacks). No font is embedded. Latin letters and digits use Times New Roman.
 *
 * Loaded on demand (`import('…/export/docx')`) so that the task pane does not carry the docx package.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { DocCell, DocTable, ReportDocument } from '../core/narrative/types';

/** 1 mm in twentieths of a point */
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838 };
const MARGIN = { top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;

export const FONTS = {
  title: '方正小标宋简体',
  body: '仿宋_GB2312',
  heading1: '黑体',
  heading2: '楷体_GB2312',
  pageNumber: '宋体',
  latin: 'Times New Roman',
} as const;

/** sizes in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21 } as const;
/** 28.95 pt exact: 22 lines on the 225 mm type area */
const LINE = 579;
const INDENT_2CHARS = 2 * 16 * 20;

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });

function run(text: string, face: string, size: number): TextRun {
  return new TextRun({ text, font: font(face), size, language: { eastAsia: 'zh-CN' } });
}

function bodyParagraph(text: string, face: string = FONTS.body, heading = false): Paragraph {
  return new Paragraph({
    children: [run(text, face, SIZE.body)],
    // a heading stays on the page of what follows it
    keepNext: heading || undefined,
    keepLines: heading || undefined,
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: INDENT_2CHARS },
    spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
  });
}

/** A title longer than a line (20 characters of 二号 on the type area) breaks after the organisation's name. */
export function titleLines(title: string, organization: string): string[] {
  if (title.length > 20 && organization && title.startsWith(organization) && title.length > organization.length) {
    return [organization, title.slice(organization.length)];
  }
  return [title];
}

function titleParagraphs(title: string, organization: string): Paragraph[] {
  return [
    new Paragraph({
      children: titleLines(title, organization).map(
        (line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: font(FONTS.title), size: SIZE.title }),
      ),
      alignment: AlignmentType.CENTER,
      spacing: { line: LINE * 1.2, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    }),
    new Paragraph({ children: [], spacing: { line: LINE, lineRule: LineRuleType.EXACT } }),
  ];
}

function tableCell(c: DocCell, width: number): TableCell {
  const center = c.kind === 'value' || (c.header && c.scope !== 'row' && c.scope !== 'rowgroup') || c.kind === 'empty';
  return new TableCell({
    children: [
      new Paragraph({
        children: c.text ? [run(c.text, FONTS.body, SIZE.table)] : [],
        alignment: center ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
      }),
    ],
    rowSpan: c.rs > 1 ? c.rs : undefined,
    columnSpan: c.cs > 1 ? c.cs : undefined,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: 30, right: 30, top: 20, bottom: 20 },
  });
}

/**
 * Print proportions where the spreadsheet widths of the format do not suit a page: table 三's label columns
 * (so that “（三）不予公开” and the numbered reasons wrap in two lines at most where possible).
 */
const PRINT_WIDTHS: Partial<Record<DocTable['id'], number[]>> = {
  table3: [700, 1150, 2164, 690, 690, 690, 690, 690, 690, 690],
};

/** A table at the full text width, columns in the proportions of the format. */
export function docxTable(t: DocTable): Table {
  const print = PRINT_WIDTHS[t.id];
  const widths = print && print.length === t.cols ? print : t.widths;
  const total = widths.reduce((a, b) => a + b, 0);
  const cols = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const span = (c: number, cs: number) => cols.slice(c, c + cs).reduce((a, b) => a + b, 0);
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  return new Table({
    rows: t.cells.map(
      (row, r) =>
        new TableRow({
          children: row.map((c) => tableCell(c, span(c.c, c.cs))),
          tableHeader: r < t.headerRows || undefined,
          cantSplit: true,
        }),
    ),
    columnWidths: cols,
    width: { size: cols.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: { eastAsia: FONTS.pageNumber, ascii: FONTS.pageNumber, hAnsi: FONTS.pageNumber },
            size: SIZE.pageNumber,
          }),
        ],
      }),
    ],
  });
}

/** The Word document object (exposed for tests and for callers that pack it themselves). */
export function buildDocx(doc: ReportDocument): Document {
  const children: (Paragraph | Table)[] = [...titleParagraphs(doc.title, doc.organization)];
  for (const p of doc.preamble) children.push(bodyParagraph(p.text));
  for (const s of doc.sections) {
    children.push(bodyParagraph(s.heading, FONTS.heading1, true));
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') children.push(bodyParagraph(b.text));
      else if (b.kind === 'subheading') children.push(bodyParagraph(b.text, FONTS.heading2, true));
      else {
        const t = doc.tables[b.table];
        children.push(docxTable(t));
        for (const n of t.notes) {
          children.push(
            new Paragraph({
              children: [run(n, FONTS.body, SIZE.table)],
              spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 60, after: 0 },
            }),
          );
        }
        // a Word table directly followed by a heading looks cramped: one empty line
        children.push(new Paragraph({ children: [], spacing: { line: 240, lineRule: LineRuleType.AUTO } }));
      }
    }
  }
  return new Document({
    creator: '政务公开年报助手',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: { run: { font: font(FONTS.body), size: SIZE.body }, paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } } },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: 851, footer: 1134 },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/** The report as a .docx file. */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(doc)));
}
