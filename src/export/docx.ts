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
 * Fonts, sizes, spacing and alignment live in named paragraph styles (公文正文, 公文一级标题, 公文表格文字 …), so
 * a user restyles the report in Word by changing a style; borders and cell margins are set once per table.
 *
 * Loaded on demand (`import('…/export/docx')`) so that the task pane does not carry the docx package.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentDefaults,
  DocumentGridType,
  Footer,
  type IParagraphStyleOptions,
  type IStylesOptions,
  ImportedXmlComponent,
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
/** characters a body line holds and lines a page holds (GB/T 9704-2012 7.1: 28 × 22) */
export const GRID = { chars: 28, lines: 22 } as const;
/**
 * The document grid's character pitch: 28 characters of 三号 on the 156 mm type area make a pitch of
 * TEXT_WIDTH / 28 (≈ 15.79 pt), given to Word as the difference from the font size in 1/4096 pt (rounded down,
 * so that the 28th character still fits).
 */
/**
 * The body's character spacing (twentieths of a point): the pitch the grid asks for (≈ 15.79 pt) is less than
 * the 16 pt of 三号, which a word processor that does not squeeze glyphs onto the grid (LibreOffice: a glyph wider
 * than its grid cell takes two cells) cannot do. The text does not snap to the character grid (Normal) and is set
 * 0.4 pt closer instead: 15.6 pt a character, 28 to the line in LibreOffice (measured on the PDF) and in Word.
 */
const BODY_SPACING = -8;
const CHAR_SPACE = Math.floor(((TEXT_WIDTH / GRID.chars / 20 - SIZE.body / 2) * 4096));

/**
 * The font table: the GB fonts government machines have, each with the stock font of Windows 10/11 that Word
 * takes in its place (altName) where it is missing — 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体, 方正小标宋简体 → 宋体.
 */
export const FONT_TABLE: readonly { name: string; altName?: string; family: string; pitch: string }[] = [
  { name: FONTS.body, altName: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: FONTS.heading2, altName: '楷体', family: 'modern', pitch: 'fixed' },
  { name: FONTS.title, altName: '宋体', family: 'script', pitch: 'variable' },
  { name: '黑体', altName: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: '宋体', altName: 'SimSun', family: 'auto', pitch: 'variable' },
  { name: 'Times New Roman', family: 'roman', pitch: 'variable' },
];

const xmlAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function fontTableXml(): string {
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${xmlAttr(f.name)}">${f.altName ? `<w:altName w:val="${xmlAttr(f.altName)}"/>` : ''}` +
      `<w:charset w:val="${f.name === 'Times New Roman' ? '00' : '86'}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`
  );
}

const font = (eastAsia: string) => ({ eastAsia, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin });
const ZH = { eastAsia: 'zh-CN' } as const;

/**
 * Paragraph styles, defined once in styles.xml: every paragraph names one and its runs are bare, so a report
 * is a few thousand XML elements rather than seven thousand (the docx package spends its time per element).
 * The names are what Word shows in its style list.
 */
const STYLES = {
  title: { id: 'GwTitle', name: '公文标题' },
  body: { id: 'GwBody', name: '公文正文' },
  heading1: { id: 'GwHeading1', name: '公文一级标题' },
  heading2: { id: 'GwHeading2', name: '公文二级标题' },
  cell: { id: 'GwCell', name: '公文表格文字' },
  cellCenter: { id: 'GwCellCenter', name: '公文表格文字居中' },
  note: { id: 'GwTableNote', name: '公文表注' },
  gap: { id: 'GwTableGap', name: '公文表后空行' },
} as const;

const TIGHT = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } as const;

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    ...STYLES.title,
    basedOn: 'Normal',
    next: STYLES.body.id,
    quickFormat: true,
    run: { font: font(FONTS.title), size: SIZE.title },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { line: Math.round(LINE * 1.2), lineRule: LineRuleType.EXACT, before: 0, after: 0 } },
  },
  {
    ...STYLES.body,
    basedOn: 'Normal',
    next: STYLES.body.id,
    quickFormat: true,
    run: { font: font(FONTS.body), size: SIZE.body, language: ZH, characterSpacing: BODY_SPACING },
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      indent: { firstLine: INDENT_2CHARS },
      spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    },
  },
  // a heading stays on the page of what follows it
  {
    ...STYLES.heading1,
    basedOn: STYLES.body.id,
    next: STYLES.body.id,
    quickFormat: true,
    run: { font: font(FONTS.heading1) },
    paragraph: { keepNext: true, keepLines: true },
  },
  {
    ...STYLES.heading2,
    basedOn: STYLES.body.id,
    next: STYLES.body.id,
    quickFormat: true,
    run: { font: font(FONTS.heading2) },
    paragraph: { keepNext: true, keepLines: true },
  },
  {
    ...STYLES.cell,
    basedOn: 'Normal',
    run: { font: font(FONTS.body), size: SIZE.table, language: ZH },
    paragraph: { alignment: AlignmentType.LEFT, spacing: TIGHT },
  },
  { ...STYLES.cellCenter, basedOn: STYLES.cell.id, paragraph: { alignment: AlignmentType.CENTER } },
  { ...STYLES.note, basedOn: STYLES.cell.id, next: STYLES.body.id, paragraph: { spacing: { ...TIGHT, before: 60 } } },
  // a Word table directly followed by a heading looks cramped: one empty line (in the size of the body text)
  { ...STYLES.gap, basedOn: 'Normal', next: STYLES.body.id, paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } } },
];

/**
 * The style sheet holds only what the document uses. (Given `importedStyles`, the docx package leaves out its own
 * default set: Title, Heading 1–6, TOC 1–9, Caption …, which Word knows as built-in styles anyway.)
 * - Normal and Normal Table (the defaults Word expects, as the docx package writes them);
 * - footnote / endnote reference, which the package's (empty) footnotes.xml and endnotes.xml name.
 * Parsed once and shared by every document (they are only read when written). Cells keep their own vertical
 * centring: a table style's w:tcPr would save ~5 % more time, but only LibreOffice could be checked to honour it,
 * not Word or WPS.
 */
const FIXED_STYLES = [
  // Normal: text does not snap to the character grid (a word processor that does not squeeze glyphs would give a
  // 16 pt character two grid cells of 15.8 pt); the body size stated here too (LibreOffice sizes the grid by it)
  '<w:style w:type="paragraph" w:styleId="Normal" w:default="1"><w:name w:val="Normal"/><w:qFormat/>' +
    `<w:pPr><w:snapToGrid w:val="0"/></w:pPr><w:rPr><w:sz w:val="${SIZE.body}"/><w:szCs w:val="${SIZE.body}"/></w:rPr></w:style>`,
  '<w:style w:type="table" w:styleId="TableNormal" w:default="1"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/>' +
    '<w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/>' +
    '<w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>',
  ...['Footnote', 'Endnote'].map(
    (kind) =>
      `<w:style w:type="character" w:styleId="${kind}Reference"><w:name w:val="${kind.toLowerCase()} reference"/>` +
      '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>',
  ),
].map((xml) => ImportedXmlComponent.fromXmlString(xml));

function styleSheet(): IStylesOptions {
  return {
    importedStyles: [
      new DocumentDefaults({
        run: { font: font(FONTS.body), size: SIZE.body },
        paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
      }),
      ...FIXED_STYLES,
    ],
    paragraphStyles: PARAGRAPH_STYLES,
  };
}

const para = (style: { id: string }, text: string, keepNext?: boolean): Paragraph =>
  new Paragraph({ style: style.id, children: text ? [new TextRun(text)] : [], keepNext: keepNext || undefined });

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
      style: STYLES.title.id,
      children: titleLines(title, organization).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined })),
    }),
    // one empty line of body spacing (the document default) between title and text
    new Paragraph({}),
  ];
}

function tableCell(c: DocCell, keepNext: boolean): TableCell {
  const center = c.kind === 'value' || (c.header && c.scope !== 'row' && c.scope !== 'rowgroup') || c.kind === 'empty';
  // width: the docx package writes the width of the spanned grid columns; borders and margins are the table's
  return new TableCell({
    children: [para(center ? STYLES.cellCenter : STYLES.cell, c.text, keepNext)],
    rowSpan: c.rs > 1 ? c.rs : undefined,
    columnSpan: c.cs > 1 ? c.cs : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
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
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  // a row of labels only (a group label such as 第二十条第（一）项, the column headers) stays on the page of the
  // row after it: its paragraphs keep with the next (Word and LibreOffice keep the row with the next one)
  const labelsOnly = t.cells.map((row) => row.every((c) => c.kind !== 'value'));
  return new Table({
    rows: t.cells.map(
      (row, r) =>
        new TableRow({
          children: row.map((c) => tableCell(c, labelsOnly[r] && r + 1 < t.cells.length)),
          tableHeader: r < t.headerRows || undefined,
          cantSplit: true,
        }),
    ),
    columnWidths: cols,
    width: { size: cols.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    margins: { left: 30, right: 30, top: 20, bottom: 20 },
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
  for (const p of doc.preamble) children.push(para(STYLES.body, p.text));
  for (const s of doc.sections) {
    children.push(para(STYLES.heading1, s.heading));
    for (const b of s.blocks) {
      if (b.kind === 'paragraph') children.push(para(STYLES.body, b.text));
      else if (b.kind === 'subheading') children.push(para(STYLES.heading2, b.text));
      else {
        const t = doc.tables[b.table];
        children.push(docxTable(t));
        for (const n of t.notes) children.push(para(STYLES.note, n));
        children.push(para(STYLES.gap, ''));
      }
    }
  }
  if (doc.signature) children.push(...signatureParagraphs(doc.signature));
  return new Document({
    creator: '政务公开年报助手',
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: styleSheet(),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { ...MARGIN, header: 851, footer: 1134 },
          },
          // 28 characters a line, 22 lines a page
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children,
      },
    ],
  });
}

/**
 * 落款 (GB/T 9704-2012 7.3.5.1): one empty line after the text, then the unit centred over the date, the date
 * 4 characters from the right margin.
 */
function signatureParagraphs(sig: { unit: string; date: string }): Paragraph[] {
  const right = 4 * SIZE.body * 10;
  const out: Paragraph[] = [new Paragraph({ style: STYLES.body.id, children: [] })];
  const offset = sig.unit && sig.date ? Math.max(0, Math.round(((sig.date.length - sig.unit.length) / 2) * SIZE.body * 10)) : 0;
  if (sig.unit) out.push(new Paragraph({ style: STYLES.body.id, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: right + offset }, children: [new TextRun(sig.unit)] }));
  if (sig.date) out.push(new Paragraph({ style: STYLES.body.id, alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right }, children: [new TextRun(sig.date)] }));
  return out;
}

/** The report as a .docx file (with the font table of FONT_TABLE). */
export async function renderDocx(doc: ReportDocument): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildDocx(doc), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]));
}
